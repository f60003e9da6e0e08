package io.openvpc.engine.trace;

import io.openvpc.engine.graph.CompiledEni;
import io.openvpc.engine.graph.CompiledNetwork;
import io.openvpc.engine.graph.CompiledSubnet;
import io.openvpc.engine.graph.EffectiveRoute;
import io.openvpc.engine.graph.NextHop;
import io.openvpc.engine.policy.Decision;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.policy.RuleList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the compiled network with one packet. The forward walk records the ENIs whose security groups
 * admitted the flow; the reply walk lets those ENIs pass the reply statefully and evaluates everything
 * else (network ACLs always, security groups of ENIs the flow did not pass) like any packet.
 */
public final class Tracer {
  /** More forwarding hops than this is reported as a loop even without revisiting an ENI. */
  static final int MAX_FORWARDS = 32;
  private final CompiledNetwork net;

  public Tracer(CompiledNetwork net) {
    this.net = net;
  }

  /** Traces a packet sent by {@code source} and, when delivered, its reply. */
  public TraceResult trace(CompiledEni source, Packet packet) {
    Walk forward = new Walk(packet, Set.of());
    Trace f = forward.run(source);
    if (!f.disposition().delivered()) {
      return new TraceResult(f, null);
    }
    Walk back = new Walk(packet.reply(), forward.admitted);
    return new TraceResult(f, back.run(forward.deliveredTo));
  }

  /** Traces one direction only, with no established sessions. */
  public Trace forward(CompiledEni source, Packet packet) {
    return new Walk(packet, Set.of()).run(source);
  }

  private final class Walk {
    final Packet p;
    final Set<String> sessions;
    final Set<String> admitted = new HashSet<>();
    final List<Hop> hops = new ArrayList<>();
    CompiledEni deliveredTo;

    Walk(Packet p, Set<String> sessions) {
      this.p = p;
      this.sessions = sessions;
    }

    Trace run(CompiledEni origin) {
      List<Step> steps = new ArrayList<>();
      steps.add(new Step(StepKind.ORIGINATED, "NetworkInterface", origin.id(), "SENT", null,
          "sent " + p + (origin.attached() ? " by " + origin.instanceId() : "")));
      Disposition d = state(origin, steps);
      if (d == null) {
        d = securityGroup(origin, origin.egress(), StepKind.SECURITY_GROUP_EGRESS,
            Disposition.DENIED_SECURITY_GROUP_EGRESS, steps);
      }
      hops.add(new Hop("NetworkInterface", origin.id(), steps));
      if (d != null) {
        return done(d);
      }
      Set<String> visited = new HashSet<>();
      visited.add(origin.id());
      CompiledEni current = origin;
      for (int i = 0; i < MAX_FORWARDS; i++) {
        Outcome o = hop(current, visited);
        if (o.disposition != null) {
          return done(o.disposition);
        }
        current = o.next;
      }
      return done(Disposition.LOOP);
    }

    private Trace done(Disposition d) {
      return new Trace(p, d, hops);
    }

    private record Outcome(Disposition disposition, CompiledEni next) {}

    /** From an ENI's subnet to the next ENI: route, ACLs, and the arrival at that ENI. */
    private Outcome hop(CompiledEni from, Set<String> visited) {
      List<Step> steps = new ArrayList<>();
      CompiledSubnet subnet = net.subnet(from.subnetId()).orElse(null);
      Optional<EffectiveRoute> route = subnet == null ? Optional.empty() : net.lookup(subnet.id(), p.destination());
      String rtb = subnet == null ? "" : subnet.routeTableId();
      if (route.isEmpty()) {
        steps.add(new Step(StepKind.ROUTE_LOOKUP, "RouteTable", rtb, "NO_ROUTE", null,
            "no route covers " + p.destination()));
        hops.add(new Hop("Subnet", from.subnetId(), steps));
        return new Outcome(Disposition.NO_ROUTE, null);
      }
      EffectiveRoute r = route.get();
      CompiledEni target;
      if (r.nextHop() instanceof NextHop.Unavailable u) {
        steps.add(new Step(StepKind.ROUTE_LOOKUP, "RouteTable", rtb, "NEXT_HOP_UNAVAILABLE", null,
            "route " + r.text() + ": " + u.reason()));
        hops.add(new Hop("Subnet", from.subnetId(), steps));
        return new Outcome(Disposition.NEXT_HOP_UNAVAILABLE, null);
      } else if (r.nextHop() instanceof NextHop.Interface via) {
        target = net.eni(via.networkInterfaceId()).orElse(null);
        steps.add(new Step(StepKind.ROUTE_LOOKUP, "RouteTable", rtb, "FORWARDED", null,
            "route " + r.text() + " to " + via.networkInterfaceId() + " (" + via.address() + ")"));
      } else {
        target = net.owner(from.vpcId(), p.destination()).orElse(null);
        if (target == null) {
          steps.add(new Step(StepKind.ROUTE_LOOKUP, "RouteTable", rtb, "DESTINATION_NOT_FOUND", null,
              "route " + r.text() + ", but no network interface holds " + p.destination()));
          hops.add(new Hop("Subnet", from.subnetId(), steps));
          return new Outcome(Disposition.DESTINATION_NOT_FOUND, null);
        }
        steps.add(new Step(StepKind.ROUTE_LOOKUP, "RouteTable", rtb, "FORWARDED", null,
            "route " + r.text() + " to " + target.id()));
      }
      boolean crosses = !target.subnetId().equals(from.subnetId());
      if (crosses) {
        Disposition d = acl(subnet, subnet.outbound(), StepKind.NETWORK_ACL_OUTBOUND,
            Disposition.DENIED_NETWORK_ACL_OUTBOUND, steps);
        hops.add(new Hop("Subnet", from.subnetId(), steps));
        if (d != null) {
          return new Outcome(d, null);
        }
        steps = new ArrayList<>();
        CompiledSubnet in = net.subnet(target.subnetId()).orElse(null);
        if (in != null) {
          d = acl(in, in.inbound(), StepKind.NETWORK_ACL_INBOUND, Disposition.DENIED_NETWORK_ACL_INBOUND, steps);
          hops.add(new Hop("Subnet", in.id(), steps));
          if (d != null) {
            return new Outcome(d, null);
          }
        }
      } else {
        hops.add(new Hop("Subnet", from.subnetId(), steps));
      }
      return arrive(target, visited);
    }

