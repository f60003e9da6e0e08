package io.openvpc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvpc.engine.compile.Compilation;
import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.engine.compile.Compilers;
import io.openvpc.engine.compile.Input;
import io.openvpc.engine.compile.ResourceCompiler;
import io.openvpc.engine.graph.Disposition;
import io.openvpc.engine.graph.Edge;
import io.openvpc.engine.graph.EffectiveRoute;
import io.openvpc.engine.graph.Forwarding;
import io.openvpc.engine.graph.GraphChange;
import io.openvpc.engine.graph.NextHop;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeId;
import io.openvpc.engine.graph.NodeKind;
import io.openvpc.engine.graph.NodeState;
import io.openvpc.engine.graph.ResourceRef;
import io.openvpc.engine.graph.RoutingTable;
import io.openvpc.engine.graph.Translation;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.policy.RuleRef;
import io.openvpc.engine.trace.Hop;
import io.openvpc.engine.trace.Step;
import io.openvpc.engine.trace.StepDetail;
import io.openvpc.engine.trace.TraceResult;
import io.openvpc.engine.trace.Tracer;
import io.openvpc.engine.vpc.NetworkInterfaceCompiler;
import io.openvpc.engine.vpc.VpcCompiler;
import io.openvpc.model.Cidr;
import io.openvpc.model.Direction;
import io.openvpc.model.GatewayType;
import io.openvpc.model.IpAddr;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.Resource;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A product plugs in with one compiler and touches nothing else: a toy full-proxy load balancer (a
 * virtual address that forks to its backends, rewriting both ends) is traced, forked, filtered and
 * translated back for the reply by the one walker, without a line of the engine knowing it. And the
 * compilers' contract holds: undeclared reads fail, {@code RECOMPUTE} inputs recompile everything,
 * dependency cycles are refused.
 */
class ProductPlugInTest {
  /** The toy product's resource: a virtual address in a VPC, proxied to the ENIs {@code backends}. */
  record ToyProxy(String id, String vpcId, String vip, List<String> backends) implements Resource {}

  /** Its compiler: a node under the VPC router that owns the address; the edge into it forks and rewrites. */
  static final class ToyProxyCompiler implements ResourceCompiler<ToyProxy> {
    @Override
    public Class<ToyProxy> kind() {
      return ToyProxy.class;
    }

    @Override
    public List<Input> inputs() {
      return List.of(Input.graph());
    }

    @Override
    public void compile(ToyProxy p, Compilation c) {
      NodeId id = new NodeId(NodeKind.VPC_ROUTER, p.id());
      NodeId router = VpcCompiler.router(p.vpcId());
      IpAddr vip = IpAddr.parse(p.vip());
      List<IpAddr> targets = new ArrayList<>();
      for (String eni : p.backends()) {
        c.node(NetworkInterfaceCompiler.node(eni)).flatMap(n -> n.firstAddress(false)).ifPresent(targets::add);
      }
      RoutingTable routes = new RoutingTable(new ResourceRef("ToyProxy", p.id()), List.of(List.of(
          new EffectiveRoute(Cidr.parse("0.0.0.0/0"), GatewayType.LOCAL, p.vpcId(), "", "", 0,
              new NextHop.Local(p.vpcId())))));
      c.node(new Node(id, router, p.vpcId(), NodeState.UP, List.of(), List.of(), routes, Forwarding.TRANSIT, null, p));
      c.owner(p.vpcId(), vip, id);
      c.edge(new Edge(router, id, List.of(), List.of(), new Proxy(p.id(), vip, targets)));
      c.edge(new Edge(id, router, List.of(), List.of()));
    }
  }

