package io.openvpc.engine;

import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.engine.compile.Compilers;
import io.openvpc.engine.graph.Graph;
import io.openvpc.engine.graph.GraphChange;
import io.openvpc.model.Scope;
import io.openvpc.model.Topology;
import io.openvpc.model.TopologyChange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The semantics engine of a server, shared by the analysis and the data plane: one compiled graph per
 * scope, kept at the latest revision by applying each committed change incrementally
 * ({@link #changed}), and compiled afresh only when it missed a change. Queries run against the graph
 * of the snapshot's exact revision under a read lock, so they never see a half-applied change. With
 * listeners (the data plane), every scope that changes is kept compiled and each change is reported
 * with what it touched.
 */
public final class Engine {
  private static final System.Logger LOG = System.getLogger("io.openvpc.engine");
  private final Compilers compilers;
  private final Map<Scope, Compiled> graphs = new ConcurrentHashMap<>();
  private final List<GraphListener> listeners = new CopyOnWriteArrayList<>();

  private static final class Compiled {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    volatile CompiledGraph graph;

    Compiled(CompiledGraph graph) {
      this.graph = graph;
    }
  }

  public Engine() {
    this(Products.compilers());
  }

  public Engine(Compilers compilers) {
    this.compilers = compilers;
  }

  /** Follows every change from now on, and hears of each. */
  public void listen(GraphListener l) {
    listeners.add(l);
  }

  /** Runs {@code query} over the graph of {@code topology}'s revision. */
  public <T> T query(Topology topology, Function<Graph, T> query) {
    Compiled c = graphs.compute(topology.scope(), (scope, old) ->
        old != null && old.graph.revision() >= topology.revision() ? old
            : new Compiled(CompiledGraph.compile(topology, compilers)));
    c.lock.readLock().lock();
    try {
      if (c.graph.revision() != topology.revision()) {
        // an older snapshot, or one the cache has already moved past: compile it on the side
        return query.apply(CompiledGraph.compile(topology, compilers));
      }
      return query.apply(c.graph);
    } finally {
      c.lock.readLock().unlock();
    }
  }

  /** Runs {@code query} over the current graph of a scope, if it is compiled. */
  public <T> Optional<T> read(Scope scope, Function<Graph, T> query) {
    Compiled c = graphs.get(scope);
    if (c == null) {
      return Optional.empty();
    }
    c.lock.readLock().lock();
    try {
      return Optional.ofNullable(query.apply(c.graph));
    } finally {
      c.lock.readLock().unlock();
    }
  }

  /** Compiles a scope's snapshot if its graph is older, and tells listeners it was compiled afresh. */
  public void follow(Topology topology) {
    Compiled c = graphs.get(topology.scope());
    if (c != null && c.graph.revision() >= topology.revision()) {
      return;
    }
    replace(topology);
  }

  /**
   * Applies one committed change of a scope, taking its graph from the change's {@code before}
   * revision to its {@code after} revision, and tells listeners what that touched. A graph at another
   * revision is compiled afresh from {@code after} when someone listens, else dropped until the next
   * query.
   */
  public void changed(TopologyChange change) {
    Compiled c = graphs.get(change.scope());
    if (c == null) {
      if (!listeners.isEmpty()) {
        replace(change.after());
      }
      return;
    }
    GraphChange touched;
    c.lock.writeLock().lock();
    try {
      if (c.graph.revision() != change.before().revision()) {
        touched = null;
      } else {
        try {
          touched = c.graph.apply(change);
        } catch (RuntimeException e) {
          // a compiler broke its contract; the change is committed, so compile the scope afresh
          LOG.log(System.Logger.Level.ERROR, "incremental update of " + change.scope() + " to revision "
              + change.after().revision() + " failed; compiling afresh", e);
          touched = null;
        }
      }
      if (touched == null) {
        graphs.remove(change.scope(), c);
      }
    } finally {
      c.lock.writeLock().unlock();
    }
    if (touched == null) {
      if (!listeners.isEmpty()) {
        replace(change.after());
      }
      return;
    }
    if (!touched.isEmpty()) {
      for (GraphListener l : listeners) {
        l.changed(change.scope(), touched);
      }
    }
  }

  private void replace(Topology t) {
    graphs.put(t.scope(), new Compiled(CompiledGraph.compile(t, compilers)));
    for (GraphListener l : listeners) {
      l.changed(t.scope(), GraphChange.full(t.revision()));
    }
  }

  /** The revision of the cached graph of a scope, or -1 (for tests and metrics). */
  public long cachedRevision(Scope scope) {
    Compiled c = graphs.get(scope);
    return c == null ? -1 : c.graph.revision();
  }
}
