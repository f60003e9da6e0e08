package io.openvpc.engine.graph;

import io.openvpc.engine.policy.Addr;
import io.openvpc.model.Cidr;
import io.openvpc.model.IpAddr;
import java.util.List;
import java.util.Optional;

/**
 * One node of the forwarding graph. What the walk needs is here and the same for every product:
 * {@code parent} (a node reaches any other through its ancestors, as an ENI reaches its subnet and the
 * subnet its VPC router), the address {@code domain} its addresses and local routes belong to (a VPC),
 * its {@code state}, the {@code addresses} it receives on (in order: the first of a family is the one
 * it sends from), the blocks of addresses it serves ({@code space}: a subnet's or a VPC's blocks), its
 * {@code routing} (null: it sends everything to its parent), how it {@link Forwarding forwards}, and
 * the {@code host} resource traces name when it sends, receives or forwards. {@code attributes} is the compiler's typed record for renderers; the walk never reads it.
 */
public record Node(
    NodeId id, NodeId parent, String domain, NodeState state, List<IpAddr> addresses, List<Cidr> space,
    RoutingTable routing, Forwarding forwarding, ResourceRef host, Object attributes) {

  public Node {
    addresses = List.copyOf(addresses);
    space = List.copyOf(space);
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

  public NodeKind kind() {
    return id.kind();
  }

  public boolean up() {
    return state instanceof NodeState.Up;
  }

  /** Whether the node receives packets for {@code a}. */
  public boolean holds(Addr a) {
    for (IpAddr ip : addresses) {
      if (Addr.of(ip).equals(a)) {
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
}
