package io.openvpc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.engine.graph.CompiledEni;
import io.openvpc.engine.graph.CompiledSubnet;
import io.openvpc.engine.graph.ForwardingModel;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.Resource;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Applying changes one at a time gives exactly the model a full compile of the result gives. */
class IncrementalPropertyTest {
  @Property(tries = 100)
  void incremental_equalsFullCompile(@ForAll long seed) {
    RandomNetworks rn = new RandomNetworks(seed);
    Topology before = rn.net.topology();
    Engine engine = new Engine();
    engine.query(before, net -> null);
    Random r = rn.random();
    for (int step = 0; step < 8; step++) {
      List<Resource> puts = new ArrayList<>();
      List<Map.Entry<Class<? extends Resource>, String>> deletes = new ArrayList<>();
      switch (r.nextInt(5)) {
        case 0 -> { // rewrite one group's ingress to another group's rules
          SecurityGroup a = rn.net.get(SecurityGroup.class, rn.groups.get(r.nextInt(3)));
          SecurityGroup b = rn.net.get(SecurityGroup.class, rn.groups.get(r.nextInt(3)));
          puts.add(new SecurityGroup(a.id(), a.name(), "", "0", false, a.version() + 1, b.egress(), a.ingress(),
              List.of(), a.createdTime(), a.updateTime()));
        }
        case 4 -> { // edit one group's ingress in place: insert, delete or swap rules at any position
          SecurityGroup a = rn.net.get(SecurityGroup.class, rn.groups.get(r.nextInt(3)));
          List<SecurityGroupPolicy> in = new ArrayList<>(a.ingress());
          for (int k = 1 + r.nextInt(3); k > 0; k--) {
            int op = in.isEmpty() ? 0 : r.nextInt(3);
            if (op == 0) {
              in.add(r.nextInt(in.size() + 1), new SecurityGroupPolicy("TCP", String.valueOf(1 + r.nextInt(65535)), "", "",
                  "10." + r.nextInt(256) + ".0.0/16", "", "", "", "", r.nextBoolean() ? "ACCEPT" : "DROP", "", null));
            } else if (op == 1) {
              in.remove(r.nextInt(in.size()));
            } else {
              java.util.Collections.swap(in, r.nextInt(in.size()), r.nextInt(in.size()));
            }
          }
          puts.add(new SecurityGroup(a.id(), a.name(), "", "0", false, a.version() + 1, in, a.egress(), List.of(),
              a.createdTime(), a.updateTime()));
        }
        case 1 -> { // rebind an ENI's groups
          NetworkInterface e = rn.net.get(NetworkInterface.class, rn.net.primaryEni(rn.instances.get(r.nextInt(5))));
          if (e == null) {
            continue;
          }
          List<String> sgs = r.nextBoolean() ? List.of(rn.groups.get(r.nextInt(3))) : List.of();
          puts.add(new NetworkInterface(e.id(), e.vpcId(), e.subnetId(), e.name(), e.description(), e.instanceId(),
              e.primary(), e.macAddress(), e.privateIps(), e.ipv6Addresses(), sgs, e.state(), e.tags(), e.createdTime()));
        }
        case 2 -> { // detach a subnet's ACL
          Subnet s = rn.net.get(Subnet.class, rn.subnets.get(r.nextInt(3)));
          puts.add(new Subnet(s.id(), s.vpcId(), s.name(), s.cidrBlock(), s.ipv6CidrBlock(), s.zone(), s.routeTableId(),
              "", false, false, List.of(), s.createdTime()));
        }
        default -> { // delete an instance's ENI
          String eni = rn.net.primaryEni(rn.instances.get(r.nextInt(5)));
          if (rn.net.get(NetworkInterface.class, eni) != null) {
            deletes.add(Map.entry(NetworkInterface.class, eni));
          }
        }
      }
      puts.forEach(rn.net::put);
      deletes.forEach(d -> rn.net.remove(d.getValue()));
      Topology after = before.apply(before.revision() + 1, puts, deletes);
      engine.changed(before, after, puts, deletes);
      assertThat(engine.cachedRevision(after.scope())).isEqualTo(after.revision());
      ForwardingModel full = ForwardingModel.compile(after);
      engine.query(after, inc -> {
        assertThat(sorted(inc.interfaces())).isEqualTo(sorted(full.interfaces()));
        assertThat(inc.subnets().stream().sorted(Comparator.comparing(CompiledSubnet::id)).toList())
            .isEqualTo(full.subnets().stream().sorted(Comparator.comparing(CompiledSubnet::id)).toList());
        for (String g : rn.groups) {
          assertThat(inc.addressSet(g)).isEqualTo(full.addressSet(g));
        }
        return null;
      });
      before = after;
    }
  }

  private static List<CompiledEni> sorted(java.util.Collection<CompiledEni> c) {
    return c.stream().sorted(Comparator.comparing(CompiledEni::id)).toList();
  }
}
