package io.openvpc.dataplane.render;

import io.openvpc.dataplane.render.Filter.Peers;
import io.openvpc.dataplane.render.Filter.Service;
import io.openvpc.dataplane.render.Filter.Verdict;
import io.openvpc.engine.policy.Action;
import io.openvpc.engine.policy.AddressMatch;
import io.openvpc.engine.policy.PolicyRule;
import io.openvpc.engine.policy.ServiceMatch;
import io.openvpc.model.PortRange;
import io.openvpc.model.PortSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's rules in the form nftables needs, one to one: named address sets stay named (rendered
 * as sets of their own), services become protocol numbers and port ranges. No decision is taken here.
 */
final class Rules {
  private Rules() {}

  /** The rules of one segment (no default: a segment's chain falls through when none matches). */
  static Filter of(List<PolicyRule> rules) {
    List<Filter.Rule> out = new ArrayList<>(rules.size());
    for (PolicyRule r : rules) {
      out.add(new Filter.Rule(ref(r), verdict(r.action()), peers(r.source()), peers(r.destination()),
          r.services().stream().map(Rules::service).toList()));
    }
    return new Filter(out, Verdict.DROP);
  }

  static Verdict verdict(Action a) {
    return a == Action.ACCEPT ? Verdict.ACCEPT : Verdict.DROP;
  }

  private static String ref(PolicyRule r) {
    return r.ref().resourceId() + " " + r.ref().direction().name().toLowerCase() + " #" + r.ref().index();
  }

  private static Peers peers(AddressMatch m) {
    if (m instanceof AddressMatch.Any) {
      return Peers.ANY;
    }
    if (m instanceof AddressMatch.Blocks b) {
      return Peers.of(b.cidrs());
    }
    return Peers.named(((AddressMatch.Named) m).name());
  }

  private static Service service(ServiceMatch s) {
    int protocol = s.protocol().map(p -> p.number()).orElse(-1);
    return new Service(protocol, ranges(s.sourcePorts()), ranges(s.destinationPorts()));
  }

  private static List<PortRange> ranges(PortSpec spec) {
    return spec.isAll() ? List.of() : spec.ranges();
  }
}
