package io.openvpc.engine;

import io.openvpc.engine.graph.CompiledNetwork;
import io.openvpc.engine.graph.ForwardingModel;
import io.openvpc.model.Resource;
import io.openvpc.model.Scope;
import io.openvpc.model.Topology;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The semantics engine of a server: one compiled model per scope, kept at the latest revision by
 * applying each committed change incrementally ({@link #changed}), and recompiled in full only when it
 * missed a change. Queries run against the model of the snapshot's exact revision under a read lock,
 * so they never see a half-applied change.
 */
public final class Engine {
  private static final System.Logger LOG = System.getLogger("io.openvpc.engine");
  private final Map<Scope, Compiled> models = new ConcurrentHashMap<>();

  private static final class Compiled {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    volatile ForwardingModel model;

    Compiled(ForwardingModel model) {
      this.model = model;
    }
  }

  /** Runs {@code query} over the compiled model of {@code topology}'s revision. */
  public <T> T query(Topology topology, Function<CompiledNetwork, T> query) {
    Compiled c = models.compute(topology.scope(), (scope, old) ->
        old != null && old.model.revision() >= topology.revision() ? old
            : new Compiled(ForwardingModel.compile(topology)));
    c.lock.readLock().lock();
    try {
      if (c.model.revision() != topology.revision()) {
        // an older snapshot, or one the cache has already moved past: compile it on the side
        return query.apply(ForwardingModel.compile(topology));
      }
      return query.apply(c.model);
    } finally {
      c.lock.readLock().unlock();
    }
  }

  /**
   * Applies one committed change of a scope: its puts and deletes, taking the model from
   * {@code before}'s revision to {@code after}'s. A model at another revision is dropped and rebuilt on
   * the next query.
   */
  public void changed(Topology before, Topology after, Collection<? extends Resource> puts,
      Collection<? extends Map.Entry<Class<? extends Resource>, String>> deletes) {
    Compiled c = models.get(after.scope());
    if (c == null) {
      return;
    }
    c.lock.writeLock().lock();
    try {
      if (c.model.revision() != before.revision()) {
        models.remove(after.scope(), c);
        return;
      }
      try {
        for (Map.Entry<Class<? extends Resource>, String> d : deletes) {
          c.model.delete(d.getKey(), d.getValue());
        }
        for (Resource r : puts) {
          c.model.put(r);
        }
        c.model.revision(after.revision());
      } catch (RuntimeException e) {
        // the change is committed whatever happens here: drop the model, the next query recompiles
        models.remove(after.scope(), c);
        LOG.log(System.Logger.Level.WARNING, "incremental update of " + after.scope() + " failed; recompiling", e);
      }
    } finally {
      c.lock.writeLock().unlock();
    }
  }

  /** The revision of the cached model of a scope, or -1 (for tests and metrics). */
  public long cachedRevision(Scope scope) {
    Compiled c = models.get(scope);
    return c == null ? -1 : c.model.revision();
  }
}
