package io.openvpc.engine.graph;

/** The identity of an edge: the nodes it leaves and enters. */
public record EdgeId(NodeId from, NodeId to) {
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof EdgeId k && from.equals(k.from) && to.equals(k.to);
  }

  @Override
  public int hashCode() {
    return from.hashCode() * 31 + to.hashCode();
  }

  @Override
  public String toString() {
    return from + " -> " + to;
  }
}