  /** The translation: to each backend, from the virtual address (a record, so graphs compare equal). */
  record Proxy(String id, IpAddr vip, List<IpAddr> targets) implements Translation {
    @Override
    public List<Rewrite> rewrite(Packet p) {
      if (!p.destination().equals(Addr.of(vip))) {
        return List.of();
      }
      List<Rewrite> out = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        IpAddr t = targets.get(i);
        out.add(new Rewrite(new Packet(Addr.of(vip), Addr.of(t), p.protocol(), p.sourcePort(), p.destinationPort()),
            new RuleRef("ToyProxy", id, Direction.INGRESS, i, "to " + t), "proxied to backend " + i));
      }
      return out;
    }
  }

  /** A toy compiler with the given inputs and body. */
  private static ResourceCompiler<ToyProxy> toy(List<Input> inputs, java.util.function.BiConsumer<ToyProxy, Compilation> body) {
    return new ResourceCompiler<>() {
      @Override
      public Class<ToyProxy> kind() {
        return ToyProxy.class;
      }

      @Override
      public List<Input> inputs() {
        return inputs;
      }

      @Override
      public void compile(ToyProxy p, Compilation c) {
        body.accept(p, c);
      }
    };
  }

  private static Compilers withToy(ResourceCompiler<?> extra) {
    List<ResourceCompiler<?>> all = new ArrayList<>(Products.compilers().all());
    all.add(extra);
    return new Compilers(all);
  }

  @Test
  void aProduct_forksTranslatesAndIsTranslatedBack_withoutTheEngineKnowingIt() {
    Net n = new Net();
    String vpc = n.vpc("10.0.0.0/16");
    String s1 = n.subnet(vpc, "10.0.1.0/24");
    String s2 = n.subnet(vpc, "10.0.2.0/24");
    String web = n.sg().in("ACCEPT", "TCP", "80", "10.0.0.0/16").out("ACCEPT", "ALL", "ALL", "0.0.0.0/0").id();
    String closed = n.sg().in("ACCEPT", "TCP", "22", "10.0.0.0/16").out("ACCEPT", "ALL", "ALL", "0.0.0.0/0").id();
    String client = n.instance(s1, "10.0.1.10", web);
    String a = n.instance(s2, "10.0.2.20", web);
    String b = n.instance(s2, "10.0.2.30", closed);
    n.put(new ToyProxy("proxy-1", vpc, "10.0.9.9", List.of(n.primaryEni(a), n.primaryEni(b))));

    CompiledGraph g = CompiledGraph.compile(n.topology(), withToy(new ToyProxyCompiler()));
    Node from = g.endpoint(client).orElseThrow();
    Packet p = new Packet(Addr.of(IpAddr.parse("10.0.1.10")), Addr.of(IpAddr.parse("10.0.9.9")), 6, 40000, 80);
    List<TraceResult> branches = new Tracer(g).traceAll(from, p);

    assertThat(branches).hasSize(2);
    TraceResult toA = branches.get(0);
    TraceResult toB = branches.get(1);
    assertThat(toA.reachable()).as("%s", toA).isTrue();
    assertThat(translations(toA.forward().hops())).containsExactly("TCP 10.0.1.10:40000 -> 10.0.9.9:80 => "
        + "TCP 10.0.9.9:40000 -> 10.0.2.20:80");
    assertThat(translations(toA.returnPath().hops())).as("the reply is translated back where the request was")
        .containsExactly("TCP 10.0.2.20:80 -> 10.0.9.9:40000 => TCP 10.0.9.9:80 -> 10.0.1.10:40000");
    assertThat(toA.returnPath().hops().get(toA.returnPath().hops().size() - 1).nodeId())
        .isEqualTo(n.primaryEni(client));
    assertThat(toB.forward().disposition()).isEqualTo(Disposition.DENIED_SECURITY_GROUP_INGRESS);
    assertThat(toB.forward().lastStep().rule().resourceId()).isEqualTo(closed);
  }

  @Test
  void aProduct_followsWhatItRead_incrementally() {
    Net n = new Net();
    String vpc = n.vpc("10.0.0.0/16");
    String s = n.subnet(vpc, "10.0.2.0/24");
    String a = n.instance(s, "10.0.2.20");
    n.put(new ToyProxy("proxy-1", vpc, "10.0.9.9", List.of(n.primaryEni(a))));
    Topology before = n.topology();
    Compilers compilers = withToy(new ToyProxyCompiler());
    CompiledGraph g = CompiledGraph.compile(before, compilers);

    // the backend's address changes: the proxy read the backend's node, so it is compiled again
    NetworkInterface e = n.get(NetworkInterface.class, n.primaryEni(a));
    n.put(new NetworkInterface(e.id(), e.vpcId(), e.subnetId(), e.name(), e.description(), e.instanceId(), e.primary(),
        e.macAddress(), List.of(new io.openvpc.model.PrivateIp(IpAddr.parse("10.0.2.21"), true, "")), List.of(),
        e.securityGroupIds(), e.state(), e.tags(), e.createdTime()));
    Topology after = n.topology();
    GraphChange touched = g.apply(IncrementalPropertyTest.diff(before, after));

    assertThat(touched.edges()).contains(new io.openvpc.engine.graph.EdgeId(VpcCompiler.router(vpc),
        new NodeId(NodeKind.VPC_ROUTER, "proxy-1")));
    assertThat(g.dump()).isEqualTo(CompiledGraph.compile(after, compilers).dump());
    Edge into = g.edge(VpcCompiler.router(vpc), new NodeId(NodeKind.VPC_ROUTER, "proxy-1")).orElseThrow();
    assertThat(((Proxy) into.translation()).targets()).containsExactly(IpAddr.parse("10.0.2.21"));
  }

  @Test
  void aCompiler_readingWhatItDidNotDeclare_fails() {
    ResourceCompiler<ToyProxy> sneaky = toy(List.of(), (p, c) -> c.resource(Vpc.class, p.vpcId()));
    Net n = new Net();
    String vpc = n.vpc("10.0.0.0/16");
    n.put(new ToyProxy("proxy-1", vpc, "10.0.9.9", List.of()));
    assertThatThrownBy(() -> CompiledGraph.compile(n.topology(), withToy(sneaky)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("without declaring");
  }

  @Test
  void aRecomputeInput_recompilesEveryResourceOfTheCompiler() {
    List<String> compiled = new ArrayList<>();
    ResourceCompiler<ToyProxy> counting = toy(List.of(Input.recompute(Vpc.class)), (p, c) -> compiled.add(p.id()));
    Net n = new Net();
    String vpc = n.vpc("10.0.0.0/16");
    String other = n.vpc("10.1.0.0/16");
    n.put(new ToyProxy("proxy-1", vpc, "10.0.9.9", List.of()));
    n.put(new ToyProxy("proxy-2", vpc, "10.0.9.8", List.of()));
    Topology before = n.topology();
    CompiledGraph g = CompiledGraph.compile(before, withToy(counting));
    compiled.clear();
    n.put(n.get(Vpc.class, other).withName("renamed"));
    g.apply(IncrementalPropertyTest.diff(before, n.topology()));
    assertThat(compiled).containsExactly("proxy-1", "proxy-2");
  }

  @Test
  void aDependencyCycle_isRefused() {
    ResourceCompiler<ToyProxy> cyclic = toy(List.of(Input.graph()), (p, c) -> {
      // reads its own node and writes a different one each time: it never settles
      int version = c.node(new NodeId(NodeKind.VPC_ROUTER, p.id())).map(x -> x.addresses().size()).orElse(0);
      List<IpAddr> addresses = new ArrayList<>();
      for (int i = 0; i <= version % 3; i++) {
        addresses.add(IpAddr.parse("10.0.9." + (i + 1)));
      }
      c.node(new Node(new NodeId(NodeKind.VPC_ROUTER, p.id()), null, p.vpcId(), NodeState.UP, addresses, List.of(),
          null, Forwarding.TRANSIT, null, null));
    });
    Net n = new Net();
    String vpc = n.vpc("10.0.0.0/16");
    n.put(new ToyProxy("proxy-1", vpc, "10.0.9.9", List.of()));
    assertThatThrownBy(() -> CompiledGraph.compile(n.topology(), withToy(cyclic)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cycle");
  }

  private static List<String> translations(List<Hop> hops) {
    List<String> out = new ArrayList<>();
    for (Hop h : hops) {
      for (Step s : h.steps()) {
        if (s.detail() instanceof StepDetail.Translated t) {
          out.add(t.before() + " => " + t.after());
        }
      }
    }
    return out;
  }
}
