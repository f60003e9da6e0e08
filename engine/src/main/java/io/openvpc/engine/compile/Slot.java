package io.openvpc.engine.compile;

/**
 * A place in the graph one compile writes: a node, an edge, an address owner, an endpoint, a member,
 * a rule segment, a named set's part or an artifact, by kind and key.
 */
record Slot(SlotKind kind, Object key) {
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Slot s && kind == s.kind && key.equals(s.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + kind.ordinal();
  }
}
