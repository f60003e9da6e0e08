package io.openvpc.dataplane.host;

/**
 * A network device in a namespace: {@code lo}, or one end of a veth pair named {@code ovpc-...}. The end
 * that creates the pair names its peer ({@code peerNamespace}, {@code peerName}); the other end has
 * them empty. {@code alias} holds the ENI ID on both ends, so that a pair left over from an ENI that
 * moved to another instance is recognised and rebuilt. {@code up} is whether it is administratively up.
 */
public record Link(String name, String alias, String peerNamespace, String peerName, boolean up) {
  public Link {
    alias = alias == null ? "" : alias;
    peerNamespace = peerNamespace == null ? "" : peerNamespace;
    peerName = peerName == null ? "" : peerName;
    if (name.length() > 15) {
      throw new IllegalArgumentException("link name " + name + " is longer than IFNAMSIZ allows (15)");
    }
  }

  /** The end of a pair that the other namespace creates. */
  public static Link peerEnd(String name, String alias) {
    return new Link(name, alias, "", "", true);
  }

  /** The end that creates the pair, with its peer in {@code peerNamespace}. */
  public static Link pair(String name, String alias, String peerNamespace, String peerName) {
    return new Link(name, alias, peerNamespace, peerName, true);
  }

  public boolean createsPair() {
    return !peerName.isEmpty();
  }
}
