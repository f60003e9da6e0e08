package io.openvpc.dataplane;

import io.openvpc.dataplane.host.HostState;
import io.openvpc.dataplane.linux.LinuxHost;
import io.openvpc.dataplane.linux.Reconciler;
import io.openvpc.dataplane.render.EnginePolicy;
import io.openvpc.dataplane.render.HostRenderer;
import io.openvpc.engine.Engine;
import io.openvpc.model.Scope;
import io.openvpc.model.Topology;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Realises every followed scope on this host. {@link #update} records the newest topology of a scope
 * and wakes the worker; the worker takes whatever is newest (so a burst of changes costs one pass),
 * renders the whole desired state (pure, milliseconds) and reconciles, which touches only namespaces
 * whose desired state changed. {@link #awaitApplied} lets callers wait until a given update is in
 * force. While idle it reads a few namespaces back every second and repairs any drift made behind its
 * back, so that no full re-read ever holds up a change.
 */
public final class LinuxDataplane implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LinuxDataplane.class);
  /**
   * Namespaces read back per idle second, looking for drift (in-process, about a millisecond each: a
   * full sweep of 1,000 takes under a minute; those trusted at start from their marks come first).
   */
  private static final int VERIFY_PER_IDLE_SECOND = 20;
  /** The longest wait before a pass that left failures is tried again (it doubles from one second). */
  private static final long MAX_RETRY_MILLIS = 30_000;

  private final Reconciler reconciler;
  private final Engine engine;
  private final Map<Scope, Topology> latest = new ConcurrentHashMap<>();
  private final Map<Scope, Rendered> rendered = new ConcurrentHashMap<>();
  private final AtomicLong requested = new AtomicLong();
  private final AtomicLong applied = new AtomicLong();
  private final Object signal = new Object();
  private final Thread worker;
  private volatile boolean running = true;
  private volatile Consumer<Reconciler.Outcome> observer = o -> {};
  /** When a pass with failures is tried again (0: no retry due), and the wait after the next failure. */
  private long retryAt;
  private long retryDelay = 1000;

  /** The data plane of this host, rendering from {@code engine}, the server's one engine. */
  public LinuxDataplane(LinuxHost host, Engine engine) {
    this.engine = engine;
    this.reconciler = new Reconciler(host);
    this.worker = new Thread(this::loop, "ovpc-dataplane");
    this.worker.setDaemon(true);
  }

  /** Starts the worker; the first pass reads the host back and converges it. */
  public LinuxDataplane start() {
    worker.start();
    wake();
    return this;
  }

  /** Sees every pass's outcome (for logs and tests). */
  public void observe(Consumer<Reconciler.Outcome> o) {
    this.observer = o;
  }

  /** Records the newest snapshot of a scope; returns the ticket {@link #awaitApplied} waits for. */
  public long update(Topology topology) {
    latest.merge(topology.scope(), topology, (a, b) -> b.revision() >= a.revision() ? b : a);
    return wake();
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

  /** The host state every followed scope renders to now; a scope that did not change is not re-rendered. */
  public HostState desired() {
    HostState all = HostState.EMPTY;
    for (Topology t : latest.values()) {
      Rendered r = rendered.get(t.scope());
      if (r == null || r.source() != t) {
        r = new Rendered(t, engine.query(t, graph -> HostRenderer.render(t, new EnginePolicy(graph))));
        rendered.put(t.scope(), r);
      }
      all = all.plus(r.state());
    }
    return all;
  }

  /** A scope's host state, rendered from exactly this snapshot (rendering is a pure function of it). */
  private record Rendered(Topology source, HostState state) {}

  private void loop() {
    while (running) {
      long target = requested.get();
      if (applied.get() < target) {
        try {
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

  /** Stops following changes. What is realised stays (instances keep running); see {@link #teardown}. */
  @Override
  public void close() {
    running = false;
    worker.interrupt();
    try {
      worker.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Removes everything this agent realised, by exact name. */
  public void teardown() {
    close();
    reconciler.reconcile(HostState.EMPTY);
  }
}
