package io.openvpc.engine.graph;

/**
 * A node's identity: its kind and the ID of the resource it is compiled from. A value class rather
 * than a record so that it keeps its hash: every step of a walk looks nodes and edges up by ID.
 */
public final class NodeId {
  private final NodeKind kind;
  private final String id;
  private final int hash;

  public NodeId(NodeKind kind, String id) {
    if (kind == null || id == null || id.isEmpty()) {
      throw new IllegalArgumentException("a node needs a kind and an ID");
    }
    this.kind = kind;
    this.id = id;
    // mixed well: IDs of a region differ in their last characters only
    int h = id.hashCode() * 0x9E3779B9 + kind.ordinal();
    this.hash = h ^ (h >>> 15);
  }

  public NodeKind kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof NodeId n && hash == n.hash && kind == n.kind && id.equals(n.id);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return kind.resourceType() + " " + id;
  }
}
