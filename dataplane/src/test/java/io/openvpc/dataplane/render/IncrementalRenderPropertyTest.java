package io.openvpc.dataplane.render;

import static io.openvpc.dataplane.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.dataplane.Fixtures;
import io.openvpc.dataplane.host.Netns;
import io.openvpc.engine.Engine;
import io.openvpc.engine.Products;
import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.engine.graph.GraphChange;
import io.openvpc.model.HaVip;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.NetworkAcl;
import io.openvpc.model.NetworkAclEntry;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.Resource;
import io.openvpc.model.ResourceTypes;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import io.openvpc.model.TopologyChange;
import io.openvpc.model.Vpc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Rendering only what each change touched gives exactly the host state a whole render of the result
 * gives, after any sequence of changes (rules, bindings, ACLs, instance states, HAVIPs, new and deleted
 * instances and ENIs); and what a change reports as changed is exactly the namespaces that differ.
 */
class IncrementalRenderPropertyTest {
  @Property(tries = 60)
  void incrementalRender_equalsWholeRender(@ForAll long seed) {
    Random r = new Random(seed);
    Fixtures f = new Fixtures();
    Vpc vpc = f.vpc("10.40.0.0/16", "fd00:40::/56");
    List<Subnet> subnets = List.of(f.subnet(vpc, "10.40.1.0/24", "fd00:40:0:1::/64"), f.subnet(vpc, "10.40.2.0/24", null));
    List<SecurityGroup> groups = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      groups.add(f.securityGroup(List.of(rule("ACCEPT", "TCP", "22", "10.40.0.0/16")),
          List.of(rule("ACCEPT", "ALL", "ALL", "0.0.0.0/0"))));
    }
    List<Instance> instances = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      instances.add(f.instance(subnets.get(i % 2), "10.40." + (i % 2 + 1) + "." + (10 + i), null));
    }
    Topology before = numbered(f, 1);
    Engine engine = new Engine();
    ScopeRender render = new ScopeRender(Renderers.linux());
    List<GraphChange> heard = new ArrayList<>();
    engine.listen((scope, c) -> heard.add(c));
    engine.follow(before);
    engine.read(before.scope(), g -> render.apply(g, heard.get(0)));
    int ips = 100;
    for (int step = 0; step < 12; step++) {
      Instance ins = instances.get(r.nextInt(instances.size()));
      NetworkInterface eni = f.topology().find(NetworkInterface.class, f.topology()
          .where(NetworkInterface.class, e -> e.instanceId().equals(ins.id()) && e.primary()).stream()
          .findFirst().map(NetworkInterface::id).orElse("none")).orElse(null);
      switch (r.nextInt(8)) {
        case 0 -> { // a rule changes
          SecurityGroup g = current(f, groups.get(r.nextInt(groups.size())));
          List<SecurityGroupPolicy> in = new ArrayList<>(g.ingress());
          in.add(0, rule(r.nextBoolean() ? "ACCEPT" : "DROP", "TCP", Integer.toString(1 + r.nextInt(9000)),
              r.nextBoolean() ? "10.40.0.0/16" : groups.get(r.nextInt(groups.size())).id()));
          f.put(new SecurityGroup(g.id(), g.name(), "", "0", false, g.version() + 1, in, g.egress(), List.of(),
              Instant.EPOCH, Instant.EPOCH));
        }
        case 1 -> { // groups bound or unbound
          if (eni != null) {
            f.bind(eni, r.nextBoolean() ? new String[0] : new String[] {groups.get(r.nextInt(3)).id(),
                groups.get(r.nextInt(3)).id()}.clone());
          }
        }
        case 2 -> { // an ACL associated or dissociated
          Subnet s = subnets.get(r.nextInt(2));
          Subnet now = f.topology().find(Subnet.class, s.id()).orElseThrow();
          String acl = "";
          if (now.networkAclId().isEmpty()) {
            acl = "acl-" + Fixtures.suffix();
            f.put(new NetworkAcl(acl, vpc.id(), "a", "TRIPLE", List.of(new NetworkAclEntry("", "TCP", "22", "10.0.0.0/8",
                "", "ACCEPT", "", Instant.EPOCH)), List.of(), List.of(), List.of(), Instant.EPOCH));
          }
          f.put(new Subnet(now.id(), now.vpcId(), now.name(), now.cidrBlock(), now.ipv6CidrBlock(), now.zone(),
              now.routeTableId(), acl, false, false, List.of(), now.createdTime()));
        }
        case 3 -> { // stopped or started
          Instance i = f.topology().find(Instance.class, ins.id()).orElseThrow();
          f.put(new Instance(i.id(), i.name(), i.zone(), i.instanceType(), i.imageId(), i.vpcId(), i.subnetId(),
              i.state() == InstanceState.RUNNING ? InstanceState.STOPPED : InstanceState.RUNNING, List.of(),
              i.createdTime()));
        }
        case 4 -> { // a HAVIP announced, moved or released
          List<HaVip> vips = new ArrayList<>(f.topology().all(HaVip.class));
          if (!vips.isEmpty() && r.nextBoolean()) {
            HaVip h = vips.get(r.nextInt(vips.size()));
            f.put(h.withHolder(eni != null && r.nextBoolean() ? eni.id() : "", ins.id(), Instant.EPOCH));
          } else if (eni != null) {
            f.havip(subnets.get(0), "10.40.1." + ips++, eni);
          }
        }
        case 5 -> { // a second ENI on an instance
          f.eni(ins, subnets.get(r.nextInt(2)), false, "10.40." + (1 + r.nextInt(2)) + "." + ips++, null);
        }
        case 6 -> { // a new instance
          instances.add(f.instance(subnets.get(r.nextInt(2)), "10.40.1." + ips++, null));
        }
        default -> { // an ENI or an instance deleted
          if (eni != null && r.nextBoolean()) {
            f.remove(eni.id());
          } else if (instances.size() > 1) {
            f.remove(ins.id());
            instances.remove(ins);
          }
        }
      }
      Topology after = numbered(f, before.revision() + 1);
      TopologyChange change = TopologyChange.between(before, after);
      heard.clear();
      engine.changed(change);
      Map<String, Netns> was = new TreeMap<>(render.namespaces());
      Map<String, Netns> reported = heard.isEmpty() ? Map.of()
          : engine.read(after.scope(), g -> render.apply(g, heard.get(0))).orElseThrow();
      Map<String, Netns> whole = ScopeRender.whole(CompiledGraph.compile(after, Products.compilers())).namespaces();
      assertThat(render.namespaces()).as("after %s", change.keys()).isEqualTo(whole);
      for (String ns : union(was.keySet(), whole.keySet())) {
        boolean differs = !java.util.Objects.equals(was.get(ns), whole.get(ns));
        assertThat(reported.containsKey(ns)).as("%s reported as changed", ns).isEqualTo(differs);
      }
      before = after;
    }
  }

  private static SecurityGroup current(Fixtures f, SecurityGroup g) {
    return f.topology().find(SecurityGroup.class, g.id()).orElseThrow();
  }

  private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    java.util.Set<String> s = new java.util.TreeSet<>(a);
    s.addAll(b);
    return s;
  }

  private static Topology numbered(Fixtures f, long revision) {
    Topology t = f.topology();
    return Topology.of(t.scope(), revision, all(t));
  }

  private static List<Resource> all(Topology t) {
    List<Resource> out = new ArrayList<>();
    for (Class<? extends Resource> type : ResourceTypes.ALL) {
      out.addAll(t.all(type));
    }
    return out;
  }

}
