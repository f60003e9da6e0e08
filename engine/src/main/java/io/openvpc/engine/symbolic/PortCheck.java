package io.openvpc.engine.symbolic;

import io.openvpc.engine.graph.CompiledEni;
import io.openvpc.engine.graph.CompiledNetwork;
import io.openvpc.engine.graph.CompiledSubnet;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Decision;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.policy.Prefix;
import io.openvpc.engine.policy.RuleRef;
import io.openvpc.engine.trace.TraceRequest;
import io.openvpc.model.Cidr;
import io.openvpc.model.PortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Instance port verification: for each port, whether every source address of the given block (or the
 * given instance) can open a connection to the instance on it, over every port of the range, with the
 * rule that decided. A port is open when the instance's ingress groups, and for sources outside its
 * subnet the subnet's ACL in both directions (replies too), admit all of it; for an instance source,
 * when the whole path between the two instances does ({@link Reachability}). The deciding rule of an
 * open port is the rule that admits a representative flow; of a closed one, the rule that refuses a
 * flow that fails.
 */
public final class PortCheck {
  /** One port's verdict. */
  public record Result(PortProbe probe, boolean open, RuleRef rule) {}

  private final CompiledNetwork net;

  public PortCheck(CompiledNetwork net) {
    this.net = net;
  }

  /** Checks ports against sources in {@code block} (any address of the instance's family if empty). */
  public List<Result> fromBlock(CompiledEni target, Optional<Cidr> block, List<PortProbe> probes) {
    List<Result> out = new ArrayList<>();
    for (PortProbe probe : probes) {
      boolean v6 = block.map(Cidr::isIpv6).orElse(probe.protocol() == io.openvpc.model.IpProtocol.ICMPV6);
      Optional<io.openvpc.model.IpAddr> address = target.firstAddress(v6);
      if (address.isEmpty() || !target.active()) {
        out.add(new Result(probe, false, null));
        continue;
      }
      Cidr source = block.orElse(io.openvpc.model.Cidr.parse(v6 ? "::/0" : "0.0.0.0/0"));
      Bdd bdd = new Bdd(HeaderSpace.VARS);
      HeaderSpace h = new HeaderSpace(bdd);
      SymbolicPolicy policy = new SymbolicPolicy(h, net);
      Addr a = Addr.of(address.get());
      View fwd = new View(true, a, false);
      CompiledSubnet subnet = net.subnet(target.subnetId()).orElseThrow();
      boolean insideSubnet = subnet.ipv4() != null && subnet.ipv4().contains(source)
          || subnet.ipv6() != null && subnet.ipv6().contains(source);
      int allowed = policy.accepted(target.ingress(), fwd);
      if (!insideSubnet) {
        allowed = bdd.and(allowed, bdd.and(policy.accepted(subnet.inbound(), fwd),
            policy.accepted(subnet.outbound(), fwd.reverse())));
      }
      allowed = bdd.exists(allowed, HeaderSpace.SPORT, HeaderSpace.VARS);
      int wanted = bdd.and(h.prefix(Prefix.of(source)), h.protocol(probe.protocol().number()));
      if (probe.ports() != null) {
        wanted = bdd.and(wanted, h.ports(HeaderSpace.DPORT, probe.ports()));
      }
      int bad = bdd.diff(wanted, allowed);
      boolean open = bad == Bdd.FALSE;
      boolean[] witness = bdd.anySat(open ? bdd.and(wanted, allowed) : bad);
      Packet p = withSourcePort(Reachability.packet(witness, a, true));
      out.add(new Result(probe, open, decider(target, subnet, insideSubnet, p, open)));
    }
    return out;
  }

