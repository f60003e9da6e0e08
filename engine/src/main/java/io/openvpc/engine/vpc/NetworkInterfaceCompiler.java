package io.openvpc.engine.vpc;

import io.openvpc.engine.compile.Compilation;
import io.openvpc.engine.compile.Input;
import io.openvpc.engine.compile.NextHopResolver;
import io.openvpc.engine.compile.ResourceCompiler;
import io.openvpc.engine.graph.Disposition;
import io.openvpc.engine.graph.Edge;
import io.openvpc.engine.graph.Filter;
import io.openvpc.engine.graph.Forwarding;
import io.openvpc.engine.graph.NextHop;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeId;
import io.openvpc.engine.graph.NodeKind;
import io.openvpc.engine.graph.NodeState;
import io.openvpc.engine.graph.ResourceRef;
import io.openvpc.engine.graph.StepKind;
import io.openvpc.engine.policy.Action;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Prefix;
import io.openvpc.engine.policy.RuleRef;
import io.openvpc.engine.security.SecurityGroupCompiler;
import io.openvpc.model.Direction;
import io.openvpc.model.GatewayType;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Ipv6Address;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * An ENI becomes an endpoint node under its subnet: it receives on its private IPv4 and IPv6
 * addresses and the HAVIPs it announces, passes traffic only while attached to a RUNNING instance,
 * and forwards as a route's next hop (a CVM that routes). Its security groups filter what it sends (on
 * the edge up to its subnet) and what it receives (on the edge down from it), statefully, as one
 * first-match list over the bound groups' segments in binding order with the implicit DROP. It owns
 * its addresses in its VPC, stands for its instance as a trace endpoint when it is the primary ENI,
 * and puts its addresses in the named set of each group it is bound to. It provides the {@code CVM}
 * and {@code NORMAL_CVM} next hops.
 */
public final class NetworkInterfaceCompiler implements ResourceCompiler<NetworkInterface> {
  public static NodeId node(String eniId) {
    return new NodeId(NodeKind.NETWORK_INTERFACE, eniId);
  }

  @Override
  public Class<NetworkInterface> kind() {
    return NetworkInterface.class;
  }

  @Override
  public List<Input> inputs() {
    return List.of(Input.resource(Instance.class), Input.artifact(HaVipCompiler.ANNOUNCED));
  }

  @Override
  public void compile(NetworkInterface eni, Compilation c) {
    NodeId id = node(eni.id());
    NodeId subnet = SubnetCompiler.node(eni.subnetId());
    Instance instance = eni.attached() ? c.resource(Instance.class, eni.instanceId()).orElse(null) : null;
    List<IpAddr> primaryFirst = new ArrayList<>(eni.privateIps().size());
    List<Prefix> own = new ArrayList<>(eni.privateIps().size() + eni.ipv6Addresses().size());
    int primaries = 0;
    for (PrivateIp p : eni.privateIps()) {
      if (p.primary()) {
        primaryFirst.add(primaries++, p.address()); // the primary first, the others in order
      } else {
        primaryFirst.add(p.address());
      }
      own.add(Prefix.of(Addr.of(p.address())));
    }
    List<IpAddr> v4 = List.copyOf(primaryFirst);
    List<IpAddr> v6 = new ArrayList<>(eni.ipv6Addresses().size());
    for (Ipv6Address p : eni.ipv6Addresses()) {
      v6.add(p.address());
      own.add(Prefix.of(Addr.of(p.address())));
    }
    v6 = List.copyOf(v6);
    List<IpAddr> vips = c.artifacts(HaVipCompiler.ANNOUNCED, eni.id());
    if (vips.size() > 1) {
      vips = vips.stream().sorted().toList();
    }
    List<String> groups = distinct(eni.securityGroupIds());
    InstanceState state = instance == null ? null : instance.state();
    List<IpAddr> addresses = v4; // most ENIs: their IPv4 addresses only, one list for both records
    if (!v6.isEmpty() || !vips.isEmpty()) {
      addresses = new ArrayList<>(v4.size() + v6.size() + vips.size());
      addresses.addAll(v4);
      addresses.addAll(v6);
      addresses.addAll(vips);
    }
    Binding binding = groups.isEmpty() ? null : binding(groups);
    c.node(new Node(id, subnet, eni.vpcId(), state(eni, state), addresses, List.of(), null, Forwarding.HOST,
        eni.attached() ? new ResourceRef("Instance", eni.instanceId()) : null,
        new NetworkInterfaceNode(eni.vpcId(), eni.subnetId(), eni.instanceId(), state, eni.primary(), eni.createdTime(),
            v4, v6, vips, groups)));
    c.edge(new Edge(id, subnet, List.of(groups(eni.id(), binding, Direction.EGRESS)), List.of()));
    c.edge(new Edge(subnet, id, List.of(), List.of(groups(eni.id(), binding, Direction.INGRESS))));
    for (PrivateIp ip : eni.privateIps()) {
      c.owner(eni.vpcId(), ip.address(), id);
    }
    for (Ipv6Address ip : eni.ipv6Addresses()) {
      c.owner(eni.vpcId(), ip.address(), id);
    }
    if (eni.attached()) {
      c.member(eni.instanceId(), id);
      if (eni.primary()) {
        c.endpoint(eni.instanceId(), id);
      }
    }
    for (String sg : groups) {
      c.set(sg, own);
    }
  }

