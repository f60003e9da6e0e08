package io.openvpc.engine;

import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.model.Topology;

/** Compiles test snapshots with the standard products. */
final class Graphs {
  private Graphs() {}

  static CompiledGraph compile(Topology t) {
    return CompiledGraph.compile(t, Products.compilers());
  }
}
