package io.openvpc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.engine.graph.GraphChange;
import io.openvpc.model.GatewayType;
import io.openvpc.model.HaVip;
import io.openvpc.model.InstanceState;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.Resource;
import io.openvpc.model.ResourceTypes;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import io.openvpc.model.TopologyChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Applying changes one at a time gives exactly the graph a full compile of the result gives: every
 * node, edge, address owner, endpoint, rule segment and named set, whatever the kinds changed
 * (groups and their rules, bindings, ACL associations, instance states, HAVIPs, routes and their next
 * hops, deletions). And what an update reports as touched covers every node that differs.
 */
class IncrementalPropertyTest {
  @Property(tries = 150)
  void incremental_equalsFullCompile(@ForAll long seed) {
    RandomNetworks rn = new RandomNetworks(seed);
    Net n = rn.net;
    String rtb = n.mainRouteTable(rn.vpc);
    Topology before = n.topology();
    Engine engine = new Engine();
    engine.query(before, g -> null);
    Random r = rn.random();
    List<String> haVips = new ArrayList<>();
    List<GraphChange> heard = new ArrayList<>();
    engine.listen((scope, c) -> heard.add(c));
    for (int step = 0; step < 10; step++) {
      List<String> alive = rn.instances.stream().filter(i -> n.get(io.openvpc.model.Instance.class, i) != null).toList();
      if (alive.isEmpty()) {
        break;
      }
      String instance = alive.get(r.nextInt(alive.size()));
      String eni = n.primaryEni(instance);
      boolean eniExists = n.get(NetworkInterface.class, eni) != null;
      switch (r.nextInt(9)) {
        case 0 -> { // rewrite one group's ingress to another group's rules
          SecurityGroup a = n.get(SecurityGroup.class, rn.groups.get(r.nextInt(3)));
          SecurityGroup b = n.get(SecurityGroup.class, rn.groups.get(r.nextInt(3)));
          if (a != null && b != null) {
            n.put(new SecurityGroup(a.id(), a.name(), "", "0", false, a.version() + 1, b.egress(), a.ingress(),
                List.of(), a.createdTime(), a.updateTime()));
          }
        }
        case 1 -> { // edit one group's ingress in place: insert, delete or swap rules at any position
          SecurityGroup a = n.get(SecurityGroup.class, rn.groups.get(r.nextInt(3)));
          if (a == null) {
            continue;
          }
          List<SecurityGroupPolicy> in = new ArrayList<>(a.ingress());
          for (int k = 1 + r.nextInt(3); k > 0; k--) {
            int op = in.isEmpty() ? 0 : r.nextInt(3);
            if (op == 0) {
              in.add(r.nextInt(in.size() + 1), new SecurityGroupPolicy("TCP", String.valueOf(1 + r.nextInt(65535)), "",
                  "", "10." + r.nextInt(256) + ".0.0/16", "", "", "", "", r.nextBoolean() ? "ACCEPT" : "DROP", "", null));
            } else if (op == 1) {
              in.remove(r.nextInt(in.size()));
            } else {
              java.util.Collections.swap(in, r.nextInt(in.size()), r.nextInt(in.size()));
            }
          }
          n.put(new SecurityGroup(a.id(), a.name(), "", "0", false, a.version() + 1, in, a.egress(), List.of(),
              a.createdTime(), a.updateTime()));
        }
        case 2 -> { // rebind an ENI's groups
          if (eniExists) {
            NetworkInterface e = n.get(NetworkInterface.class, eni);
            List<String> sgs = r.nextBoolean() ? List.of(rn.groups.get(r.nextInt(3))) : List.of();
            n.put(new NetworkInterface(e.id(), e.vpcId(), e.subnetId(), e.name(), e.description(), e.instanceId(),
                e.primary(), e.macAddress(), e.privateIps(), e.ipv6Addresses(), sgs, e.state(), e.tags(), e.createdTime()));
          }
        }
        case 3 -> { // detach a subnet's ACL
          Subnet s = n.get(Subnet.class, rn.subnets.get(r.nextInt(3)));
          n.put(new Subnet(s.id(), s.vpcId(), s.name(), s.cidrBlock(), s.ipv6CidrBlock(), s.zone(), s.routeTableId(),
              "", false, false, List.of(), s.createdTime()));
        }
        case 4 -> n.setState(instance, r.nextBoolean() ? InstanceState.STOPPED : InstanceState.RUNNING);
        case 5 -> { // a HAVIP announced by an ENI, or moved, or released
          if (!haVips.isEmpty() && r.nextBoolean()) {
            HaVip h = n.get(HaVip.class, haVips.get(r.nextInt(haVips.size())));
            n.put(h.withHolder(r.nextBoolean() && eniExists ? eni : "", "", h.createdTime()));
          } else if (eniExists) {
            haVips.add(n.haVip(rn.subnets.get(0), "10.0.1." + (100 + haVips.size()), eni));
          }
        }
        case 6 -> { // a route through an instance, a HAVIP or an address
          int kind = r.nextInt(3);
          String dst = "192.168." + r.nextInt(4) + ".0/24";
          if (kind == 0) {
            n.route(rtb, dst, GatewayType.CVM, instance, r.nextBoolean());
          } else if (kind == 1 && !haVips.isEmpty()) {
            n.route(rtb, dst, GatewayType.HAVIP, haVips.get(r.nextInt(haVips.size())), true);
          } else if (eniExists) {
            n.route(rtb, dst, GatewayType.NORMAL_CVM, rn.randomAddress(instance), true);
          }
        }
        case 7 -> { // delete a group (ENIs keep naming it) or an instance's ENI
          if (r.nextBoolean()) {
            n.remove(rn.groups.get(r.nextInt(3)));
          } else if (eniExists) {
            n.remove(eni);
          }
        }
        default -> n.remove(instance);
      }
      Topology after = n.topology();
      TopologyChange change = diff(before, after);
      CompiledGraph previous = Graphs.compile(before);
      heard.clear();
      engine.changed(change);
      assertThat(engine.cachedRevision(after.scope())).isEqualTo(after.revision());
      CompiledGraph full = Graphs.compile(after);
      engine.query(after, inc -> {
        assertThat(differences(((CompiledGraph) inc).dump(), full.dump())).as("after " + change.keys()).isEmpty();
        for (String g : rn.groups) {
          assertThat(inc.addressSet(g)).isEqualTo(full.addressSet(g));
        }
        return null;
      });
      if (!heard.isEmpty() && !heard.get(heard.size() - 1).full()) {
        GraphChange touched = heard.get(heard.size() - 1);
        previous.dump().forEach((k, v) -> {
          if (k.startsWith("NODE ") && !v.equals(full.dump().get(k))) {
            assertThat(touched.nodes().stream().map(Object::toString)).contains(k.substring("NODE ".length()));
          }
        });
      }
      before = after;
    }
  }

  /** The slots whose values differ, each as incremental vs full. */
  private static List<String> differences(java.util.Map<String, Object> inc, java.util.Map<String, Object> full) {
    java.util.Set<String> keys = new java.util.TreeSet<>(inc.keySet());
    keys.addAll(full.keySet());
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      if (!java.util.Objects.equals(inc.get(k), full.get(k))) {
        out.add(k + "\n  incremental: " + inc.get(k) + "\n  full:        " + full.get(k));
      }
    }
    return out;
  }

  /** The change from one snapshot to the next, the next numbered as the ledger numbers it. */
  static TopologyChange diff(Topology before, Topology after) {
    TopologyChange c = TopologyChange.between(before, after);
    Topology numbered = before.apply(before.revision() + 1, c.puts(), c.deletes());
    return new TopologyChange(before.scope(), before, numbered, c.puts(), c.deletes());
  }
}
