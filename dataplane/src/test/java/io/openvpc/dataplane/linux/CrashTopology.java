package io.openvpc.dataplane.linux;

import io.openvpc.model.Cidr;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Ipv6Address;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Resource;
import io.openvpc.model.RouteTable;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The topologies of the crash test, the same in the agent's JVM and the test's: a VPC of two subnets
 * whose number of instances and security-group rules depend on a variant (0 to 3), with IDs derived
 * from a tag so that concurrent runs never share names. Port 22, ICMP and ICMPv6 are always allowed
 * within the VPC, port 80 only in even variants, and port 9 never.
 */
final class CrashTopology {
  static final int VARIANTS = 4;
  private static final Instant T0 = Instant.EPOCH;

  private CrashTopology() {}

  static String instanceId(String tag, int i) {
    return "ins-" + tag + i;
  }

  static String address(int i) {
    return "10.26." + (i % 2 + 1) + "." + (10 + i);
  }

  static int instances(int variant) {
    return 4 + variant % 3;
  }

  static Topology of(String tag, int variant) {
    Scope scope = new Scope(1260000000L + Math.floorMod(tag.hashCode(), 1_000_000), "ap-guangzhou");
    List<Resource> all = new ArrayList<>();
    Vpc vpc = new Vpc("vpc-" + tag, "crash", Cidr.parse("10.26.0.0/16"), List.of(), Cidr.parse("fd00:26::/56"), false,
        false, false, List.of(), "", List.of(), T0);
    all.add(vpc);
    all.add(new RouteTable("rtb-" + tag, vpc.id(), "main", true, List.of(), 1, List.of(), T0));
    List<Subnet> subnets = new ArrayList<>();
    for (int k = 1; k <= 2; k++) {
      Subnet s = new Subnet("subnet-" + tag + k, vpc.id(), "s" + k, Cidr.parse("10.26." + k + ".0/24"),
          Cidr.parse("fd00:26:0:" + k + "::/64"), "ap-guangzhou-3", "rtb-" + tag, "", false, false, List.of(), T0);
      subnets.add(s);
      all.add(s);
    }
    List<SecurityGroupPolicy> ingress = new ArrayList<>();
    ingress.add(rule("ACCEPT", "TCP", "22"));
    ingress.add(rule("ACCEPT", "ICMP", "ALL"));
    ingress.add(new SecurityGroupPolicy("ICMPV6", "ALL", "", "", "", "fd00:26::/56", "", "", "", "ACCEPT", "", T0));
    ingress.add(rule("DROP", "TCP", "9"));
    if (variant % 2 == 0) {
      ingress.add(rule("ACCEPT", "TCP", "80"));
    }
    SecurityGroup sg = new SecurityGroup("sg-" + tag, "crash", "", "0", false, 1 + variant, ingress,
        List.of(new SecurityGroupPolicy("ALL", "ALL", "", "", "0.0.0.0/0", "", "", "", "", "ACCEPT", "", T0),
            new SecurityGroupPolicy("ALL", "ALL", "", "", "", "::/0", "", "", "", "ACCEPT", "", T0)),
        List.of(), T0, T0);
    all.add(sg);
    for (int i = 0; i < instances(variant); i++) {
      Subnet s = subnets.get(i % 2);
      Instance ins = new Instance(instanceId(tag, i), "i" + i, "ap-guangzhou-3", "S5.SMALL2", "img-1", vpc.id(), s.id(),
          InstanceState.RUNNING, List.of(), T0);
      all.add(ins);
      all.add(new NetworkInterface("eni-" + tag + "e" + i, vpc.id(), s.id(), "e", "", ins.id(), true,
          "20:90:6f:00:00:0" + i, List.of(new PrivateIp(IpAddr.parse(address(i)), true, "")),
          List.of(new Ipv6Address(IpAddr.parse("fd00:26:0:" + (i % 2 + 1) + "::" + (10 + i)), "")), List.of(sg.id()),
          "AVAILABLE", List.of(), T0));
    }
    return Topology.of(scope, 1 + variant, all);
  }

  private static SecurityGroupPolicy rule(String action, String protocol, String port) {
    return new SecurityGroupPolicy(protocol, port, "", "", "10.26.0.0/16", "", "", "", "", action, "", T0);
  }
}
