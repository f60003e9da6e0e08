package io.openvpc.dataplane.render;

import io.openvpc.dataplane.host.Address;
import io.openvpc.dataplane.host.HostState;
import io.openvpc.dataplane.host.Link;
import io.openvpc.dataplane.host.Netns;
import io.openvpc.dataplane.host.NftTable;
import io.openvpc.dataplane.host.Route;
import io.openvpc.dataplane.host.RoutingRule;
import io.openvpc.dataplane.render.CompiledPolicy.SubnetRoute;
import io.openvpc.model.Cidr;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Ipv6Address;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders the desired host state of one scope. Each running instance is a namespace whose ENIs are
 * veths to its VPC's router namespace. The instance's addresses carry the subnet's prefix length but
 * no on-link route, and its default route points to the subnet gateway (an address on the router's
 * loopback, answered by ARP on every port; IPv6 uses {@code fe80::1} on each router port); so even
 * traffic to a neighbour in the same subnet is routed, at layer 3, through the router and its nftables
 * filters, as Calico does. The router holds a host route per ENI address, the VPC's local routes, one
 * routing table per subnet for its route table's routes, and the {@link RouterRuleset}.
 */
public final class HostRenderer {
  /** The gateway every router port answers to for IPv6. */
  static final String IPV6_GATEWAY = "fe80::1";
  /** The resolver file of every namespace: no resolver, so nothing ever asks the host's. */
  public static final String RESOLV_CONF = "# OpenVPC: this VPC has no resolver; names do not resolve here.\n"
      + "options timeout:1 attempts:1\n";
  static final int LOCAL_RULE_PRIORITY = 1000;
  static final int SUBNET_RULE_PRIORITY = 2000;
  static final int ENI_RULE_PRIORITY = 1000;
  static final int ENI_TABLE_BASE = 100;

  private HostRenderer() {}

  /** The host state of one scope. */
  public static HostState render(Topology topology, CompiledPolicy policy) {
    List<Netns> out = new ArrayList<>();
    Map<String, List<Instance>> byVpc = new TreeMap<>();
    for (Instance i : topology.all(Instance.class)) {
      if (i.state() == InstanceState.RUNNING) {
        byVpc.computeIfAbsent(i.vpcId(), k -> new ArrayList<>()).add(i);
      }
    }
    Map<String, List<NetworkInterface>> enisByInstance = new HashMap<>();
    for (NetworkInterface eni : topology.all(NetworkInterface.class)) {
      if (eni.attached()) {
        enisByInstance.computeIfAbsent(eni.instanceId(), k -> new ArrayList<>()).add(eni);
      }
    }
    enisByInstance.values().forEach(l -> l.sort(Comparator.comparing(NetworkInterface::primary).reversed()
        .thenComparing(e -> e.createdTime() == null ? java.time.Instant.EPOCH : e.createdTime())
        .thenComparing(NetworkInterface::id)));
    for (Map.Entry<String, List<Instance>> e : byVpc.entrySet()) {
      Vpc vpc = topology.find(Vpc.class, e.getKey()).orElse(null);
      if (vpc == null) {
        continue;
      }
      Router router = new Router(topology, policy, vpc);
      for (Instance i : e.getValue()) {
        List<NetworkInterface> enis = enisByInstance.getOrDefault(i.id(), List.of());
        out.add(instance(topology, i, enis, policy, router));
      }
      out.add(router.build());
    }
    return HostState.of(out);
  }

  private static Netns instance(Topology topology, Instance instance, List<NetworkInterface> enis,
      CompiledPolicy policy, Router router) {
    String ns = Names.instanceNamespace(instance.id());
    List<Link> links = new ArrayList<>();
    List<Address> addresses = new ArrayList<>();
    List<Route> routes = new ArrayList<>();
    List<RoutingRule> rules = new ArrayList<>();
    for (int n = 0; n < enis.size(); n++) {
      NetworkInterface eni = enis.get(n);
      Subnet subnet = topology.find(Subnet.class, eni.subnetId()).orElse(null);
      if (subnet == null) {
        continue;
      }
      String dev = Names.instancePort(n);
      links.add(Link.peerEnd(dev, alias(eni, ns)));
      List<IpAddr> v4 = new ArrayList<>();
      eni.privateIps().stream().map(PrivateIp::address).forEach(v4::add);
      v4.addAll(policy.haVips(eni.id()));
      List<IpAddr> v6 = eni.ipv6Addresses().stream().map(Ipv6Address::address).toList();
      for (IpAddr a : v4) {
        int len = a.isIpv4() ? subnet.cidrBlock().prefixLength()
            : subnet.ipv6CidrBlock() != null ? subnet.ipv6CidrBlock().prefixLength() : 64;
        addresses.add(new Address(dev, a.toString(), len, true));
      }
      int v6len = subnet.ipv6CidrBlock() != null ? subnet.ipv6CidrBlock().prefixLength() : 64;
      for (IpAddr a : v6) {
        addresses.add(new Address(dev, a.toString(), v6len, true));
      }
      int table = n == 0 ? Route.MAIN : ENI_TABLE_BASE + n;
      routes.add(Route.via(table, "0.0.0.0/0", subnet.gateway().toString(), dev));
      if (!v6.isEmpty()) {
        routes.add(Route.via(table, "::/0", IPV6_GATEWAY, dev));
      }
      if (n > 0) {
        // A secondary ENI answers from its own addresses through itself, as a CVM's policy routing does.
        for (IpAddr a : v4) {
          rules.add(new RoutingRule(!a.isIpv4(), ENI_RULE_PRIORITY + n, Cidr.of(a).toString(), "", "", table));
        }
        for (IpAddr a : v6) {
          rules.add(new RoutingRule(true, ENI_RULE_PRIORITY + n, Cidr.of(a).toString(), "", "", table));
        }
      }
      router.port(eni, ns, dev, v4, v6);
    }
    // An instance that is a route's next hop forwards what it receives, as the engine models it.
    List<String> sysctls = List.of("net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1");
    return new Netns(ns, Netns.Role.INSTANCE, sysctls, links, addresses, routes, rules, NftTable.EMPTY, RESOLV_CONF);
  }

