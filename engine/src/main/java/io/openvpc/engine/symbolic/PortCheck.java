package io.openvpc.engine.symbolic;

import io.openvpc.engine.graph.Edge;
import io.openvpc.engine.graph.Filter;
import io.openvpc.engine.graph.Graph;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeId;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Decision;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.policy.PolicyRule;
import io.openvpc.engine.policy.Prefix;
import io.openvpc.engine.policy.RuleList;
import io.openvpc.engine.policy.RuleRef;
import io.openvpc.engine.policy.ServiceMatch;
import io.openvpc.engine.trace.Hop;
import io.openvpc.engine.trace.Step;
import io.openvpc.engine.trace.StepResult;
import io.openvpc.engine.trace.Trace;
import io.openvpc.engine.trace.TraceRequest;
import io.openvpc.engine.trace.TraceResult;
import io.openvpc.engine.trace.Tracer;
import io.openvpc.engine.trace.Walker;
import io.openvpc.model.Cidr;
import io.openvpc.model.IpAddr;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortRange;
import io.openvpc.model.PortSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Instance port verification: for each port, whether every source address of the given block (or the
 * given instance) can open a connection to the instance on it, over every port of the range, with the
 * rule that decided. For a block, the traffic enters the graph at the nearest ancestor of the instance
 * that serves the whole block (its subnet for a block inside the subnet, else the VPC router), and a
 * port is open when every filter on the edges from there to the instance admits all of it, and every
 * filter on the way back admits the replies (stateful filters the request passed let them through). For
 * an instance source, it is open when the whole path between the two does ({@link Reachability}). The
 * deciding rule of an open port is the last filter's before the instance; of a closed one, the first
 * that refuses a flow that fails.
 */
public final class PortCheck {
  /** One port's verdict. */
  public record Result(PortProbe probe, boolean open, RuleRef rule) {}

  private final Graph graph;

  public PortCheck(Graph graph) {
    this.graph = graph;
  }

  /** A filter on the path, and whether it judges the request or the reply. */
  private record OnPath(Filter filter, boolean reply) {}

