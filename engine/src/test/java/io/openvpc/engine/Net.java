package io.openvpc.engine;

import io.openvpc.model.Cidr;
import io.openvpc.model.Direction;
import io.openvpc.model.GatewayType;
import io.openvpc.model.HaVip;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Ipv6Address;
import io.openvpc.model.NetworkAcl;
import io.openvpc.model.NetworkAclEntry;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Resource;
import io.openvpc.model.Route;
import io.openvpc.model.RouteTable;
import io.openvpc.model.RouteType;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test factory of small networks, in the style of Batfish's test builders: each call adds model
 * records and returns the new ID, and {@link #topology()} snapshots them.
 */
public final class Net {
  public static final Scope SCOPE = new Scope(1, "ap-guangzhou");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final Map<String, Resource> resources = new LinkedHashMap<>();
  private int seq;
  private long revision = 1;

  private String id(String prefix) {
    return prefix + "-" + String.format("%08d", ++seq);
  }

  public Topology topology() {
    return Topology.of(SCOPE, revision++, resources.values());
  }

  public <R extends Resource> R get(Class<R> type, String id) {
    return type.cast(resources.get(id));
  }

  public void put(Resource r) {
    resources.put(r.id(), r);
  }

  public void remove(String id) {
    resources.remove(id);
  }

  public String vpc(String cidr) {
    return vpc(cidr, null);
  }

  public String vpc(String cidr, String ipv6) {
    String id = id("vpc");
    put(new Vpc(id, id, Cidr.parse(cidr), List.of(), ipv6 == null ? null : Cidr.parse(ipv6), false, false, false,
        List.of(), "", List.of(), T0));
    put(new RouteTable(id.replace("vpc", "rtb"), id, "default", true, List.of(), 1, List.of(), T0));
    return id;
  }

  public String mainRouteTable(String vpcId) {
    return vpcId.replace("vpc", "rtb");
  }

  public String subnet(String vpcId, String cidr) {
    return subnet(vpcId, cidr, null);
  }

  public String subnet(String vpcId, String cidr, String ipv6) {
    String id = id("subnet");
    put(new Subnet(id, vpcId, id, Cidr.parse(cidr), ipv6 == null ? null : Cidr.parse(ipv6), "ap-guangzhou-3",
        mainRouteTable(vpcId), "", false, false, List.of(), T0));
    return id;
  }

  /** A security group under construction. */
  public final class Group {
    private final String id = Net.this.id("sg");
    private final List<SecurityGroupPolicy> in = new ArrayList<>();
    private final List<SecurityGroupPolicy> out = new ArrayList<>();

    /** An ingress rule: {@code action protocol port peer}; the peer is a CIDR or a group/template ID. */
    public Group in(String action, String protocol, String port, String peer) {
      in.add(policy(action, protocol, port, peer));
      return this;
    }

    public Group out(String action, String protocol, String port, String peer) {
      out.add(policy(action, protocol, port, peer));
      return this;
    }

    public Group in(SecurityGroupPolicy p) {
      in.add(p);
      return this;
    }

    public String id() {
      put(new SecurityGroup(id, id, "", "0", false, 1, in, out, List.of(), T0, T0));
      return id;
    }
  }

  public Group sg() {
    return new Group();
  }

  public static SecurityGroupPolicy policy(String action, String protocol, String port, String peer) {
    String cidr = "";
    String v6 = "";
    String sg = "";
    String ipm = "";
    String ipmg = "";
    if (peer.startsWith("sg-")) {
      sg = peer;
    } else if (peer.startsWith("ipmg-")) {
      ipmg = peer;
    } else if (peer.startsWith("ipm-")) {
      ipm = peer;
    } else if (peer.contains(":")) {
      v6 = peer;
    } else {
      cidr = peer;
    }
    return new SecurityGroupPolicy(protocol, port, "", "", cidr, v6, sg, ipm, ipmg, action, "", T0);
  }

  /** An instance with its primary ENI in {@code subnetId} at {@code ip}, bound to {@code groups} in order. */
  public String instance(String subnetId, String ip, String... groups) {
    return instance(subnetId, ip, InstanceState.RUNNING, groups);
  }

  public String instance(String subnetId, String ip, InstanceState state, String... groups) {
    Subnet s = get(Subnet.class, subnetId);
    String id = id("ins");
    put(new Instance(id, id, s.zone(), "S5.SMALL1", "img-1", s.vpcId(), subnetId, state, List.of(), T0));
    eni(subnetId, id, true, ip, groups);
    return id;
  }

  /** The ENI ID of an instance's primary ENI, as {@link #instance} names it. */
  public String primaryEni(String instanceId) {
    return instanceId.replace("ins", "eni");
  }

  public String eni(String subnetId, String instanceId, boolean primary, String ip, String... groups) {
    Subnet s = get(Subnet.class, subnetId);
    String id = primary ? instanceId.replace("ins", "eni") : id("eni");
    put(new NetworkInterface(id, s.vpcId(), subnetId, id, "", instanceId == null ? "" : instanceId, primary,
        "20:90:6F:00:00:01", List.of(new PrivateIp(IpAddr.parse(ip), true, "")), List.of(), List.of(groups),
        "AVAILABLE", List.of(), T0));
    return id;
  }

  public void addIpv6(String eniId, String ip) {
    NetworkInterface e = get(NetworkInterface.class, eniId);
    List<Ipv6Address> v6 = new ArrayList<>(e.ipv6Addresses());
    v6.add(new Ipv6Address(IpAddr.parse(ip), ""));
    put(new NetworkInterface(e.id(), e.vpcId(), e.subnetId(), e.name(), e.description(), e.instanceId(), e.primary(),
        e.macAddress(), e.privateIps(), v6, e.securityGroupIds(), e.state(), e.tags(), e.createdTime()));
  }

  public void addPrivateIp(String eniId, String ip) {
    NetworkInterface e = get(NetworkInterface.class, eniId);
    List<PrivateIp> ips = new ArrayList<>(e.privateIps());
    ips.add(new PrivateIp(IpAddr.parse(ip), false, ""));
    put(new NetworkInterface(e.id(), e.vpcId(), e.subnetId(), e.name(), e.description(), e.instanceId(), e.primary(),
        e.macAddress(), ips, e.ipv6Addresses(), e.securityGroupIds(), e.state(), e.tags(), e.createdTime()));
  }

  public void setState(String instanceId, InstanceState state) {
    Instance i = get(Instance.class, instanceId);
    put(new Instance(i.id(), i.name(), i.zone(), i.instanceType(), i.imageId(), i.vpcId(), i.subnetId(), state,
        i.tags(), i.createdTime()));
  }

  /** A three-tuple ACL under construction; {@link #on} associates it with subnets. */
  public final class Acl {
    private final String id = Net.this.id("acl");
    private final List<NetworkAclEntry> in = new ArrayList<>();
    private final List<NetworkAclEntry> out = new ArrayList<>();

    public Acl in(String action, String protocol, String port, String cidr) {
      in.add(new NetworkAclEntry("", protocol, port, cidr.contains(":") ? "" : cidr, cidr.contains(":") ? cidr : "",
          action, "", T0));
      return this;
    }

    public Acl out(String action, String protocol, String port, String cidr) {
      out.add(new NetworkAclEntry("", protocol, port, cidr.contains(":") ? "" : cidr, cidr.contains(":") ? cidr : "",
          action, "", T0));
      return this;
    }

    public String on(String... subnetIds) {
      String vpcId = get(Subnet.class, subnetIds[0]).vpcId();
      put(new NetworkAcl(id, vpcId, id, "TRIPLE", in, out, List.of(), List.of(), T0));
      for (String sid : subnetIds) {
        Subnet s = get(Subnet.class, sid);
        put(new Subnet(s.id(), s.vpcId(), s.name(), s.cidrBlock(), s.ipv6CidrBlock(), s.zone(), s.routeTableId(), id,
            s.isDefault(), s.enableBroadcast(), s.tags(), s.createdTime()));
      }
      return id;
    }
  }

  public Acl acl() {
    return new Acl();
  }

  /** Adds a route to a table; returns its route item ID. */
  public String route(String routeTableId, String destination, GatewayType type, String gateway, boolean enabled) {
    RouteTable t = get(RouteTable.class, routeTableId);
    List<Route> routes = new ArrayList<>(t.routes());
    String rti = id("rti");
    routes.add(new Route(t.nextRouteId(), rti, Cidr.parse(destination), type, gateway, "", enabled, RouteType.USER,
        false, T0));
    put(new RouteTable(t.id(), t.vpcId(), t.name(), t.main(), routes, t.nextRouteId() + 1, t.tags(), t.createdTime()));
    return rti;
  }

  public String haVip(String subnetId, String vip, String holderEniId) {
    Subnet s = get(Subnet.class, subnetId);
    String id = id("havip");
    NetworkInterface holder = holderEniId == null ? null : get(NetworkInterface.class, holderEniId);
    put(new HaVip(id, s.vpcId(), subnetId, id, IpAddr.parse(vip), holderEniId,
        holder == null ? "" : holder.instanceId(), "", false, List.of(), List.of(), T0, T0));
    return id;
  }

  public static Direction in() {
    return Direction.INGRESS;
  }
}