  /** The alias both ends of an ENI's veth carry: the ENI and the instance it is attached to. */
  static String alias(NetworkInterface eni, String instanceNs) {
    return eni.id() + "@" + instanceNs;
  }

  /** Collects one VPC router as its instances are rendered. */
  private static final class Router {
    private final Topology topology;
    private final CompiledPolicy policy;
    private final Vpc vpc;
    private final String ns;
    private final List<Link> links = new ArrayList<>();
    private final List<Address> addresses = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final List<RouterRuleset.Port> ports = new ArrayList<>();
    private final Map<String, String> portByEni = new HashMap<>();
    private final Map<String, String> subnetByPort = new TreeMap<>();

    Router(Topology topology, CompiledPolicy policy, Vpc vpc) {
      this.topology = topology;
      this.policy = policy;
      this.vpc = vpc;
      this.ns = Names.routerNamespace(vpc.id());
    }

    void port(NetworkInterface eni, String instanceNs, String instanceDev, List<IpAddr> v4, List<IpAddr> v6) {
      String dev = Names.routerPort(eni.id());
      links.add(Link.pair(dev, alias(eni, instanceNs), instanceNs, instanceDev));
      addresses.add(new Address(dev, IPV6_GATEWAY, 64, false));
      for (IpAddr a : v4) {
        routes.add(Route.link(Route.MAIN, Cidr.of(a).toString(), dev));
      }
      for (IpAddr a : v6) {
        routes.add(Route.link(Route.MAIN, Cidr.of(a).toString(), dev));
      }
      ports.add(new RouterRuleset.Port(dev, eni.subnetId(), policy.ingress(eni.id()), policy.egress(eni.id())));
      portByEni.put(eni.id(), dev);
      subnetByPort.put(dev, eni.subnetId());
    }

    Netns build() {
      List<Subnet> subnets = topology.where(Subnet.class, s -> s.vpcId().equals(vpc.id()));
      subnets.sort(Comparator.comparing(Subnet::id));
      for (Subnet s : subnets) {
        addresses.add(new Address("lo", s.gateway().toString(), 32, false));
      }
      Map<String, Integer> tables = SubnetTables.assign(subnets.stream().map(Subnet::id).toList());
      List<RoutingRule> rules = new ArrayList<>();
      Set<String> local = new LinkedHashSet<>();
      Map<String, RouterRuleset.Acl> acls = new TreeMap<>();
      for (Subnet s : subnets) {
        int table = tables.get(s.id());
        policy.acl(s.id()).ifPresent(a -> acls.put(s.id(), a));
        for (SubnetRoute r : policy.routes(s.id())) {
          String dst = r.destination().toString();
          switch (r.kind()) {
            case LOCAL -> local.add(dst);
            case NEXT_HOP -> {
              String dev = portByEni.get(r.networkInterfaceId());
              routes.add(dev == null ? Route.blackhole(table, dst) : Route.via(table, dst, r.nextHop().toString(), dev));
            }
            case UNAVAILABLE -> routes.add(Route.blackhole(table, dst));
          }
        }
      }
      int pref = LOCAL_RULE_PRIORITY;
      for (String block : local) {
        // Traffic to the VPC's own blocks always takes the local route: an ENI's host route, or nothing.
        rules.add(new RoutingRule(block.contains(":"), pref++, "", block, "", Route.MAIN));
        routes.add(Route.blackhole(Route.MAIN, block));
      }
      for (Map.Entry<String, String> p : subnetByPort.entrySet()) {
        int table = tables.get(p.getValue());
        rules.add(new RoutingRule(false, SUBNET_RULE_PRIORITY, "", "", p.getKey(), table));
        rules.add(new RoutingRule(true, SUBNET_RULE_PRIORITY, "", "", p.getKey(), table));
      }
      NftTable nft = RouterRuleset.render(ports, acls, policy.aclWithinSubnet());
      List<String> sysctls = List.of("net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1",
          "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0");
      return new Netns(ns, Netns.Role.ROUTER, sysctls, links, addresses, routes, rules, nft, RESOLV_CONF);
    }
  }
}
