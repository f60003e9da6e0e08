package io.openvpc.bench.engine;

import io.openvpc.model.Cidr;
import io.openvpc.model.Direction;
import io.openvpc.model.GatewayType;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.IpAddr;
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
import java.util.List;
import java.util.Random;

/**
 * A synthetic region of the shape, scaled by instance count: per 10 instances one subnet and
 * one security group of 100 rules (70 ingress, 30 egress; CIDR, group-reference and port-range peers,
 * one in five DROP), 100 subnets per VPC, one network ACL (five inbound entries, one outbound) per 10 subnets, and a few
 * routes per VPC. 10,000 instances give 1,000 subnets, 1,000 groups and 100,000 rules. Deterministic.
 */
public final class SyntheticRegion {
  public static final Scope SCOPE = new Scope(1, "ap-guangzhou");
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] PROTOCOLS = {"TCP", "TCP", "TCP", "UDP", "ICMP"};

  public final List<Resource> resources = new ArrayList<>();
  public final List<String> instanceIds = new ArrayList<>();
  public final List<String> eniIds = new ArrayList<>();
  public final List<SecurityGroup> groups = new ArrayList<>();
  private final Random random = new Random(42);

  public SyntheticRegion(int instances) {
    int subnets = Math.max(1, instances / 10);
    int vpcs = Math.max(1, (subnets + 99) / 100);
    int groupCount = Math.max(1, instances / 10);
    for (int g = 0; g < groupCount; g++) {
      groups.add(group(g, groupCount));
    }
    resources.addAll(groups);
    List<Subnet> subnetList = new ArrayList<>();
    for (int v = 0; v < vpcs; v++) {
      String vpc = String.format("vpc-%08d", v);
      resources.add(new Vpc(vpc, vpc, Cidr.parse("10." + v + ".0.0/16"), List.of(), null, false, false, false,
          List.of(), "", List.of(), T));
      String rtb = String.format("rtb-%08d", v);
      resources.add(new RouteTable(rtb, vpc, "default", true, List.of(
          new Route(1, String.format("rti-%08d", v * 2), Cidr.parse("0.0.0.0/0"), GatewayType.NAT, "nat-00000001", "",
              true, RouteType.USER, false, T),
          new Route(2, String.format("rti-%08d", v * 2 + 1), Cidr.parse("192.168.0.0/16"), GatewayType.HAVIP,
              "havip-00000001", "", true, RouteType.USER, false, T)), 3, List.of(), T));
    }
    for (int s = 0; s < subnets; s++) {
      int v = s / 100;
      String acl = s % 10 == 0 ? acl(s / 10, String.format("vpc-%08d", v)) : "";
      Subnet subnet = new Subnet(String.format("subnet-%08d", s), String.format("vpc-%08d", v), "s",
          Cidr.parse("10." + v + "." + (s % 100) + ".0/24"), null, "ap-guangzhou-3", String.format("rtb-%08d", v),
          acl.isEmpty() ? "" : acl, false, false, List.of(), T);
      subnetList.add(subnet);
      resources.add(subnet);
    }
    for (int i = 0; i < instances; i++) {
      Subnet s = subnetList.get(i % subnets);
      String ins = String.format("ins-%08d", i);
      String eni = String.format("eni-%08d", i);
      resources.add(new Instance(ins, ins, s.zone(), "S5.SMALL1", "img-1", s.vpcId(), s.id(), InstanceState.RUNNING,
          List.of(), T));
      IpAddr ip = s.cidrBlock().at(java.math.BigInteger.valueOf(4 + i / subnets));
      List<String> sgs = new ArrayList<>();
      sgs.add(groups.get(random.nextInt(groupCount)).id());
      if (random.nextInt(4) == 0) {
        String second = groups.get(random.nextInt(groupCount)).id();
        if (!sgs.contains(second)) {
          sgs.add(second);
        }
      }
      resources.add(new NetworkInterface(eni, s.vpcId(), s.id(), eni, "", ins, true, "20:90:6F:00:00:01",
          List.of(new PrivateIp(ip, true, "")), List.of(), sgs, "AVAILABLE", List.of(), T));
      instanceIds.add(ins);
      eniIds.add(eni);
    }
  }

  public Topology topology() {
    return Topology.of(SCOPE, 1, resources);
  }

  private SecurityGroup group(int g, int groupCount) {
    List<SecurityGroupPolicy> in = new ArrayList<>();
    List<SecurityGroupPolicy> out = new ArrayList<>();
    for (int r = 0; r < 70; r++) {
      in.add(rule(groupCount));
    }
    in.set(69, new SecurityGroupPolicy("ICMP", "ALL", "", "", "10.0.0.0/8", "", "", "", "", "ACCEPT", "ping", T));
    for (int r = 0; r < 30; r++) {
      out.add(rule(groupCount));
    }
    out.set(29, new SecurityGroupPolicy("ALL", "ALL", "", "", "0.0.0.0/0", "", "", "", "", "ACCEPT", "", T));
    return new SecurityGroup(String.format("sg-%08d", g), "g" + g, "", "0", false, 1, in, out, List.of(), T, T);
  }

  /** A random rule; ports and peers are drawn so that rules overlap as real ones do. */
  public SecurityGroupPolicy rule(int groupCount) {
    String proto = PROTOCOLS[random.nextInt(PROTOCOLS.length)];
    String port = "ALL";
    if (!proto.equals("ICMP")) {
      int p = 1 + random.nextInt(10000);
      port = switch (random.nextInt(3)) {
        case 0 -> Integer.toString(p);
        case 1 -> p + "-" + (p + random.nextInt(100));
        default -> p + "," + (p + 7) + "," + (p + 19);
      };
    }
    String action = random.nextInt(5) == 0 ? "DROP" : "ACCEPT";
    if (random.nextInt(10) == 0) {
      return new SecurityGroupPolicy(proto, port, "", "", "", "", String.format("sg-%08d", random.nextInt(groupCount)),
          "", "", action, "", T);
    }
    int prefix = 16 + random.nextInt(9);
    long addr = (10L << 24) | ((long) random.nextInt(1 << 24));
    addr &= -1L << (32 - prefix);
    String cidr = ((addr >> 24) & 255) + "." + ((addr >> 16) & 255) + "." + ((addr >> 8) & 255) + "." + (addr & 255)
        + "/" + prefix;
    return new SecurityGroupPolicy(proto, port, "", "", cidr, "", "", "", "", action, "", T);
  }

  private String acl(int a, String vpc) {
    String id = String.format("acl-%08d", a);
    List<NetworkAclEntry> in = new ArrayList<>();
    List<NetworkAclEntry> out = new ArrayList<>();
    for (int e = 0; e < 4; e++) {
      in.add(new NetworkAclEntry("", "TCP", Integer.toString(1 + random.nextInt(1000)), "10.0.0.0/8", "", "DROP", "", T));
    }
    in.add(new NetworkAclEntry("", "ALL", "ALL", "10.0.0.0/8", "", "ACCEPT", "", T));
    out.add(new NetworkAclEntry("", "ALL", "ALL", "0.0.0.0/0", "", "ACCEPT", "", T));
    resources.add(new NetworkAcl(id, vpc, id, "TRIPLE", in, out, List.of(), List.of(), T));
    return id;
  }

  /** A copy of a group with one ingress rule replaced: a single rule change. */
  public SecurityGroup withChangedRule(SecurityGroup g, int index, SecurityGroupPolicy rule) {
    List<SecurityGroupPolicy> in = new ArrayList<>(g.policies(Direction.INGRESS));
    in.set(index, rule);
    return new SecurityGroup(g.id(), g.name(), g.description(), g.projectId(), g.isDefault(), g.version() + 1, in,
        g.egress(), g.tags(), g.createdTime(), g.updateTime());
  }
}