  /** Checks ports against one source instance, over the whole path between the two. */
  public List<Result> fromInstance(CompiledEni target, CompiledEni source, List<PortProbe> probes) {
    List<Result> out = new ArrayList<>();
    for (PortProbe probe : probes) {
      Reachability r = new Reachability(net);
      PortRange range = probe.ports();
      ReachSet set = r.toDestination(target, new Reachability.Filter(Optional.of(probe.protocol()),
          Optional.ofNullable(range).map(x -> new io.openvpc.model.PortSpec(List.of(x), x.toString()))));
      boolean v6 = probe.protocol() == io.openvpc.model.IpProtocol.ICMPV6;
      Optional<io.openvpc.model.IpAddr> from = source.firstAddress(v6);
      Optional<io.openvpc.model.IpAddr> to = target.firstAddress(v6);
      if (from.isEmpty() || to.isEmpty()) {
        out.add(new Result(probe, false, null));
        continue;
      }
      boolean open = true;
      Packet witness = null;
      int first = range == null ? 0 : range.from();
      int last = range == null ? 0 : range.to();
      // Within a probe's range the answer can only change where a rule's port range starts or ends,
      // so testing the boundaries of the rules' port ranges (plus the range's own ends) is exhaustive.
      for (int port : boundaries(target, source, first, last)) {
        Packet p = new Packet(Addr.of(from.get()), Addr.of(to.get()), probe.protocol().number(),
            TraceRequest.DEFAULT_SOURCE_PORT, port);
        boolean in = set.contains(p);
        if (witness == null || !in) {
          witness = p;
        }
        if (!in) {
          open = false;
          break;
        }
      }
      var trace = new io.openvpc.engine.trace.Tracer(net).trace(source, witness);
      RuleRef rule = null;
      for (var hop : trace.forward().hops()) {
        for (var step : hop.steps()) {
          if (step.rule() != null && (open ? step.kind() == io.openvpc.engine.trace.StepKind.SECURITY_GROUP_INGRESS
              : step.result().equals(io.openvpc.engine.trace.Step.DENIED))) {
            rule = step.rule();
          }
        }
      }
      if (rule == null && !open && trace.returnPath() != null) {
        for (var hop : trace.returnPath().hops()) {
          for (var step : hop.steps()) {
            if (step.rule() != null && step.result().equals(io.openvpc.engine.trace.Step.DENIED)) {
              rule = step.rule();
            }
          }
        }
      }
      out.add(new Result(probe, open, rule));
    }
    return out;
  }

  private List<Integer> boundaries(CompiledEni target, CompiledEni source, int first, int last) {
    java.util.TreeSet<Integer> points = new java.util.TreeSet<>();
    points.add(first);
    points.add(last);
    List<io.openvpc.engine.policy.RuleList> lists = new ArrayList<>(List.of(target.ingress(), source.egress()));
    net.subnet(target.subnetId()).ifPresent(s -> lists.addAll(List.of(s.inbound(), s.outbound())));
    net.subnet(source.subnetId()).ifPresent(s -> lists.addAll(List.of(s.inbound(), s.outbound())));
    for (var list : lists) {
      for (var rule : list.rules()) {
        for (var svc : rule.services()) {
          for (PortRange pr : svc.destinationPorts().ranges()) {
            for (int x : new int[] {pr.from() - 1, pr.from(), pr.to(), pr.to() + 1}) {
              if (x >= first && x <= last) {
                points.add(x);
              }
            }
          }
        }
      }
    }
    return new ArrayList<>(points);
  }

  private static Packet withSourcePort(Packet p) {
    return new Packet(p.source(), p.destination(), p.protocol(), TraceRequest.DEFAULT_SOURCE_PORT, p.destinationPort());
  }

  private RuleRef decider(CompiledEni target, CompiledSubnet subnet, boolean insideSubnet, Packet p, boolean open) {
    List<Decision> path = new ArrayList<>();
    if (!insideSubnet) {
      path.add(subnet.inbound().decide(p, net));
    }
    Decision sg = target.ingress().decide(p, net);
    path.add(sg);
    if (!insideSubnet) {
      path.add(subnet.outbound().decide(p.reply(), net));
    }
    if (open) {
      return sg.rule();
    }
    for (Decision d : path) {
      if (!d.accepted()) {
        return d.rule();
      }
    }
    return sg.rule();
  }
}