  /** Checks ports against sources in {@code block} (any address of the instance's family if empty). */
  public List<Result> fromBlock(Node target, Optional<Cidr> block, List<PortProbe> probes) {
    List<Result> out = new ArrayList<>();
    for (PortProbe probe : probes) {
      boolean v6 = block.map(Cidr::isIpv6).orElse(probe.protocol() == IpProtocol.ICMPV6);
      Optional<IpAddr> address = target.firstAddress(v6);
      if (address.isEmpty() || !target.up()) {
        out.add(new Result(probe, false, null));
        continue;
      }
      Cidr source = block.orElse(Cidr.parse(v6 ? "::/0" : "0.0.0.0/0"));
      List<OnPath> path = path(target, entry(target, source));
      Bdd bdd = new Bdd(HeaderSpace.VARS);
      HeaderSpace h = new HeaderSpace(bdd);
      SymbolicPolicy policy = new SymbolicPolicy(h, graph);
      Addr a = Addr.of(address.get());
      View fwd = new View(true, a, false);
      int allowed = Bdd.TRUE;
      for (OnPath f : path) {
        allowed = bdd.and(allowed, policy.accepted(graph.rules(f.filter()), f.reply() ? fwd.reverse() : fwd));
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
      out.add(new Result(probe, open, decider(path, p, open)));
    }
    return out;
  }

  /** Where traffic from {@code block} enters: the nearest ancestor of the target serving all of it, else the root. */
  private NodeId entry(Node target, Cidr block) {
    NodeId at = target.id();
    for (Node n = graph.node(target.parent()).orElse(null); n != null; n = graph.node(n.parent()).orElse(null)) {
      at = n.id();
      if (n.serves(block)) {
        break;
      }
    }
    return at;
  }

  /**
   * The filters from {@code entry} to the target, then back: the request's, then the reply's except
   * the stateful ones whose session the request opened.
   */
  private List<OnPath> path(Node target, NodeId entry) {
    List<OnPath> out = new ArrayList<>();
    Set<String> sessions = new HashSet<>();
    for (Edge e : graph.path(entry, target.id())) {
      for (Filter f : e.filters()) {
        out.add(new OnPath(f, false));
        if (f.stateful()) {
          sessions.add(f.session());
        }
      }
    }
    for (Edge e : graph.path(target.id(), entry)) {
      for (Filter f : e.filters()) {
        if (!f.stateful() || !sessions.contains(f.session())) {
          out.add(new OnPath(f, true));
        }
      }
    }
    return out;
  }

  /** Checks ports against one source instance, over the whole path between the two. */
  public List<Result> fromInstance(Node target, Node source, List<PortProbe> probes) {
    List<Result> out = new ArrayList<>();
    for (PortProbe probe : probes) {
      Reachability r = new Reachability(graph);
      PortRange range = probe.ports();
      ReachSet set = r.toDestination(target, new Reachability.Filter(Optional.of(probe.protocol()),
          Optional.ofNullable(range).map(x -> new PortSpec(List.of(x), x.toString()))));
      boolean v6 = probe.protocol() == IpProtocol.ICMPV6;
      Optional<IpAddr> from = source.firstAddress(v6);
      Optional<IpAddr> to = target.firstAddress(v6);
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
      Packet between = new Packet(Addr.of(from.get()), Addr.of(to.get()), probe.protocol().number(),
          TraceRequest.DEFAULT_SOURCE_PORT, first);
      for (int port : boundaries(source, between, first, last)) {
        Packet p = new Packet(between.source(), between.destination(), between.protocol(), between.sourcePort(), port);
        boolean in = set.contains(p);
        if (witness == null || !in) {
          witness = p;
        }
        if (!in) {
          open = false;
          break;
        }
      }
      TraceResult trace = new Tracer(graph).trace(source, witness);
      RuleRef rule = last(trace.forward(), open);
      if (rule == null && !open && trace.returnPath() != null) {
        rule = last(trace.returnPath(), false);
      }
      out.add(new Result(probe, open, rule));
    }
    return out;
  }

  /** The rule of the last filter step of a trace that permitted ({@code permitted}) or denied. */
  private static RuleRef last(Trace t, boolean permitted) {
    RuleRef rule = null;
    for (Hop hop : t.hops()) {
      for (Step step : hop.steps()) {
        if (step.rule() != null && (permitted ? step.result() == StepResult.PERMITTED : step.result() == StepResult.DENIED)) {
          rule = step.rule();
        }
      }
    }
    return rule;
  }

  /** The port boundaries of every rule the path between the two meets, both ways, within the range. */
  private List<Integer> boundaries(Node source, Packet between, int first, int last) {
    TreeSet<Integer> points = new TreeSet<>();
    points.add(first);
    points.add(last);
    Walker walker = new Walker(graph, (filter, rules, packet) -> null, false);
    List<Walker.Met> met = new ArrayList<>();
    for (Walker.Outcome o : walker.send(source, between)) {
      met.addAll(o.met());
      if (o.disposition().delivered()) {
        met.addAll(walker.reply(o.deliveredTo(), o.delivered().reply(), o.sessions(), o.rewrites()).get(0).met());
      }
    }
    for (Walker.Met m : met) {
      for (PolicyRule rule : m.rules().rules()) {
        for (ServiceMatch svc : rule.services()) {
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

  private RuleRef decider(List<OnPath> path, Packet p, boolean open) {
    RuleRef lastForward = null;
    for (OnPath f : path) {
      RuleList rules = graph.rules(f.filter());
      Decision d = rules.decide(f.reply() ? p.reply() : p, graph);
      if (!f.reply()) {
        lastForward = d.rule();
      }
      if (!open && !d.accepted()) {
        return d.rule();
      }
    }
    return lastForward;
  }
}
