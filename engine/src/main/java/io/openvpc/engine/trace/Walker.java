package io.openvpc.engine.trace;

import io.openvpc.engine.graph.Disposition;
import io.openvpc.engine.graph.Edge;
import io.openvpc.engine.graph.EffectiveRoute;
import io.openvpc.engine.graph.Filter;
import io.openvpc.engine.graph.Forwarding;
import io.openvpc.engine.graph.Graph;
import io.openvpc.engine.graph.NextHop;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeId;
import io.openvpc.engine.graph.NodeState;
import io.openvpc.engine.graph.ResourceRef;
import io.openvpc.engine.graph.StepKind;
import io.openvpc.engine.graph.Translation;
import io.openvpc.engine.policy.Decision;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.policy.RuleList;
import io.openvpc.model.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one walk over the graph, shared by the tracer and the symbolic analysis. At each node: if it is
 * where the packet was being carried (or the packet was just sent), it delivers a packet for one of its
 * addresses, else it routes (its routing table chooses a next-hop node), forwards as a host (a CVM next
 * hop) or, without routes, hands the packet to its parent; on the way to the chosen node the packet
 * follows {@link Graph#next} edges, meeting each edge's egress filters, translation and ingress filters,
 * and each node's state. Nothing here knows a product.
 *
 * <p>Filters are judged by a {@link Judge}: the tracer's decides concretely; the symbolic analysis's
 * lets everything pass and collects the filters met, so that both follow exactly the same path. A walk
 * that does not explain (the analysis) builds no steps, texts or resource names: it runs thousands of
 * times per question.
 */
public final class Walker {
  /** More forwarding hosts than this on one path is reported as a loop even without revisiting one. */
  static final int MAX_FORWARDS = 32;

  /** Directions as explanations write them, made once. */
  private static final String[] DIRECTIONS =
      Arrays.stream(Direction.values()).map(d -> d.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

  /** Judges a filter for a packet. */
  public interface Judge {
    /**
     * The decision of {@code rules} (the filter's rules) for {@code packet}; null lets the packet pass
     * without a decision (the symbolic analysis, which collects the filter instead).
     */
    Decision judge(Filter filter, RuleList rules, Packet packet);
  }

  /** A translation made on the way: reversed for the reply when it crosses the same pair of nodes. */
  public record Rewritten(NodeId a, NodeId b, Packet before, Packet after) {}

  /** A filter met on the way that a session of the forward walk did not pass. */
  public record Met(Filter filter, RuleList rules, Packet packet) {}

  /** How one walk ended: its trace, where it was delivered, and what a reply needs from it. */
  public record Outcome(Trace trace, Packet delivered, Node deliveredTo, Set<String> sessions,
      List<Rewritten> rewrites, List<Met> met) {
    public Disposition disposition() {
      return trace.disposition();
    }
  }

  private final Graph graph;
  private final Judge judge;
  private final boolean explain;

  /** A walker over {@code graph}; {@code explain} records hops and steps (tracing) or not (analysis). */
  public Walker(Graph graph, Judge judge, boolean explain) {
    this.graph = graph;
    this.judge = judge;
    this.explain = explain;
  }

  /** The walks of a packet sent by {@code origin}: one, or one per alternative of a forking edge. */
  public List<Outcome> send(Node origin, Packet packet) {
    return walk(origin, packet, Set.of(), List.of());
  }

  /**
   * The walks of a reply sent by {@code origin}: filters of the {@code sessions} the forward walk opened
   * pass it, and the forward walk's {@code rewrites} are undone where it crosses the same nodes.
   */
  public List<Outcome> reply(Node origin, Packet packet, Set<String> sessions, List<Rewritten> rewrites) {
    return walk(origin, packet, sessions, rewrites);
  }

  private List<Outcome> walk(Node origin, Packet packet, Set<String> sessions, List<Rewritten> undo) {
    State st = new State(packet, origin);
    if (explain) {
      st.step(StepKind.ORIGINATED, StepResult.SENT, resource(origin), StepDetail.NONE,
          "sent " + packet + (origin.host() != null ? " by " + origin.host().id() : ""));
    }
    if (origin.state() instanceof NodeState.Down down) {
      return List.of(st.done(down(st, down)));
    }
    st.visit(origin.id());
    List<Outcome> out = new ArrayList<>(1);
    run(st, true, sessions, undo, out);
    return out;
  }

  private void run(State st, boolean atOrigin, Set<String> sessions, List<Rewritten> undo, List<Outcome> out) {
    while (true) {
      Node node = st.node;
      if (st.target == null || st.target.equals(node.id())) {
        if (!atOrigin && node.holds(st.packet.destination())) {
          if (explain) {
            st.step(StepKind.DELIVERED, StepResult.ACCEPTED, resource(node), StepDetail.NONE, "delivered to "
                + st.packet.destination() + (node.host() != null ? " on " + node.host().id() : ""));
          }
          st.deliveredTo = node;
          out.add(st.done(Disposition.ACCEPTED));
          return;
        }
        Disposition stop = decide(st, node, atOrigin);
        if (stop != null) {
          out.add(st.done(stop));
          return;
        }
      }
      Optional<Edge> next = graph.next(node.id(), st.target);
      if (next.isEmpty()) {
        if (explain) {
          st.step(StepKind.ROUTE_LOOKUP, StepResult.NO_ROUTE, resource(node), StepDetail.NONE,
              "no link from " + node.id() + " towards " + st.target);
        }
        out.add(st.done(Disposition.NO_ROUTE));
        return;
      }
      Edge edge = next.get();
      Disposition stop = filters(st, edge.egress(), sessions);
      if (stop != null) {
        out.add(st.done(stop));
        return;
      }
      if (edge.translation() != null || !undo.isEmpty()) {
        List<State> branches = translate(st, edge, undo);
        for (int i = 0; i < branches.size() - 1; i++) {
          State fork = branches.get(i);
          if (cross(fork, edge, sessions, out)) {
            run(fork, false, sessions, undo, out);
          }
        }
      }
      if (!cross(st, edge, sessions, out)) {
        return;
      }
      atOrigin = false;
    }
  }

  /**
   * What a node does with a packet that stops at it and is not for it: route, forward as a host, or go
   * up to its parent. Sets the target; answers a disposition when the walk ends here.
   */
  private Disposition decide(State st, Node node, boolean atOrigin) {
    if (node.routing() != null) {
      return route(st, node);
    }
    if (!atOrigin && node.forwarding() == Forwarding.HOST) {
      if (++st.forwards > MAX_FORWARDS) {
        if (explain) {
          st.step(StepKind.FORWARDED, StepResult.LOOP, resource(node), StepDetail.NONE,
              "the packet was forwarded more than " + MAX_FORWARDS + " times");
        }
        return Disposition.LOOP;
      }
      if (explain) {
        ResourceRef host = node.host() != null ? node.host() : resource(node);
        st.step(StepKind.FORWARDED, StepResult.FORWARDED, host, StepDetail.NONE,
            host.id() + " forwards the packet for " + st.packet.destination());
      }
      st.visit(node.id());
    }
    if (node.parent() == null) {
      if (explain) {
        st.step(StepKind.ROUTE_LOOKUP, StepResult.NO_ROUTE, resource(node), StepDetail.NONE,
            node.id() + " has no route to " + st.packet.destination());
      }
      return Disposition.NO_ROUTE;
    }
    st.target = node.parent();
    return null;
  }

  /** The node's routing table chooses the next hop; a disposition when none can be had. */
  private Disposition route(State st, Node node) {
    Optional<EffectiveRoute> found = node.routing().lookup(st.packet.destination());
    ResourceRef table = node.routing().source();
    if (found.isEmpty()) {
      if (explain) {
        st.step(StepKind.ROUTE_LOOKUP, StepResult.NO_ROUTE, table, new StepDetail.Routed(null),
            "no route covers " + st.packet.destination());
      }
      return Disposition.NO_ROUTE;
    }
    EffectiveRoute r = found.get();
    if (r.nextHop() instanceof NextHop.Unavailable u) {
      if (explain) {
        st.step(StepKind.ROUTE_LOOKUP, StepResult.NEXT_HOP_UNAVAILABLE, table, new StepDetail.Routed(r),
            "route " + r.text() + ": " + u.reason());
      }
      return Disposition.NEXT_HOP_UNAVAILABLE;
    }
    if (r.nextHop() instanceof NextHop.ToNode via) {
      if (explain) {
        st.step(StepKind.ROUTE_LOOKUP, StepResult.FORWARDED, table, new StepDetail.Routed(r),
            "route " + r.text() + " to " + via.node().id() + " (" + via.address() + ")");
      }
      st.target = via.node();
      return null;
    }
    NextHop.Local local = (NextHop.Local) r.nextHop();
    Optional<Node> owner = graph.owner(local.domain(), st.packet.destination());
    if (owner.isEmpty()) {
      if (explain) {
        st.step(StepKind.ROUTE_LOOKUP, StepResult.DESTINATION_NOT_FOUND, table, new StepDetail.Routed(r),
            "route " + r.text() + ", but nothing in " + local.domain() + " holds " + st.packet.destination());
      }
      return Disposition.DESTINATION_NOT_FOUND;
    }
    if (explain) {
      st.step(StepKind.ROUTE_LOOKUP, StepResult.FORWARDED, table, new StepDetail.Routed(r),
          "route " + r.text() + " to " + owner.get().id().id());
    }
    st.target = owner.get().id();
    return null;
  }

  /** Crosses an edge into its far node: hop, loop check, state, ingress filters. False when the walk ended. */
  private boolean cross(State st, Edge edge, Set<String> sessions, List<Outcome> out) {
    Node next = graph.node(edge.to()).orElse(null);
    if (next == null) {
      if (explain) {
        st.step(StepKind.ROUTE_LOOKUP, StepResult.NO_ROUTE, resource(st.node), StepDetail.NONE,
            edge.to() + " does not exist");
      }
      out.add(st.done(Disposition.NO_ROUTE));
      return false;
    }
    st.enter(next);
    if (next.forwarding() == Forwarding.HOST && st.visited(next.id())) {
      if (explain) {
        st.step(StepKind.FORWARDED, StepResult.LOOP, resource(next), StepDetail.NONE,
            "the packet returns to " + next.id().id() + ", which it already passed");
      }
      out.add(st.done(Disposition.LOOP));
      return false;
    }
    if (next.state() instanceof NodeState.Down down) {
      out.add(st.done(down(st, down)));
      return false;
    }
    Disposition stop = filters(st, edge.ingress(), sessions);
    if (stop != null) {
      out.add(st.done(stop));
      return false;
    }
    return true;
  }

  private Disposition down(State st, NodeState.Down down) {
    if (explain) {
      st.step(down.step(), StepResult.DENIED, down.resource(), StepDetail.NONE, down.reason());
    }
    return down.disposition();
  }

  private Disposition filters(State st, List<Filter> filters, Set<String> sessions) {
    for (int i = 0; i < filters.size(); i++) {
      Filter f = filters.get(i);
      if (f.stateful() && !sessions.isEmpty() && sessions.contains(f.session())) {
        if (explain) {
          st.step(f.step(), StepResult.PERMITTED, new ResourceRef(f.resourceType(), String.join(",", groupsOf(f))),
              StepDetail.NONE, "reply of a flow " + f.session() + " admitted (security groups are stateful)");
        }
        continue;
      }
      RuleList rules = graph.rules(f);
      Decision d = judge.judge(f, rules, st.packet);
      if (d == null) {
        st.meet(new Met(f, rules, st.packet));
        if (f.stateful()) {
          st.open(f.session());
        }
        continue;
      }
      if (explain) {
        st.step(f.step(), d.accepted() ? StepResult.PERMITTED : StepResult.DENIED,
            new ResourceRef(d.rule().resourceType(), d.rule().resourceId()), new StepDetail.Filtered(d.rule()),
            explain(d));
      }
      if (!d.accepted()) {
        return f.onDeny();
      }
      if (f.stateful()) {
        st.open(f.session());
      }
    }
    return null;
  }

  /** The resources a filter's segments come from ({@code sg-a/ingress} is of {@code sg-a}). */
  private static List<String> groupsOf(Filter f) {
    List<String> out = new ArrayList<>(f.segments().size());
    for (String s : f.segments()) {
      int slash = s.indexOf('/');
      out.add(slash < 0 ? s : s.substring(0, slash));
    }
    return out;
  }

  /**
   * The packets that leave an edge: undone for a reply, rewritten, or unchanged. {@code st} itself
   * carries the last one (it is changed in place); several fork the walk into copies.
   */
  private List<State> translate(State st, Edge edge, List<Rewritten> undo) {
    for (Rewritten r : undo) {
      boolean samePair = r.a().equals(edge.from()) && r.b().equals(edge.to())
          || r.a().equals(edge.to()) && r.b().equals(edge.from());
      if (samePair && st.packet.equals(r.after().reply())) {
        Packet back = r.before().reply();
        if (explain) {
          st.step(StepKind.TRANSLATED, StepResult.TRANSLATED, resource(st.node),
              new StepDetail.Translated(st.packet, back, null), "reply translated back: " + st.packet + " -> " + back);
        }
        st.packet = back;
        return List.of(st);
      }
    }
    Translation t = edge.translation();
    if (t == null) {
      return List.of(st);
    }
    List<Translation.Rewrite> rewrites = t.rewrite(st.packet);
    if (rewrites.isEmpty()) {
      return List.of(st);
    }
    List<State> out = new ArrayList<>(rewrites.size());
    for (int i = 0; i < rewrites.size(); i++) {
      Translation.Rewrite rw = rewrites.get(i);
      State branch = i == rewrites.size() - 1 ? st : st.copy();
      Packet before = branch.packet;
      if (explain) {
        ResourceRef by = rw.rule() == null ? resource(branch.node)
            : new ResourceRef(rw.rule().resourceType(), rw.rule().resourceId());
        branch.step(StepKind.TRANSLATED, StepResult.TRANSLATED, by,
            new StepDetail.Translated(before, rw.after(), rw.rule()), before + " -> " + rw.after() + ": " + rw.text());
      }
      branch.rewritten(new Rewritten(edge.from(), edge.to(), before, rw.after()));
      branch.packet = rw.after();
      out.add(branch);
    }
    return out;
  }

  private static ResourceRef resource(Node n) {
    return new ResourceRef(n.kind().resourceType(), n.id().id());
  }

  private static String explain(Decision dec) {
    String verdict = dec.accepted() ? "permitted" : "denied";
    return dec.rule().isDefault() ? verdict + ": " + dec.rule().text()
        : verdict + " by " + dec.rule().resourceId() + " " + DIRECTIONS[dec.rule().direction().ordinal()]
            + " rule " + dec.rule().index() + ": " + dec.rule().text();
  }

  /**
   * Where one walk is: the node, the packet as it is now, the node it is carried to, and what it met.
   * A walk visits a handful of nodes and opens a session or two, so the sets are short arrays searched
   * in order, and what a walk does not use (steps when not explaining, filters met when deciding,
   * rewrites) is never allocated.
   */
  private final class State {
    final Packet sent;
    Packet packet;
    Node node;
    NodeId target;
    Node deliveredTo;
    int forwards;
    private NodeId[] visited = new NodeId[2];
    private int visitedCount;
    private String[] sessions;
    private int sessionCount;
    private List<Rewritten> rewrites;
    private List<Met> met;
    private List<Hop> hops;
    private List<Step> steps;

    State(Packet packet, Node origin) {
      this.sent = packet;
      this.packet = packet;
      this.node = origin;
    }

    private State(State o) {
      this.sent = o.sent;
      this.packet = o.packet;
      this.node = o.node;
      this.target = o.target;
      this.forwards = o.forwards;
      this.visited = o.visited.clone();
      this.visitedCount = o.visitedCount;
      this.sessions = o.sessions == null ? null : o.sessions.clone();
      this.sessionCount = o.sessionCount;
      this.rewrites = o.rewrites == null ? null : new ArrayList<>(o.rewrites);
      this.met = o.met == null ? null : new ArrayList<>(o.met);
      this.hops = o.hops == null ? null : new ArrayList<>(o.hops);
      this.steps = o.steps == null ? null : new ArrayList<>(o.steps);
    }

    State copy() {
      return new State(this);
    }

    void visit(NodeId id) {
      if (visitedCount == visited.length) {
        visited = Arrays.copyOf(visited, visitedCount * 2);
      }
      visited[visitedCount++] = id;
    }

    boolean visited(NodeId id) {
      for (int i = 0; i < visitedCount; i++) {
        if (visited[i].equals(id)) {
          return true;
        }
      }
      return false;
    }

    void open(String session) {
      if (sessions == null) {
        sessions = new String[2];
      }
      for (int i = 0; i < sessionCount; i++) {
        // sessions are IDs of one length: their hashes tell them apart without reading them
        if (sessions[i].hashCode() == session.hashCode() && sessions[i].equals(session)) {
          return;
        }
      }
      if (sessionCount == sessions.length) {
        sessions = Arrays.copyOf(sessions, sessionCount * 2);
      }
      sessions[sessionCount++] = session;
    }

    void meet(Met m) {
      if (met == null) {
        met = new ArrayList<>(6);
      }
      met.add(m);
    }

    void rewritten(Rewritten r) {
      if (rewrites == null) {
        rewrites = new ArrayList<>(2);
      }
      rewrites.add(r);
    }

    /** Records a step of the current node's hop; only called when explaining. */
    void step(StepKind kind, StepResult result, ResourceRef resource, StepDetail detail, String text) {
      if (steps == null) {
        steps = new ArrayList<>(4);
      }
      steps.add(new Step(kind, result, resource, detail, text));
    }

    /** Closes the current node's hop (a node with no step leaves none) and moves to {@code next}. */
    void enter(Node next) {
      close();
      node = next;
    }

    private void close() {
      if (steps != null && !steps.isEmpty()) {
        if (hops == null) {
          hops = new ArrayList<>(8);
        }
        hops.add(new Hop(node.id(), steps));
        steps = null;
      }
    }

    Outcome done(Disposition d) {
      close();
      // a state ends once: its collections become the outcome's without copies
      return new Outcome(new Trace(sent, d, hops == null ? List.of() : hops), packet, deliveredTo, sessionSet(),
          rewrites == null ? List.of() : Collections.unmodifiableList(rewrites),
          met == null ? List.of() : Collections.unmodifiableList(met));
    }

    private Set<String> sessionSet() {
      return switch (sessionCount) {
        case 0 -> Set.of();
        case 1 -> Set.of(sessions[0]);
        case 2 -> Set.of(sessions[0], sessions[1]);
        default -> Set.of(Arrays.copyOf(sessions, sessionCount));
      };
    }
  }
}
