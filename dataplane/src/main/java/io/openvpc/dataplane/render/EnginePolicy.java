package io.openvpc.dataplane.render;

import io.openvpc.dataplane.render.Filter.Peers;
import io.openvpc.dataplane.render.Filter.Service;
import io.openvpc.dataplane.render.Filter.Verdict;
import io.openvpc.engine.graph.CompiledEni;
import io.openvpc.engine.graph.CompiledNetwork;
import io.openvpc.engine.graph.CompiledSubnet;
import io.openvpc.engine.graph.EffectiveRoute;
import io.openvpc.engine.graph.NextHop;
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
 * The engine's {@link CompiledNetwork} as the renderer reads it: rule lists translated one to one
 * (named address sets expanded to their current blocks, services to protocol numbers and port ranges),
 * routes with the next hops the engine resolved. No decision is taken here.
 */
public final class EnginePolicy implements CompiledPolicy {
  private final CompiledNetwork network;

  public EnginePolicy(CompiledNetwork network) {
    this.network = network;
  }

  @Override
  public Filter ingress(String eniId) {
    return network.eni(eniId).map(e -> filter(e.ingress())).orElse(new Filter(List.of(), Verdict.DROP));
  }

  @Override
  public Filter egress(String eniId) {
    return network.eni(eniId).map(e -> filter(e.egress())).orElse(new Filter(List.of(), Verdict.DROP));
  }

  @Override
  public List<IpAddr> haVips(String eniId) {
    return network.eni(eniId).map(CompiledEni::haVips).orElse(List.of());
  }

  @Override
  public Optional<RouterRuleset.Acl> acl(String subnetId) {
    Optional<CompiledSubnet> s = network.subnet(subnetId);
    if (s.isEmpty() || s.get().networkAclId().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RouterRuleset.Acl(filter(s.get().inbound()), filter(s.get().outbound())));
  }

  /** The engine keeps traffic between two ENIs of one subnet out of the subnet's ACL. */
  @Override
  public boolean aclWithinSubnet() {
    return false;
  }

  @Override
  public List<SubnetRoute> routes(String subnetId) {
    List<SubnetRoute> out = new ArrayList<>();
    for (EffectiveRoute r : network.routes(subnetId)) {
      NextHop hop = r.nextHop();
      if (hop instanceof NextHop.Local) {
        out.add(new SubnetRoute(r.destination(), SubnetRoute.Kind.LOCAL, null, ""));
      } else if (hop instanceof NextHop.Interface i) {
        out.add(new SubnetRoute(r.destination(), SubnetRoute.Kind.NEXT_HOP, i.address(), i.networkInterfaceId()));
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
    return Peers.of(network.addressSet(((AddressMatch.Named) m).name()));
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
