package io.openvpc.dataplane.render;

import io.openvpc.dataplane.host.Netns;
import io.openvpc.dataplane.host.Route;
import io.openvpc.dataplane.host.RoutingRule;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeKind;
import io.openvpc.engine.vpc.VpcRouterNode;
import io.openvpc.model.Cidr;
import java.util.List;

/**
 * A VPC router node: the router namespace's forwarding sysctls, the base of its nftables table
 * ({@link RouterTable}), and its local routes: traffic to the VPC's own blocks always looks up the main
 * table, where an ENI's host route delivers it or a blackhole drops it. The namespace exists only while
 * an ENI of the VPC is realised.
 */
final class VpcRouterRenderer implements NodeRenderer {
  static final List<String> SYSCTLS = List.of("net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1",
      "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0");
  static final int LOCAL_RULE_PRIORITY = 1000;

  @Override
  public NodeKind kind() {
    return NodeKind.VPC_ROUTER;
  }

  @Override
  public List<NetnsPart> render(Node node, RenderContext ctx) {
    NetnsPart.Builder router = NetnsPart.of(Names.routerNamespace(node.id().id()), Netns.Role.ROUTER)
        .sysctls(SYSCTLS).resolvConf(InstanceNamespaces.RESOLV_CONF);
    RouterTable.base(router);
    int pref = LOCAL_RULE_PRIORITY;
    for (Cidr block : node.attributes(VpcRouterNode.class).blocks()) {
      router.rule(new RoutingRule(block.isIpv6(), pref++, "", block.toString(), "", Route.MAIN));
      router.route(Route.blackhole(Route.MAIN, block.toString()));
    }
    return List.of(router.build());
  }
}
