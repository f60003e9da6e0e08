package io.openvpc.engine;

import io.openvpc.model.InstanceState;
import io.openvpc.model.NetworkInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small random networks for property tests: one VPC, three subnets, groups, ACLs and instances. */
final class RandomNetworks {
  static final String[] PROTOCOLS = {"TCP", "UDP", "ICMP", "ALL"};
  static final String[] PORTS = {"ALL", "22", "80", "20-25", "22,80", "1000-65535"};
  static final String[] BLOCKS = {"0.0.0.0/0", "10.0.1.0/24", "10.0.2.0/25", "10.0.0.0/16", "10.0.3.7", "::/0",
      "10.0.2.128/25"};
  static final String[] SUBNETS = {"10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"};

  final Net net = new Net();
  final String vpc;
  final List<String> subnets = new ArrayList<>();
  final List<String> groups = new ArrayList<>();
  final List<String> instances = new ArrayList<>();
  private final Random r;

  RandomNetworks(long seed) {
    r = new Random(seed);
    vpc = net.vpc("10.0.0.0/16");
    for (String s : SUBNETS) {
      subnets.add(net.subnet(vpc, s));
    }
    for (int g = 0; g < 3; g++) {
      Net.Group b = net.sg();
      int in = r.nextInt(5);
      int out = r.nextInt(4);
      for (int i = 0; i < in; i++) {
        String[] rule = rule(true);
        b.in(rule[0], rule[1], rule[2], rule[3]);
      }
      for (int i = 0; i < out; i++) {
        String[] rule = rule(true);
        b.out(rule[0], rule[1], rule[2], rule[3]);
      }
      groups.add(b.id());
    }
    for (int a = 0; a < 2; a++) {
      if (r.nextInt(3) == 0) {
        continue;
      }
      Net.Acl acl = net.acl();
      for (int i = r.nextInt(4); i > 0; i--) {
        String[] rule = rule(false);
        acl.in(rule[0], rule[1], rule[2], rule[3]);
      }
      for (int i = r.nextInt(4); i > 0; i--) {
        String[] rule = rule(false);
        acl.out(rule[0], rule[1], rule[2], rule[3]);
      }
      acl.on(subnets.get(r.nextInt(subnets.size())));
    }
    for (int i = 0; i < 5; i++) {
      int s = r.nextInt(3);
      List<String> bound = new ArrayList<>();
      for (int k = r.nextInt(3); k > 0; k--) {
        String g = groups.get(r.nextInt(groups.size()));
        if (!bound.contains(g)) {
          bound.add(g);
        }
      }
      String ip = SUBNETS[s].replace("0/24", Integer.toString(7 + i * 10));
      InstanceState state = r.nextInt(8) == 0 ? InstanceState.STOPPED : InstanceState.RUNNING;
      String ins = net.instance(subnets.get(s), ip, state, bound.toArray(String[]::new));
      if (r.nextInt(3) == 0) {
        net.addPrivateIp(net.primaryEni(ins), SUBNETS[s].replace("0/24", Integer.toString(200 + i)));
      }
      instances.add(ins);
    }
  }

  private String[] rule(boolean groupsAllowed) {
    String action = r.nextInt(3) == 0 ? "DROP" : "ACCEPT";
    String proto = PROTOCOLS[r.nextInt(PROTOCOLS.length)];
    String port = proto.equals("TCP") || proto.equals("UDP") ? PORTS[r.nextInt(PORTS.length)] : "ALL";
    String peer = groupsAllowed && !groups.isEmpty() && r.nextInt(5) == 0 ? groups.get(r.nextInt(groups.size()))
        : BLOCKS[r.nextInt(BLOCKS.length)];
    if (!groupsAllowed && peer.contains(":")) {
      peer = "0.0.0.0/0";
    }
    return new String[] {action, proto, port, peer};
  }

  Random random() {
    return r;
  }

  String randomAddress(String instance) {
    NetworkInterface eni = net.get(NetworkInterface.class, net.primaryEni(instance));
    return eni.privateIps().get(r.nextInt(eni.privateIps().size())).address().toString();
  }
}
