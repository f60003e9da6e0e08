package io.openvpc.dataplane.render;

import io.openvpc.dataplane.host.Address;
import io.openvpc.dataplane.host.Link;
import io.openvpc.dataplane.host.Netns;
import io.openvpc.dataplane.host.NftChain;
import io.openvpc.dataplane.host.Route;
import io.openvpc.dataplane.host.RoutingRule;
import io.openvpc.engine.graph.Filter;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeKind;
import io.openvpc.engine.vpc.NetworkInterfaceNode;
import io.openvpc.engine.vpc.SubnetNode;
import io.openvpc.model.Cidr;
import io.openvpc.model.IpAddr;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An ENI node that passes traffic (attached to a RUNNING instance) becomes a veth pair between its
 * instance's namespace and its VPC's router. In the instance: the device {@code ovpc-eth<n>} (its
 * position among the instance's ENIs), its addresses with the subnet's prefix length but no on-link
 * route, and a default route to the subnet's gateway, so that even a neighbour in the same subnet is
 * reached through the router and its filters, at layer 3, as Calico does (a secondary ENI answers from
 * its own addresses through itself, by policy routing). In the router: the port {@code ovpc-<eni
 * suffix>}, a host route per address, the subnet's routing table for what arrives on it, its security
 * groups in the maps of the egress and ingress stages, and its subnet's ACL in the ACL stages.
 */
final class NetworkInterfaceRenderer implements NodeRenderer {
  static final int ENI_RULE_PRIORITY = 1000;
  static final int ENI_TABLE_BASE = 100;
  static final int SUBNET_RULE_PRIORITY = 2000;

  @Override
  public NodeKind kind() {
    return NodeKind.NETWORK_INTERFACE;
  }

  @Override
  public List<NetnsPart> render(Node node, RenderContext ctx) {
    NetworkInterfaceNode eni = node.attributes(NetworkInterfaceNode.class);
    Optional<Node> subnetNode = ctx.node(node.parent());
    if (!node.up() || subnetNode.isEmpty()) {
      return List.of();
    }
    SubnetNode subnet = subnetNode.get().attributes(SubnetNode.class);
    String instanceNs = Names.instanceNamespace(eni.instanceId());
    String routerNs = Names.routerNamespace(subnet.vpcId());
    int n = position(node, ctx.members(eni.instanceId()));
    String dev = Names.instancePort(n);
    String port = Names.routerPort(node.id().id());
    String alias = node.id().id() + "@" + instanceNs;
    List<IpAddr> v4 = new ArrayList<>(eni.ipv4());
    v4.addAll(eni.haVips());

    NetnsPart.Builder instance = NetnsPart.of(instanceNs, Netns.Role.INSTANCE).anchor()
        .sysctls(InstanceNamespaces.SYSCTLS).resolvConf(InstanceNamespaces.RESOLV_CONF)
        .link(Link.peerEnd(dev, alias));
    int v6len = subnet.ipv6() != null ? subnet.ipv6().prefixLength() : 64;
    for (IpAddr a : v4) {
      instance.address(new Address(dev, a.toString(), a.isIpv4() ? subnet.ipv4().prefixLength() : v6len, true));
    }
    for (IpAddr a : eni.ipv6()) {
      instance.address(new Address(dev, a.toString(), v6len, true));
    }
    int table = n == 0 ? Route.MAIN : ENI_TABLE_BASE + n;
    instance.route(Route.via(table, "0.0.0.0/0", subnet.gateway().toString(), dev));
    if (!eni.ipv6().isEmpty()) {
      instance.route(Route.via(table, "::/0", InstanceNamespaces.IPV6_GATEWAY, dev));
    }
    if (n > 0) {
      for (IpAddr a : v4) {
        instance.rule(new RoutingRule(!a.isIpv4(), ENI_RULE_PRIORITY + n, Cidr.of(a).toString(), "", "", table));
      }
      for (IpAddr a : eni.ipv6()) {
        instance.rule(new RoutingRule(true, ENI_RULE_PRIORITY + n, Cidr.of(a).toString(), "", "", table));
      }
    }

    NetnsPart.Builder router = NetnsPart.of(routerNs, Netns.Role.ROUTER).anchor()
        .link(Link.pair(port, alias, instanceNs, dev))
        .address(new Address(port, InstanceNamespaces.IPV6_GATEWAY, 64, false));
    for (IpAddr a : v4) {
      router.route(Route.link(Route.MAIN, Cidr.of(a).toString(), port));
    }
    for (IpAddr a : eni.ipv6()) {
      router.route(Route.link(Route.MAIN, Cidr.of(a).toString(), port));
    }
    int subnetTable = SubnetRenderer.table(subnetNode.get(), ctx);
    router.rule(new RoutingRule(false, SUBNET_RULE_PRIORITY, "", "", port, subnetTable));
    router.rule(new RoutingRule(true, SUBNET_RULE_PRIORITY, "", "", port, subnetTable));
    ctx.edge(node.id(), node.parent()).flatMap(e -> e.egress().stream().findFirst())
        .ifPresent(f -> dispatch(router, RouterTable.SG_OUT, port, f));
    ctx.edge(node.parent(), node.id()).flatMap(e -> e.ingress().stream().findFirst())
        .ifPresent(f -> dispatch(router, RouterTable.SG_IN, port, f));
    if (!subnet.networkAclId().isEmpty()) {
      String subnetId = node.parent().id();
      router.element(RouterTable.ACL_OUT, "\"" + port + "\" : jump " + Names.subnetAclChain(subnetId, false));
      router.element(RouterTable.ACL_IN, "\"" + port + "\" : jump " + Names.subnetAclChain(subnetId, true));
      router.element(Names.subnetPorts(subnetId), "\"" + port + "\"");
    }
    return List.of(instance.build(), router.build());
  }

  /** Sends a port's traffic through a filter; a filter without segments lets everything pass, so needs nothing. */
  private static void dispatch(NetnsPart.Builder router, String map, String port, Filter f) {
    if (f.segments().isEmpty()) {
      return;
    }
    NftChain chain = RouterTable.filterChain(f, router);
    router.chain(chain);
    router.element(map, "\"" + port + "\" : jump " + chain.name());
  }

  /** An ENI's device number on its instance: the primary first, then by creation. */
  private static int position(Node node, java.util.Collection<Node> members) {
    List<Node> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparing((Node m) -> !m.attributes(NetworkInterfaceNode.class).primary())
        .thenComparing(m -> {
          Instant t = m.attributes(NetworkInterfaceNode.class).createdTime();
          return t == null ? Instant.EPOCH : t;
        })
        .thenComparing(m -> m.id().id()));
    int i = sorted.indexOf(node);
    return i < 0 ? 0 : i;
  }
}
