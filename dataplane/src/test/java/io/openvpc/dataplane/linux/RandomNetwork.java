package io.openvpc.dataplane.linux;

import io.openvpc.dataplane.Fixtures;
import io.openvpc.model.AddressTemplate;
import io.openvpc.model.Cidr;
import io.openvpc.model.Direction;
import io.openvpc.model.GatewayType;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Ipv6Address;
import io.openvpc.model.NetworkAcl;
import io.openvpc.model.NetworkAclEntry;
import io.openvpc.model.NetworkAclQuintupleEntry;
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
import io.openvpc.model.TemplateMember;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random VPC for the differential test, from a seed: two or three subnets (IPv4 and IPv6), four
 * running instances, three security groups with random ordered rules (protocols, port forms, CIDR,
 * group and address template peers, ACCEPT and DROP) bound in random order, random three- and
 * five-tuple network ACLs on some subnets, and a route table with a CVM route. The same seed always
 * gives the same network.
 */
final class RandomNetwork {
  static final int[] TCP_PORTS = {22, 80, 443};
  static final int[] UDP_PORTS = {53, 443};

  final long seed;
  final Random r;
  final List<Resource> all = new ArrayList<>();
  final List<Subnet> subnets = new ArrayList<>();
  final List<Instance> instances = new ArrayList<>();
  final List<NetworkInterface> enis = new ArrayList<>();
  final List<SecurityGroup> groups = new ArrayList<>();
  final Vpc vpc;
  final int net;
  /** An address template: an instance's IPv4 address, a range, and an IPv6 block. */
  final AddressTemplate template;

  RandomNetwork(long seed) {
    this.seed = seed;
    this.r = new Random(seed);
    this.net = 40 + r.nextInt(200);
    vpc = new Vpc("vpc-" + Fixtures.suffix(), "diff", Cidr.parse("10." + net + ".0.0/16"), List.of(),
        Cidr.parse("fd00:" + net + "::/56"), false, false, false, List.of(), "", List.of(), Instant.EPOCH);
    all.add(vpc);
    RouteTable rtb = new RouteTable("rtb-" + Fixtures.suffix(), vpc.id(), "main", true, List.of(), 1, List.of(),
        Instant.EPOCH);
    int subnetCount = 2 + r.nextInt(2);
    for (int s = 1; s <= subnetCount; s++) {
      String acl = "";
      if (r.nextInt(2) == 0) {
        NetworkAcl a = acl();
        all.add(a);
        acl = a.id();
      }
      Subnet sub = new Subnet("subnet-" + Fixtures.suffix(), vpc.id(), "s" + s, Cidr.parse("10." + net + "." + s + ".0/24"),
          Cidr.parse("fd00:" + net + ":0:" + s + "::/64"), "ap-guangzhou-3", rtb.id(), acl, false, false, List.of(),
          Instant.EPOCH);
      subnets.add(sub);
      all.add(sub);
    }
    template = new AddressTemplate("ipm-" + Fixtures.suffix(), "t", List.of(
        new TemplateMember("10." + net + ".1.10-10." + net + ".1.12", ""),
        new TemplateMember("10." + net + ".2." + (10 + r.nextInt(4)), ""),
        new TemplateMember("fd00:" + net + ":0:" + (1 + r.nextInt(2)) + "::/64", "")), List.of(), Instant.EPOCH);
    all.add(template);
    for (int g = 0; g < 3; g++) {
      groups.add(new SecurityGroup("sg-" + Fixtures.suffix(), "g" + g, "", "0", false, 1, List.of(), List.of(),
          List.of(), Instant.EPOCH, Instant.EPOCH));
    }
    for (int i = 0; i < 4; i++) {
      Subnet sub = subnets.get(i % subnets.size());
      int host = 10 + i;
      Instance ins = new Instance("ins-" + Fixtures.suffix(), "i" + i, "ap-guangzhou-3", "S5.SMALL2", "img-1", vpc.id(),
          sub.id(), InstanceState.RUNNING, List.of(), Instant.EPOCH);
      List<String> bound = new ArrayList<>();
      int n = 1 + r.nextInt(2);
      for (int k = 0; k < n; k++) {
        String g = groups.get(r.nextInt(groups.size())).id();
        if (!bound.contains(g)) {
          bound.add(g);
        }
      }
      NetworkInterface eni = new NetworkInterface("eni-" + Fixtures.suffix(), vpc.id(), sub.id(), "e", "", ins.id(), true,
          "20:90:6f:00:00:0" + i, List.of(new PrivateIp(IpAddr.parse("10." + net + "." + (i % subnets.size() + 1) + "." + host),
          true, "")), List.of(new Ipv6Address(IpAddr.parse("fd00:" + net + ":0:" + (i % subnets.size() + 1) + "::" + host),
          "")), bound, "AVAILABLE", List.of(), Instant.EPOCH);
      instances.add(ins);
      enis.add(eni);
      all.add(ins);
      all.add(eni);
    }
    for (int g = 0; g < groups.size(); g++) {
      SecurityGroup sg = groups.get(g);
      groups.set(g, new SecurityGroup(sg.id(), sg.name(), "", "0", false, 1, rules(1 + r.nextInt(4)),
          rules(r.nextInt(3)), List.of(), Instant.EPOCH, Instant.EPOCH));
    }
    all.addAll(groups);
    Instance hop = instances.get(r.nextInt(instances.size()));
    all.add(new RouteTable(rtb.id(), vpc.id(), "main", true, List.of(new Route(1, "rti-" + Fixtures.suffix(),
        Cidr.parse("192.168." + net + ".0/24"), GatewayType.CVM, hop.id(), "", true, RouteType.USER, false,
        Instant.EPOCH)), 2, List.of(), Instant.EPOCH));
  }

