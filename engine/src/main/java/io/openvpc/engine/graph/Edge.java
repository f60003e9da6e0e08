package io.openvpc.engine.graph;

import java.util.List;

/**
 * A directed link of the graph. A packet crossing it meets the {@code egress} filters as it leaves
 * {@code from} (recorded in that node's hop), then {@code translation} if any, then the {@code ingress}
 * filters as it enters {@code to} (recorded in that node's hop).
 */
public record Edge(NodeId from, NodeId to, List<Filter> egress, List<Filter> ingress, Translation translation) {
  public Edge {
    egress = List.copyOf(egress);
    ingress = List.copyOf(ingress);
  }

  public Edge(NodeId from, NodeId to, List<Filter> egress, List<Filter> ingress) {
    this(from, to, egress, ingress, null);
  }

  /** Every filter on the edge, egress first. */
  public List<Filter> filters() {
    if (ingress.isEmpty()) {
      return egress;
    }
    if (egress.isEmpty()) {
      return ingress;
    }
    List<Filter> all = new java.util.ArrayList<>(egress);
    all.addAll(ingress);
    return all;
  }
}
