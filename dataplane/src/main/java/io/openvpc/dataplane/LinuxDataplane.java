package io.openvpc.dataplane;

import io.openvpc.dataplane.host.HostState;
import io.openvpc.dataplane.host.Netns;
import io.openvpc.dataplane.linux.LinuxHost;
import io.openvpc.dataplane.linux.Reconciler;
import io.openvpc.dataplane.render.Renderers;
import io.openvpc.dataplane.render.ScopeRender;
import io.openvpc.engine.Engine;
import io.openvpc.engine.GraphListener;
import io.openvpc.engine.graph.GraphChange;
import io.openvpc.model.Scope;
import io.openvpc.model.Topology;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Realises every scope the server's engine compiles on this host. It listens to the engine: each
 * applied change arrives as what it touched in the graph ({@link GraphChange}), is merged with what is
 * pending, and wakes the worker. The worker re-renders only what the pending changes touched (a scope's
 * {@link ScopeRender}), reassembles only the namespaces that differ, and reconciles, which touches in
 * the kernel only what differs (within a router's table, only the changed parts, in one transaction).
 * {@link #awaitApplied} lets callers wait until a given change is in force. While idle it reads a few
 * namespaces back every second and repairs any drift made behind its back.
 */
public final class LinuxDataplane implements AutoCloseable, GraphListener {
  private static final Logger LOG = LoggerFactory.getLogger(LinuxDataplane.class);
  /**
   * Namespaces read back per idle second, looking for drift (in-process, about a millisecond each: a
   * full sweep of 1,000 takes under a minute; those trusted at start from their marks come first).
   */
  private static final int VERIFY_PER_IDLE_SECOND = 20;
  /**
   * How long the agent must have been idle before it records what it applied (a router's table is
   * listed back for that: tens of milliseconds it must not add to a change that arrives meanwhile).
   */
  private static final long RECORD_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);
  /** The longest wait before a pass that left failures is tried again (it doubles from one second). */
  private static final long MAX_RETRY_MILLIS = 30_000;

  private final Reconciler reconciler;
  private final Engine engine;
  private final Renderers renderers = Renderers.linux();
  /** What the engine reported and the worker has not rendered yet, merged per scope. */
  private final Map<Scope, GraphChange> pending = new ConcurrentHashMap<>();
  /** The worker's: each scope's render, and every namespace desired, over all scopes. */
  private final Map<Scope, ScopeRender> scopes = new HashMap<>();
  private final Map<String, Netns> desired = new TreeMap<>();
  private final AtomicLong requested = new AtomicLong();
  private final AtomicLong applied = new AtomicLong();
  private final Object signal = new Object();
  private final Thread worker;
  private volatile boolean running = true;
  private volatile Consumer<Reconciler.Outcome> observer = o -> {};
  /** When a pass with failures is tried again (0: no retry due), and the wait after the next failure. */
  private long retryAt;
  private long retryDelay = 1000;
  /** When the last pass ended (the worker's). */
  private long lastPass = System.nanoTime();

  /**
   * The data plane of this host, rendering from {@code engine}, the server's one engine. It hears the
   * engine's changes from now on; its worker realises them once {@link #start}ed, so that the first pass
   * sees every scope {@link #update} was given before (a pass with nothing desired would remove
   * everything realised).
   */
  public LinuxDataplane(LinuxHost host, Engine engine) {
    this.engine = engine;
    this.reconciler = new Reconciler(host);
    this.worker = new Thread(this::loop, "ovpc-dataplane");
    this.worker.setDaemon(true);
    engine.listen(this);
  }

  /** Starts the worker; the first pass takes stock of the host and converges it. */
  public LinuxDataplane start() {
    worker.start();
    wake();
    return this;
  }

  /** Sees every pass's outcome (for logs and tests). */
  public void observe(Consumer<Reconciler.Outcome> o) {
    this.observer = o;
  }

  /**
   * Realises a snapshot of a scope the engine may not have compiled yet (at start, every scope that
   * holds resources): the engine compiles it if its graph is older and reports it whole. Returns the
   * ticket {@link #awaitApplied} waits for.
   */
  public long update(Topology topology) {
    engine.follow(topology);
    return latestTicket();
  }

  /** What the engine applied: merged with what is pending for the scope, for the worker. */
  @Override
  public void changed(Scope scope, GraphChange change) {
    pending.merge(scope, change, LinuxDataplane::merge);
    wake();
  }

  private static GraphChange merge(GraphChange a, GraphChange b) {
    if (a.full() || b.full()) {
      return GraphChange.full(Math.max(a.revision(), b.revision()));
    }
    return new GraphChange(Math.max(a.revision(), b.revision()), false, union(a.nodes(), b.nodes()),
        union(a.edges(), b.edges()), union(a.segments(), b.segments()), union(a.sets(), b.sets()));
  }

  private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
    java.util.Set<T> s = new HashSet<>(a);
    s.addAll(b);
    return s;
  }


  private long wake() {
    long ticket = requested.incrementAndGet();
    synchronized (signal) {
      signal.notifyAll();
    }
    return ticket;
  }

  /** The ticket of the latest update: awaiting it waits for everything recorded so far. */
  public long latestTicket() {
    return requested.get();
  }

  /** Waits until every update up to {@code ticket} has been applied; false on timeout. */
  public boolean awaitApplied(long ticket, long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    synchronized (signal) {
      while (applied.get() < ticket) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(signal, left);
      }
    }
    return true;
  }

  /** The host state every scope renders to now, as of the last pass (the worker's; for tests and tools). */
  public synchronized HostState desired() {
    return new HostState(desired);
  }

  /** Renders what is pending into {@link #desired}: only the touched parts of each scope. */
  private synchronized void render() {
    for (Scope scope : java.util.List.copyOf(pending.keySet())) {
      GraphChange change = pending.remove(scope);
      if (change == null) {
        continue;
      }
      ScopeRender r = scopes.computeIfAbsent(scope, s -> new ScopeRender(renderers));
      Map<String, Netns> delta;
      try {
        delta = engine.read(scope, graph -> r.apply(graph, change)).orElse(Map.of());
      } catch (RuntimeException e) {
        // a renderer broke: start the scope afresh rather than keep a half-applied render
        LOG.error("data plane: rendering " + scope + " failed; rendering it whole again", e);
        scopes.remove(scope);
        desired.keySet().removeAll(r.namespaces().keySet());
        pending.merge(scope, GraphChange.full(change.revision()), LinuxDataplane::merge);
        continue;
      }
      delta.forEach((ns, netns) -> {
        if (netns == null) {
          desired.remove(ns);
        } else {
          desired.put(ns, netns);
        }
      });
    }
  }

  private void loop() {
    while (running) {
      long target = requested.get();
      if (applied.get() < target) {
        try {
          render();
          Reconciler.Outcome o = reconciler.reconcile(desired());
          if (!o.changedNothing()) {
            LOG.info("data plane: created {}, changed {}, deleted {}, failed {}", o.created().size(),
                o.changed().size(), o.deleted().size(), o.failed().size());
          }
          // What failed is tried again, sooner at first, then less often while it keeps failing.
          if (o.failed().isEmpty()) {
            retryAt = 0;
            retryDelay = 1000;
          } else {
            retryAt = System.currentTimeMillis() + retryDelay;
            retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MILLIS);
          }
          observer.accept(o);
        } catch (RuntimeException e) {
          LOG.warn("data plane pass failed; will read the host back: {}", e.toString());
          reconciler.resync();
        }
        applied.set(target);
        lastPass = System.nanoTime();
        synchronized (signal) {
          signal.notifyAll();
        }
        continue;
      }
      synchronized (signal) {
        if (requested.get() == applied.get() && running) {
          try {
            signal.wait(TimeUnit.SECONDS.toMillis(1));
          } catch (InterruptedException e) {
            return;
          }
        }
      }
      if (running && retryAt != 0 && System.currentTimeMillis() >= retryAt && requested.get() == applied.get()) {
        retryAt = 0;
        wake();
        continue;
      }
      if (running && requested.get() == applied.get()) {
        try {
          if (System.nanoTime() - lastPass > RECORD_AFTER_IDLE_NANOS) {
            reconciler.recordPending(() -> requested.get() != applied.get());
          }
          if (reconciler.verifySome(VERIFY_PER_IDLE_SECOND)) {
            LOG.info("data plane: the host drifted from what was applied; repairing");
            wake();
          }
        } catch (RuntimeException e) {
          LOG.warn("data plane: reading the host back failed: {}", e.toString());
        }
      }
    }
  }

  /**
   * Stops following changes, recording what was applied so that the next start trusts it. What is
   * realised stays (instances keep running); see {@link #teardown}.
   */
  @Override
  public void close() {
    running = false;
    worker.interrupt();
    try {
      worker.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      reconciler.recordPending(() -> false);
    } catch (RuntimeException e) {
      LOG.warn("data plane: cannot record what was applied; the next start reads it back: {}", e.toString());
    }
  }

  /** Removes everything this agent realised, by exact name. */
  public void teardown() {
    close();
    reconciler.reconcile(HostState.EMPTY);
  }
}
