package io.openvpc.engine.graph;

/** A node's identity: its kind and the ID of the resource it is compiled from. */
public record NodeId(NodeKind kind, String id) {
  public NodeId {
    if (kind == null || id == null || id.isEmpty()) {
      throw new IllegalArgumentException("a node needs a kind and an ID");
    }
  }

  @Override
  public String toString() {
    return kind.resourceType() + " " + id;
  }
}
