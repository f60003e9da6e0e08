package io.openvpc.engine.graph;

import java.util.Set;

/**
 * What one applied change touched in a scope's graph, for consumers that keep state derived from it
 * (the data plane's renderers): the nodes whose record changed (added and removed ones included), the
 * edges that changed, the rule segments and the named address sets whose content changed. {@code full}
 * means the graph was compiled afresh and anything may have changed.
 */
public record GraphChange(long revision, boolean full, Set<NodeId> nodes, Set<EdgeId> edges, Set<String> segments,
    Set<String> sets) {
  public GraphChange {
    nodes = Set.copyOf(nodes);
    edges = Set.copyOf(edges);
    segments = Set.copyOf(segments);
    sets = Set.copyOf(sets);
  }

  public static GraphChange full(long revision) {
    return new GraphChange(revision, true, Set.of(), Set.of(), Set.of(), Set.of());
  }

  public boolean isEmpty() {
    return !full && nodes.isEmpty() && edges.isEmpty() && segments.isEmpty() && sets.isEmpty();
  }
}
