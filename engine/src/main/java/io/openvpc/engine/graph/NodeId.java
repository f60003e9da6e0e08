package io.openvpc.engine.graph;

/**
 * A node's identity: its kind and the ID of the resource it is compiled from. A value class rather
 * than a record so that it keeps its hash and, for IDs of up to 16 Latin-1 characters (Tencent's
 * {@code eni-xxxxxxxx}, {@code subnet-xxxxxxxx}), the characters packed in two longs: every step of a
 * walk looks nodes and edges up by ID, with IDs the compilers made separately (an ENI's parent, the
 * subnet's own), and comparing those must not read two strings.
 */
public final class NodeId {
  private final NodeKind kind;
  private final String id;
  private final int hash;
  /** The ID's length when packed, else -1. */
  private final int packed;
  private final long first;
  private final long second;

  public NodeId(NodeKind kind, String id) {
    if (kind == null || id == null || id.isEmpty()) {
      throw new IllegalArgumentException("a node needs a kind and an ID");
    }
    this.kind = kind;
    this.id = id;
    // mixed well: IDs of a region differ in their last characters only
    int h = id.hashCode() * 0x9E3779B9 + kind.ordinal();
    this.hash = h ^ (h >>> 15);
    long a = 0;
    long b = 0;
    int length = id.length() <= 16 ? id.length() : -1;
    for (int i = 0; i < length; i++) {
      char c = id.charAt(i);
      if (c > 0xFF) {
        length = -1;
        break;
      }
      if (i < 8) {
        a |= (long) c << (8 * i);
      } else {
        b |= (long) c << (8 * (i - 8));
      }
    }
    this.packed = length;
    this.first = length < 0 ? 0 : a;
    this.second = length < 0 ? 0 : b;
  }

  public NodeKind kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  /** Equal IDs pack equally, and a packed ID never equals one that could not be packed. */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof NodeId n && hash == n.hash && kind == n.kind && packed == n.packed
        && first == n.first && second == n.second && (packed >= 0 || id.equals(n.id));
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