  /** The groups in binding order, each once. */
  private static List<String> distinct(List<String> groups) {
    for (int i = 1; i < groups.size(); i++) {
      if (groups.subList(0, i).contains(groups.get(i))) {
        return List.copyOf(new LinkedHashSet<>(groups));
      }
    }
    return List.copyOf(groups);
  }

  private static NodeState state(NetworkInterface eni, InstanceState state) {
    if (!eni.attached()) {
      return new NodeState.Down(StepKind.INSTANCE_STATE, Disposition.NETWORK_INTERFACE_NOT_ATTACHED,
          new ResourceRef("NetworkInterface", eni.id()), eni.id() + " is not attached to an instance");
    }
    if (state != InstanceState.RUNNING) {
      return new NodeState.Down(StepKind.INSTANCE_STATE, Disposition.INSTANCE_NOT_RUNNING,
          new ResourceRef("Instance", eni.instanceId()),
          eni.instanceId() + " is " + (state == null ? "unknown" : state) + ", not RUNNING");
    }
    return NodeState.UP;
  }

  /**
   * The ENI's security groups ({@code b}: their binding, null for none) of one direction as one
   * stateful filter; no group lets everything pass.
   */
  private Filter groups(String eniId, Binding b, Direction d) {
    boolean in = d == Direction.INGRESS;
    StepKind step = in ? StepKind.SECURITY_GROUP_INGRESS : StepKind.SECURITY_GROUP_EGRESS;
    Disposition denied = in ? Disposition.DENIED_SECURITY_GROUP_INGRESS : Disposition.DENIED_SECURITY_GROUP_EGRESS;
    if (b == null) {
      return new Filter(step, denied, RuleRef.SECURITY_GROUP, List.of(), Action.ACCEPT,
          new RuleRef("NetworkInterface", eniId, d, -1, "no security group is bound: all traffic passes"), eniId);
    }
    return new Filter(step, denied, RuleRef.SECURITY_GROUP, in ? b.ingress : b.egress, Action.DROP,
        in ? b.ingressDefault : b.egressDefault, eniId);
  }

  /**
   * What ENIs bound to the same groups in the same order share: their segments and defaults, built
   * once (thousands of ENIs share a handful of bindings).
   */
  private record Binding(List<String> ingress, List<String> egress, RuleRef ingressDefault, RuleRef egressDefault) {
    static Binding of(List<String> groups) {
      String ids = String.join(",", groups);
      String text = "no rule of " + String.join(", ", groups) + " matched: DROP (implicit)";
      return new Binding(groups.stream().map(g -> SecurityGroupCompiler.segment(g, Direction.INGRESS)).toList(),
          groups.stream().map(g -> SecurityGroupCompiler.segment(g, Direction.EGRESS)).toList(),
          new RuleRef(RuleRef.SECURITY_GROUP, ids, Direction.INGRESS, -1, text),
          new RuleRef(RuleRef.SECURITY_GROUP, ids, Direction.EGRESS, -1, text));
    }
  }

  /** Bindings seen, bounded: a binding is cheap to rebuild. */
  private final Map<List<String>, Binding> bindings = new java.util.concurrent.ConcurrentHashMap<>();

  private Binding binding(List<String> groups) {
    if (bindings.size() > 100_000) {
      bindings.clear();
    }
    return bindings.computeIfAbsent(groups, Binding::of);
  }


  @Override
  public Map<GatewayType, NextHopResolver> nextHops() {
    return Map.of(GatewayType.CVM, new Cvm(), GatewayType.NORMAL_CVM, new NormalCvm());
  }

  /** {@code CVM}: the instance's primary ENI, at its primary IPv4 address. */
  private static final class Cvm implements NextHopResolver {
    @Override
    public NextHop resolve(String vpcId, Route route, Compilation c) {
      return c.endpoint(route.gatewayId()).flatMap(n -> n.firstAddress(false).map(ip -> (NextHop) new NextHop.ToNode(n.id(), ip)))
          .orElseGet(() -> new NextHop.Unavailable("instance " + route.gatewayId() + " has no network interface in the VPC"));
    }

    @Override
    public List<Input> inputs() {
      return List.of(Input.graph());
    }
  }

  /** {@code NORMAL_CVM}: whatever holds the address in the VPC. */
  private static final class NormalCvm implements NextHopResolver {
    @Override
    public NextHop resolve(String vpcId, Route route, Compilation c) {
      IpAddr ip;
      try {
        ip = IpAddr.parse(route.gatewayId());
      } catch (IllegalArgumentException e) {
        return new NextHop.Unavailable("`" + route.gatewayId() + "` is not an address");
      }
      return c.owner(vpcId, Addr.of(ip)).<NextHop>map(n -> new NextHop.ToNode(n, ip))
          .orElseGet(() -> new NextHop.Unavailable("no network interface holds " + ip));
    }

    @Override
    public List<Input> inputs() {
      return List.of(Input.graph());
    }
  }
}
