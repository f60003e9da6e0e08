package io.openvpc.engine.graph;

/** A node's identity: its kind and the ID of the resource it is compiled from. */
public record NodeId(NodeKind kind, String id) {
  public NodeId {
    if (kind == null || id == null || id.isEmpty()) {
      throw new IllegalArgumentException("a node needs a kind and an ID");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof NodeId n && kind == n.kind && id.equals(n.id);
  }

  /** Mixed well: IDs of a region differ in their last characters only. */
  @Override
  public int hashCode() {
    int h = id.hashCode() * 0x9E3779B9 + kind.ordinal();
    return h ^ (h >>> 15);
  }

  @Override
  public String toString() {
    return kind.resourceType() + " " + id;
  }
}
