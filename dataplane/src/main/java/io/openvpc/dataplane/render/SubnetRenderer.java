package io.openvpc.dataplane.render;

import io.openvpc.dataplane.host.Address;
import io.openvpc.dataplane.host.NftChain;
import io.openvpc.dataplane.host.NftSet;
import io.openvpc.dataplane.host.Netns;
import io.openvpc.dataplane.host.Route;
import io.openvpc.engine.graph.EffectiveRoute;
import io.openvpc.engine.graph.Filter;
import io.openvpc.engine.graph.NextHop;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeId;
import io.openvpc.engine.graph.NodeKind;
import io.openvpc.engine.vpc.SubnetNode;
import java.util.List;
import java.util.Optional;

/**
 * A subnet node: in its VPC's router, the gateway address its ENIs route through, a routing table of
 * its own with its route table's routes (a next hop that is a realised ENI is reached through that
 * ENI's port; any other next hop is a blackhole), and, when it has a network ACL, one chain per
 * direction that exempts traffic between its own ports and runs the ACL's filter. Its ports add
 * themselves to its set and its ACL to the maps ({@link NetworkInterfaceRenderer}).
 */
final class SubnetRenderer implements NodeRenderer {
  @Override
  public NodeKind kind() {
    return NodeKind.SUBNET;
  }

  @Override
  public List<NetnsPart> render(Node node, RenderContext ctx) {
    SubnetNode s = node.attributes(SubnetNode.class);
    NodeId router = node.parent();
    NetnsPart.Builder part = NetnsPart.of(Names.routerNamespace(router.id()), Netns.Role.ROUTER);
    part.address(new Address("lo", s.gateway().toString(), 32, false));
    int table = table(node, ctx);
    if (node.routing() != null) {
      for (EffectiveRoute r : node.routing().routes()) {
        String dst = r.destination().toString();
        if (r.nextHop() instanceof NextHop.ToNode to) {
          Optional<Node> hop = ctx.node(to.node()).filter(Node::up);
          part.route(hop.isPresent() ? Route.via(table, dst, to.address().toString(), Names.routerPort(to.node().id()))
              : Route.blackhole(table, dst));
        } else if (r.nextHop() instanceof NextHop.Unavailable) {
          part.route(Route.blackhole(table, dst));
        }
        // local routes are the router's own (VpcRouterRenderer)
      }
    }
    if (!s.networkAclId().isEmpty()) {
      Optional<Filter> out = ctx.edge(node.id(), router).flatMap(e -> e.egress().stream().findFirst());
      Optional<Filter> in = ctx.edge(router, node.id()).flatMap(e -> e.ingress().stream().findFirst());
      String ports = Names.subnetPorts(node.id().id());
      part.set(new NftSet(ports, "type ifname;", List.of()));
      out.ifPresent(f -> acl(part, Names.subnetAclChain(node.id().id(), false), "oifname @" + ports, f));
      in.ifPresent(f -> acl(part, Names.subnetAclChain(node.id().id(), true), "iifname @" + ports, f));
    }
    return List.of(part.build());
  }

  /** A subnet's chain of one direction: its own ports are exempt, everyone else meets the ACL's filter. */
  private static void acl(NetnsPart.Builder part, String name, String ownPorts, Filter f) {
    NftChain filter = RouterTable.filterChain(f, part);
    part.chain(filter);
    part.chain(new NftChain(name, "", List.of(ownPorts + " accept comment \"same subnet\"", "goto " + filter.name())));
  }

  /** The routing table of a subnet in its router, numbered among its VPC's subnets. */
  static int table(Node subnet, RenderContext ctx) {
    List<String> ids = ctx.children(subnet.parent()).stream().filter(n -> n.kind() == NodeKind.SUBNET)
        .map(n -> n.id().id()).toList();
    Integer t = SubnetTables.assign(ids).get(subnet.id().id());
    return t == null ? SubnetTables.assign(List.of(subnet.id().id())).get(subnet.id().id()) : t;
  }
}