  Topology topology() {
    return Topology.of(new Scope(1300000000L + net, "ap-guangzhou"), 1, all);
  }

  private List<SecurityGroupPolicy> rules(int n) {
    List<SecurityGroupPolicy> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String action = r.nextInt(10) < 8 ? "ACCEPT" : "DROP";
      String protocol = pick("TCP", "UDP", "ICMP", "ICMPv6", "ALL");
      String port = protocol.equals("TCP") || protocol.equals("UDP") ? pick("ALL", "22", "80", "80-443", "22,443") : "ALL";
      int peerKind = r.nextInt(6);
      String cidr = "";
      String cidr6 = "";
      String group = "";
      String addressTemplate = "";
      boolean v6 = protocol.equals("ICMPv6") || !protocol.equals("ICMP") && r.nextBoolean();
      switch (peerKind) {
        case 0 -> group = groups.get(r.nextInt(groups.size())).id();
        case 5 -> addressTemplate = template.id();
        case 1 -> {
          if (v6) {
            cidr6 = "::/0";
          } else {
            cidr = "0.0.0.0/0";
          }
        }
        default -> {
          Subnet s = subnets.get(r.nextInt(subnets.size()));
          if (v6) {
            cidr6 = s.ipv6CidrBlock().toString();
          } else {
            cidr = s.cidrBlock().toString();
          }
        }
      }
      out.add(new SecurityGroupPolicy(protocol, port, "", "", cidr, cidr6, group, addressTemplate, "", action, "",
          Instant.EPOCH));
    }
    if (r.nextInt(3) > 0) {
      out.add(new SecurityGroupPolicy("ALL", "ALL", "", "", "0.0.0.0/0", "", "", "", "", "ACCEPT", "", Instant.EPOCH));
    }
    if (r.nextInt(3) > 0) {
      out.add(new SecurityGroupPolicy("ALL", "ALL", "", "", "", "::/0", "", "", "", "ACCEPT", "", Instant.EPOCH));
    }
    return out;
  }

  private NetworkAcl acl() {
    if (r.nextInt(3) == 0) {
      List<NetworkAclQuintupleEntry> entries = new ArrayList<>();
      entries.addAll(quintupleEntries(Direction.INGRESS));
      entries.addAll(quintupleEntries(Direction.EGRESS));
      return new NetworkAcl("acl-" + Fixtures.suffix(), vpc.id(), "acl5", "QUINTUPLE", List.of(), List.of(), entries,
          List.of(), Instant.EPOCH);
    }
    return new NetworkAcl("acl-" + Fixtures.suffix(), vpc.id(), "acl", "TRIPLE", aclEntries(), aclEntries(), List.of(),
        List.of(), Instant.EPOCH);
  }

  /** Five-tuple entries: source and destination blocks and ports (the probes' source ports are 40000 up). */
  private List<NetworkAclQuintupleEntry> quintupleEntries(Direction direction) {
    List<NetworkAclQuintupleEntry> out = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      String protocol = pick("TCP", "UDP", "ICMP", "ALL");
      boolean ports = protocol.equals("TCP") || protocol.equals("UDP");
      out.add(new NetworkAclQuintupleEntry("", direction, protocol,
          pick("0.0.0.0/0", "10." + net + ".1.0/24", "10." + net + ".2.0/24"), "",
          ports ? pick("ALL", "40000-40100", "22,80") : "ALL",
          pick("0.0.0.0/0", "10." + net + ".0.0/16", "10." + net + ".1.0/24"), "",
          ports ? pick("ALL", "22", "80-443", "40000-40100") : "ALL",
          r.nextInt(10) < 7 ? "ACCEPT" : "DROP", "", i + 1, Instant.EPOCH));
    }
    if (r.nextInt(4) > 0) {
      out.add(new NetworkAclQuintupleEntry("", direction, "ALL", "0.0.0.0/0", "", "ALL", "0.0.0.0/0", "", "ALL",
          "ACCEPT", "", n + 1, Instant.EPOCH));
    }
    if (r.nextInt(4) > 0) {
      out.add(new NetworkAclQuintupleEntry("", direction, "ALL", "", "::/0", "ALL", "", "::/0", "ALL", "ACCEPT", "",
          n + 2, Instant.EPOCH));
    }
    return out;
  }

  private List<NetworkAclEntry> aclEntries() {
    List<NetworkAclEntry> out = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      String protocol = pick("TCP", "UDP", "ICMP", "ALL");
      String port = protocol.equals("TCP") || protocol.equals("UDP") ? pick("ALL", "22", "80-443", "1-65535") : "ALL";
      boolean v6 = !protocol.equals("ICMP") && r.nextInt(4) == 0;
      String cidr = v6 ? "" : pick("0.0.0.0/0", "10." + net + ".0.0/16", "10." + net + ".1.0/24");
      String cidr6 = v6 ? "::/0" : "";
      out.add(new NetworkAclEntry("", protocol, port, cidr, cidr6, r.nextInt(10) < 7 ? "ACCEPT" : "DROP", "", Instant.EPOCH));
    }
    if (r.nextInt(4) > 0) {
      out.add(new NetworkAclEntry("", "ALL", "ALL", "0.0.0.0/0", "", "ACCEPT", "", Instant.EPOCH));
    }
    if (r.nextInt(4) > 0) {
      out.add(new NetworkAclEntry("", "ALL", "ALL", "", "::/0", "ACCEPT", "", Instant.EPOCH));
    }
    return out;
  }

  private String pick(String... options) {
    return options[r.nextInt(options.length)];
  }
}
