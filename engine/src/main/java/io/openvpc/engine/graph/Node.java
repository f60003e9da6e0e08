package io.openvpc.engine.graph;

import io.openvpc.engine.policy.Addr;
import io.openvpc.model.Cidr;
import io.openvpc.model.IpAddr;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of the forwarding graph. What the walk needs is here and the same for every product:
 * {@code parent} (a node reaches any other through its ancestors, as an ENI reaches its subnet and the
 * subnet its VPC router), the address {@code domain} its addresses and local routes belong to (a VPC),
 * its {@code state}, the {@code addresses} it receives on (in order: the first of a family is the one
 * it sends from), the blocks of addresses it serves ({@code space}: a subnet's or a VPC's blocks), its
 * {@code routing} (null: it sends everything to its parent), how it {@link Forwarding forwards}, and
 * the {@code host} resource traces name when it sends, receives or forwards. {@code attributes} is the
 * compiler's typed record for renderers; the walk never reads it. Immutable; equal when every part is.
 */
public final class Node {
  private final NodeId id;
  private final NodeId parent;
  private final String domain;
  private final NodeState state;
  private final List<IpAddr> addresses;
  private final Addr[] held;
  private final List<Cidr> space;
  private final RoutingTable routing;
  private final Forwarding forwarding;
  private final ResourceRef host;
  private final Object attributes;

  public Node(NodeId id, NodeId parent, String domain, NodeState state, List<IpAddr> addresses, List<Cidr> space,
      RoutingTable routing, Forwarding forwarding, ResourceRef host, Object attributes) {
    this.id = Objects.requireNonNull(id);
    this.parent = parent;
    this.domain = Objects.requireNonNull(domain);
    this.state = Objects.requireNonNull(state);
    this.addresses = List.copyOf(addresses);
    this.held = new Addr[this.addresses.size()];
    for (int i = 0; i < held.length; i++) {
      held[i] = Addr.of(this.addresses.get(i));
    }
    this.space = List.copyOf(space);
    this.routing = routing;
    this.forwarding = Objects.requireNonNull(forwarding);
    this.host = host;
    this.attributes = attributes;
  }

  public NodeId id() {
    return id;
  }

  public NodeId parent() {
    return parent;
  }

  public String domain() {
    return domain;
  }

  public NodeState state() {
    return state;
  }

  public List<IpAddr> addresses() {
    return addresses;
  }

  /** Address {@code index} of {@link #addresses()} as packets carry it, converted once. */
  public Addr addr(int index) {
    return held[index];
  }

  public List<Cidr> space() {
    return space;
  }

  public RoutingTable routing() {
    return routing;
  }

  public Forwarding forwarding() {
    return forwarding;
  }

  public ResourceRef host() {
    return host;
  }

  public Object attributes() {
    return attributes;
  }

  public NodeKind kind() {
    return id.kind();
  }

  public boolean up() {
    return state instanceof NodeState.Up;
  }

  /** Whether the node receives packets for {@code a}. */
  public boolean holds(Addr a) {
    for (Addr h : held) {
      if (h.equals(a)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the node serves every address of {@code block}. */
  public boolean serves(Cidr block) {
    for (Cidr c : space) {
      if (c.contains(block)) {
        return true;
      }
    }
    return false;
  }

  /** The first address of a family: the one it sends from. */
  public Optional<IpAddr> firstAddress(boolean v6) {
    for (IpAddr ip : addresses) {
      if (ip.isIpv4() != v6) {
        return Optional.of(ip);
      }
    }
    return Optional.empty();
  }

  /** The compiler's attributes, of the type its kind carries. */
  public <A> A attributes(Class<A> type) {
    return type.cast(attributes);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Node n && id.equals(n.id) && Objects.equals(parent, n.parent)
        && domain.equals(n.domain) && state.equals(n.state) && addresses.equals(n.addresses) && space.equals(n.space)
        && Objects.equals(routing, n.routing) && forwarding == n.forwarding && Objects.equals(host, n.host)
        && Objects.equals(attributes, n.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, parent, domain, state, addresses, space, routing, forwarding, host, attributes);
  }

  @Override
  public String toString() {
    return "Node[" + id + ", parent=" + parent + ", domain=" + domain + ", state=" + state + ", addresses="
        + addresses + ", space=" + space + ", routing=" + routing + ", " + forwarding + ", host=" + host
        + ", attributes=" + attributes + "]";
  }
}
