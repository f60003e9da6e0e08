package io.openvpc.dataplane.render;

import io.openvpc.dataplane.render.Filter.Peers;
import io.openvpc.dataplane.render.Filter.Service;
import io.openvpc.dataplane.render.Filter.Verdict;
import io.openvpc.engine.graph.EffectiveRoute;
import io.openvpc.engine.graph.Graph;
import io.openvpc.engine.graph.NextHop;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.vpc.NetworkInterfaceCompiler;
import io.openvpc.engine.vpc.NetworkInterfaceNode;
import io.openvpc.engine.vpc.SubnetCompiler;
import io.openvpc.engine.vpc.SubnetNode;
import io.openvpc.engine.policy.Action;
import io.openvpc.engine.policy.AddressMatch;
import io.openvpc.engine.policy.PolicyRule;
import io.openvpc.engine.policy.RuleList;
import io.openvpc.engine.policy.ServiceMatch;
import io.openvpc.model.IpAddr;
import io.openvpc.model.PortRange;
import io.openvpc.model.PortSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's {@link Graph} as the renderer reads it: filters translated one to one (named address
 * sets expanded to their current blocks, services to protocol numbers and port ranges), routes with
 * the next hops the engine resolved. No decision is taken here.
 */
public final class EnginePolicy implements CompiledPolicy {
  private final Graph graph;

  public EnginePolicy(Graph graph) {
    this.graph = graph;
  }

  private Optional<Node> eni(String eniId) {
    return graph.node(NetworkInterfaceCompiler.node(eniId));
  }

  /** The one filter of an ENI's edge from or to its subnet. */
  private Filter filter(String eniId, boolean ingress) {
    return eni(eniId).flatMap(n -> ingress ? graph.edge(n.parent(), n.id()).map(e -> e.ingress())
            : graph.edge(n.id(), n.parent()).map(e -> e.egress()))
        .filter(l -> !l.isEmpty()).map(l -> filter(graph.rules(l.get(0))))
        .orElse(new Filter(List.of(), Verdict.DROP));
  }

  @Override
  public Filter ingress(String eniId) {
    return filter(eniId, true);
  }

  @Override
  public Filter egress(String eniId) {
    return filter(eniId, false);
  }

  @Override
  public List<IpAddr> haVips(String eniId) {
    return eni(eniId).map(n -> n.attributes(NetworkInterfaceNode.class).haVips()).orElse(List.of());
  }

  @Override
  public Optional<RouterRuleset.Acl> acl(String subnetId) {
    Optional<Node> s = graph.node(SubnetCompiler.node(subnetId));
    if (s.isEmpty() || s.get().attributes(SubnetNode.class).networkAclId().isEmpty()) {
      return Optional.empty();
    }
    Node subnet = s.get();
    Optional<io.openvpc.engine.graph.Filter> in = graph.edge(subnet.parent(), subnet.id()).map(e -> e.ingress().get(0));
    Optional<io.openvpc.engine.graph.Filter> out = graph.edge(subnet.id(), subnet.parent()).map(e -> e.egress().get(0));
    if (in.isEmpty() || out.isEmpty() || in.get().segments().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RouterRuleset.Acl(filter(graph.rules(in.get())), filter(graph.rules(out.get()))));
  }

  /** The engine keeps traffic between two ENIs of one subnet out of the subnet's ACL. */
  @Override
  public boolean aclWithinSubnet() {
    return false;
  }

  @Override
  public List<SubnetRoute> routes(String subnetId) {
    List<SubnetRoute> out = new ArrayList<>();
    Optional<Node> s = graph.node(SubnetCompiler.node(subnetId));
    if (s.isEmpty() || s.get().routing() == null) {
      return out;
    }
    for (EffectiveRoute r : s.get().routing().routes()) {
      NextHop hop = r.nextHop();
      if (hop instanceof NextHop.Local) {
        out.add(new SubnetRoute(r.destination(), SubnetRoute.Kind.LOCAL, null, ""));
      } else if (hop instanceof NextHop.ToNode i) {
        out.add(new SubnetRoute(r.destination(), SubnetRoute.Kind.NEXT_HOP, i.address(), i.node().id()));
      } else {
        out.add(new SubnetRoute(r.destination(), SubnetRoute.Kind.UNAVAILABLE, null, ""));
      }
    }
    return out;
  }

  private Filter filter(RuleList list) {
    List<Filter.Rule> rules = new ArrayList<>(list.rules().size());
    for (PolicyRule r : list.rules()) {
      List<Service> services = r.services().stream().map(EnginePolicy::service).toList();
      rules.add(new Filter.Rule(ref(r), verdict(r.action()), peers(r.source()), peers(r.destination()), services));
    }
    return new Filter(rules, verdict(list.defaultAction()));
  }
  private static String ref(PolicyRule r) {
    return r.ref().resourceId() + " " + r.ref().direction().name().toLowerCase() + " #" + r.ref().index();
  }

  private Peers peers(AddressMatch m) {
    if (m instanceof AddressMatch.Any) {
      return Peers.ANY;
    }
    if (m instanceof AddressMatch.Blocks b) {
      return Peers.of(b.cidrs());
    }
    return Peers.of(graph.addressSet(((AddressMatch.Named) m).name()));
  }

  private static Service service(ServiceMatch s) {
    int protocol = s.protocol().map(p -> p.number()).orElse(-1);
    return new Service(protocol, ranges(s.sourcePorts()), ranges(s.destinationPorts()));
  }

  private static List<PortRange> ranges(PortSpec spec) {
    if (spec.isAll()) {
      return List.of();
    }
    return spec.ranges();
  }

  private static Verdict verdict(Action a) {
    return a == Action.ACCEPT ? Verdict.ACCEPT : Verdict.DROP;
  }
}
