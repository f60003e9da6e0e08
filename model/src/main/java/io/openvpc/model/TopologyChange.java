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

  /** The change from one snapshot of a scope to a later one: what is new or different, and what is gone. */
  public static TopologyChange between(Topology before, Topology after) {
    java.util.List<Resource> puts = new java.util.ArrayList<>();
    java.util.List<ResourceKey> deletes = new java.util.ArrayList<>();
    for (Class<? extends Resource> type : ResourceTypes.ALL) {
      for (Resource x : after.all(type)) {
        if (before.find(type, x.id()).map(b -> !b.equals(x)).orElse(true)) {
          puts.add(x);
        }
      }
      for (Resource x : before.all(type)) {
        if (after.find(type, x.id()).isEmpty()) {
          deletes.add(ResourceKey.of(x));
        }
      }
    }
    return new TopologyChange(after.scope(), before, after, puts, deletes);
  }

  /** Every key this change wrote, puts first. */
  public List<ResourceKey> keys() {
    java.util.ArrayList<ResourceKey> out = new java.util.ArrayList<>(puts.size() + deletes.size());
    puts.forEach(r -> out.add(ResourceKey.of(r)));
    out.addAll(deletes);
    return out;
  }
}
