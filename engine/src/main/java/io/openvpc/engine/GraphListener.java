package io.openvpc.engine;

import io.openvpc.engine.graph.GraphChange;
import io.openvpc.model.Scope;

/**
 * Told, in revision order per scope, what each applied change touched in a scope's graph (or that the
 * graph was compiled afresh). It runs on the committing writer's thread: hand real work to a thread of
 * its own, as the data plane does, and read the graph through {@link Engine#read}.
 */
@FunctionalInterface
public interface GraphListener {
  void changed(Scope scope, GraphChange change);
}
