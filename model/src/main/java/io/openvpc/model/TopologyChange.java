package io.openvpc.model;

import java.util.List;

/**
 * A committed change of one scope: the snapshots before and after, and what was written (resources
 * put, keys of resources deleted). It travels whole to every listener: the semantics engine applies it
 * to its compiled graph, the data plane learns from the engine what that touched.
 */
public record TopologyChange(Scope scope, Topology before, Topology after, List<Resource> puts,
    List<ResourceKey> deletes) {
  public TopologyChange {
    puts = List.copyOf(puts);
    deletes = List.copyOf(deletes);
  }

  /** Every key this change wrote, puts first. */
  public List<ResourceKey> keys() {
    java.util.ArrayList<ResourceKey> out = new java.util.ArrayList<>(puts.size() + deletes.size());
    puts.forEach(r -> out.add(ResourceKey.of(r)));
    out.addAll(deletes);
    return out;
  }
}