    private Outcome arrive(CompiledEni target, Set<String> visited) {
      List<Step> steps = new ArrayList<>();
      try {
        if (visited.contains(target.id())) {
          steps.add(new Step(StepKind.FORWARDED, "NetworkInterface", target.id(), "LOOP", null,
              "the packet returns to " + target.id() + ", which it already passed"));
          return new Outcome(Disposition.LOOP, null);
        }
        Disposition d = state(target, steps);
        if (d == null) {
          d = securityGroup(target, target.ingress(), StepKind.SECURITY_GROUP_INGRESS,
              Disposition.DENIED_SECURITY_GROUP_INGRESS, steps);
        }
        if (d != null) {
          return new Outcome(d, null);
        }
        if (target.holds(p.destination())) {
          steps.add(new Step(StepKind.DELIVERED, "NetworkInterface", target.id(), "ACCEPTED", null,
              "delivered to " + p.destination() + (target.attached() ? " on " + target.instanceId() : "")));
          deliveredTo = target;
          return new Outcome(Disposition.ACCEPTED, null);
        }
        steps.add(new Step(StepKind.FORWARDED, "Instance", target.instanceId(), "FORWARDED", null,
            target.instanceId() + " forwards the packet for " + p.destination()));
        d = securityGroup(target, target.egress(), StepKind.SECURITY_GROUP_EGRESS,
            Disposition.DENIED_SECURITY_GROUP_EGRESS, steps);
        if (d != null) {
          return new Outcome(d, null);
        }
        visited.add(target.id());
        return new Outcome(null, target);
      } finally {
        hops.add(new Hop("NetworkInterface", target.id(), steps));
      }
    }

    private Disposition state(CompiledEni eni, List<Step> steps) {
      if (!eni.attached()) {
        steps.add(new Step(StepKind.INSTANCE_STATE, "NetworkInterface", eni.id(), Step.DENIED, null,
            eni.id() + " is not attached to an instance"));
        return Disposition.NETWORK_INTERFACE_NOT_ATTACHED;
      }
      if (!eni.active()) {
        steps.add(new Step(StepKind.INSTANCE_STATE, "Instance", eni.instanceId(), Step.DENIED, null,
            eni.instanceId() + " is " + (eni.instanceState() == null ? "unknown" : eni.instanceState())
                + ", not RUNNING"));
        return Disposition.INSTANCE_NOT_RUNNING;
      }
      return null;
    }

    private Disposition securityGroup(CompiledEni eni, RuleList list, StepKind kind, Disposition denied,
        List<Step> steps) {
      if (sessions.contains(eni.id())) {
        steps.add(new Step(kind, "SecurityGroup", String.join(",", eni.securityGroupIds()), Step.PERMITTED, null,
            "reply of a flow " + eni.id() + " admitted (security groups are stateful)"));
        return null;
      }
      Decision dec = list.decide(p, net);
      steps.add(new Step(kind, dec.rule().resourceType(), dec.rule().resourceId(),
          dec.accepted() ? Step.PERMITTED : Step.DENIED, dec.rule(), explain(dec)));
      if (!dec.accepted()) {
        return denied;
      }
      admitted.add(eni.id());
      return null;
    }

    private Disposition acl(CompiledSubnet subnet, RuleList list, StepKind kind, Disposition denied, List<Step> steps) {
      Decision dec = list.decide(p, net);
      steps.add(new Step(kind, dec.rule().resourceType(), dec.rule().resourceId(),
          dec.accepted() ? Step.PERMITTED : Step.DENIED, dec.rule(), explain(dec)));
      return dec.accepted() ? null : denied;
    }

    private String explain(Decision dec) {
      String verdict = dec.accepted() ? "permitted" : "denied";
      return dec.rule().isDefault() ? verdict + ": " + dec.rule().text()
          : verdict + " by " + dec.rule().resourceId() + " " + dec.rule().direction().name().toLowerCase()
              + " rule " + dec.rule().index() + ": " + dec.rule().text();
    }
  }
}
