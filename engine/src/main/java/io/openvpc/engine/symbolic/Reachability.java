package io.openvpc.engine.symbolic;

import io.openvpc.engine.graph.Graph;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.trace.TraceRequest;
import io.openvpc.engine.trace.Walker;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortRange;
import io.openvpc.model.PortSpec;
import java.util.ArrayList;
import java.util.Collection;
import io.openvpc.engine.policy.RuleList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exhaustive reachability: every flow (peer address, protocol, ports) between one node and every other
 * node of its address domain such that the forward packet is delivered and its reply comes back,
 * exactly as the tracer would decide each one. The paths are not written here: for each pair of
 * addresses the {@link Walker} the tracer uses walks the graph forward and back (routing depends on the
 * addresses only) letting every filter pass and collecting the filters it meets; the flows are then the
 * conjunction of what those filters accept, each interpreted symbolically ({@link SymbolicPolicy}) over
 * protocol, ports and the peer's address. A new kind of edge or filter is analysed without a line here.
 */
public final class Reachability {
  /** Restricts an analysis to a protocol and destination ports (empty: all). */
  public record Filter(Optional<IpProtocol> protocol, Optional<PortSpec> ports) {
    public static final Filter ALL = new Filter(Optional.empty(), Optional.empty());
  }

  private final Graph graph;
  private final Bdd bdd = new Bdd(HeaderSpace.VARS);
  private final HeaderSpace h = new HeaderSpace(bdd);
  private final SymbolicPolicy policy;
  private final Walker walker;
  /** What rule lists accept, by view. */
  private final Map<View, Accepted> accepted = new HashMap<>();

  public Reachability(Graph graph) {
    this.graph = graph;
    this.policy = new SymbolicPolicy(h, graph);
    this.walker = new Walker(graph, (filter, rules, packet) -> null, false);
  }

  /** Every flow from any node of the domain to {@code destination}. */
  public ReachSet toDestination(Node destination, Filter filter) {
    return analyze(destination, filter, true);
  }

  /** Every flow from {@code source} to any node of its domain. */
  public ReachSet fromSource(Node source, Filter filter) {
    return analyze(source, filter, false);
  }

  private ReachSet analyze(Node fixed, Filter filter, boolean peerIsSource) {
    List<ReachSet.Flows> flows = new ArrayList<>();
    Map<ReachSet.PathKey, ReachSet.Walked> walked = new HashMap<>();
    if (!fixed.up()) {
      return new ReachSet(this, peerIsSource, flows, walked);
    }
    Collection<Node> peers = graph.holders(fixed.domain());
    int filterSet = filter(filter);
    for (int i = 0; i < fixed.addresses().size(); i++) {
      Addr a = fixed.addr(i);
      int base = bdd.and(filterSet, h.family(a.v6()));
      View fwd = new View(peerIsSource, a, false);
      Accepted there = accepted(fwd);
      Accepted back = accepted(fwd.reverse());
      for (Node peer : peers) {
        if (peer.id().equals(fixed.id()) || !peer.up()) {
          continue;
        }
        int set = Bdd.FALSE;
        for (int k = 0; k < peer.addresses().size(); k++) {
          Addr pa = peer.addr(k);
          if (pa.v6() != a.v6()) {
            continue;
          }
          set = bdd.or(set, flows(new Pair(fixed, a, peer, pa, peerIsSource), there, back, filterSet, base, walked));
        }
        if (set != Bdd.FALSE) {
          flows.add(new ReachSet.Flows(fixed, a, peer, set));
        }
      }
    }
    return new ReachSet(this, peerIsSource, flows, walked);
  }

  /** The two ends of a path: the fixed node at {@code a}, the peer at {@code pa}. */
  private record Pair(Node fixed, Addr a, Node peer, Addr pa, boolean peerIsSource) {
    Node source() {
      return peerIsSource ? peer : fixed;
    }

    Node destination() {
      return peerIsSource ? fixed : peer;
    }

    /** A packet between the two addresses for walking: routing reads addresses only. */
    Packet probe() {
      Addr from = peerIsSource ? pa : a;
      Addr to = peerIsSource ? a : pa;
      return new Packet(from, to, IpProtocol.TCP.number(), TraceRequest.DEFAULT_SOURCE_PORT, 0);
    }
  }

  /**
   * The flows between the pair's addresses that pass both ways, within the question's {@code filter}
   * ({@code base}: the same with the address family). Every filter's set is cut down to the peer's
   * address first ({@link HeaderSpace#at}, a walk down the address), so that the conjunction is over
   * services only, which peers behind the same filters share, and the peer's address is put on top once.
   * A set that cannot be cut down that way (it tests bits the address leaves free) is intersected whole.
   */
  private int flows(Pair pair, Accepted fwd, Accepted rev, int filter, int base,
      Map<ReachSet.PathKey, ReachSet.Walked> walked) {
    int services = path(pair, fwd, rev, filter, true, walked);
    if (services != WHOLE) {
      return services == Bdd.FALSE ? Bdd.FALSE : h.address(pair.pa(), services);
    }
    return path(pair, fwd, rev, bdd.and(h.address(pair.pa()), base), false, walked);
  }

  /** What {@link #path} answers when a set met cannot be cut down to the peer's address. */
  private static final int WHOLE = -1;

  /**
   * The flows within {@code start} between the pair's addresses that pass both ways: walk the path
   * forward and back and intersect what each filter met accepts ({@code atPeer}: each cut down to the
   * peer's address, {@link #WHOLE} if one cannot be). FALSE when the walk does not deliver to the
   * expected node, either way. A path walked without forks or rewrites is kept in {@code walked}, so
   * that the entries' deciding rules are its filters' decisions, without a second walk.
   */
  private int path(Pair pair, Accepted fwd, Accepted rev, int start, boolean atPeer,
      Map<ReachSet.PathKey, ReachSet.Walked> walked) {
    Node src = pair.source();
    Node dst = pair.destination();
    int set = Bdd.FALSE;
    List<Walker.Outcome> outcomes = walker.send(src, pair.probe());
    for (Walker.Outcome out : outcomes) {
      if (!out.disposition().delivered() || !out.deliveredTo().id().equals(dst.id())) {
        continue;
      }
      int there = constraint(out.met(), fwd, pair, start, atPeer);
      if (there == WHOLE) {
        return WHOLE;
      }
      if (there == Bdd.FALSE) {
        continue;
      }
      Walker.Outcome back =
          walker.reply(out.deliveredTo(), out.delivered().reply(), out.sessions(), out.rewrites()).get(0);
      if (!back.disposition().delivered() || !back.deliveredTo().id().equals(src.id())) {
        continue;
      }
      int both = constraint(back.met(), rev, pair, there, atPeer);
      if (both == WHOLE) {
        return WHOLE;
      }
      if (both != Bdd.FALSE && outcomes.size() == 1 && out.rewrites().isEmpty() && back.rewrites().isEmpty()) {
        walked.put(new ReachSet.PathKey(pair.a(), pair.peer().id(), pair.pa()),
            new ReachSet.Walked(out.met(), back.met()));
      }
      set = bdd.or(set, both);
    }
    return set;
  }

  /**
   * {@code set} cut down to what every filter met accepts. A filter that saw the packet between the
   * walk's own addresses is interpreted under the view of {@code accepted}, its peer end left symbolic
   * (bound to the peer's address: here when {@code atPeer}, else by {@code set}); one that saw it
   * rewritten (a NAT on the way) is interpreted under that packet's addresses and bound to them here.
   */
  private int constraint(List<Walker.Met> met, Accepted accepted, Pair pair, int set, boolean atPeer) {
    View view = accepted.view;
    for (int i = 0; i < met.size() && set != Bdd.FALSE; i++) {
      Walker.Met m = met.get(i);
      Packet q = m.packet();
      Addr fixedEnd = view.peerIsSource() ? q.destination() : q.source();
      Addr peerEnd = view.peerIsSource() ? q.source() : q.destination();
      int accepts;
      if (fixedEnd.equals(pair.a()) && peerEnd.equals(pair.pa())) {
        accepts = accepted.of(m.rules());
      } else {
        View at = new View(view.peerIsSource(), fixedEnd, view.reply());
        accepts = bdd.exists(bdd.and(accepted(at).of(m.rules()), h.address(peerEnd)), HeaderSpace.FAMILY,
            HeaderSpace.ADDRESS_END);
      }
      if (atPeer) {
        accepts = h.at(accepts, pair.pa());
        if (accepts == WHOLE) {
          return WHOLE;
        }
      }
      set = bdd.and(set, accepts);
    }
    return set;
  }

  /** What rule lists accept under one view, memoised. */
  private Accepted accepted(View view) {
    return accepted.computeIfAbsent(view, Accepted::new);
  }

  /**
   * What rule lists accept under one view. The graph gives equal filters one rule list, so ENIs bound
   * to the same groups share an entry whatever their sessions.
   */
  private final class Accepted {
    final View view;
    private final Map<RuleList, Integer> byList = new IdentityHashMap<>();

    Accepted(View view) {
      this.view = view;
    }

    int of(RuleList rules) {
      Integer cached = byList.get(rules);
      if (cached == null) {
        cached = policy.accepted(rules, view);
        byList.put(rules, cached);
      }
      return cached;
    }
  }

  private int filter(Filter f) {
    int node = Bdd.TRUE;
    if (f.protocol().isPresent()) {
      node = h.protocol(f.protocol().get().number());
    }
    if (f.ports().isPresent() && !f.ports().get().isAll()) {
      int ports = Bdd.FALSE;
      for (PortRange r : f.ports().get().ranges()) {
        ports = bdd.or(ports, h.ports(HeaderSpace.DPORT, r));
      }
      int tcpUdp = bdd.or(h.protocol(IpProtocol.TCP.number()), h.protocol(IpProtocol.UDP.number()));
      node = bdd.and(node, bdd.and(tcpUdp, ports));
    }
    return node;
  }

  Bdd bdd() {
    return bdd;
  }

  HeaderSpace headers() {
    return h;
  }

  Graph graph() {
    return graph;
  }

  /** The concrete packet of an assignment, for explanations. */
  static Packet packet(boolean[] bits, Addr fixed, boolean peerIsSource) {
    int proto = HeaderSpace.value(bits, HeaderSpace.PROTO, 8);
    boolean v6 = bits[HeaderSpace.FAMILY];
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 128; i++) {
      if (bits[HeaderSpace.IP + i]) {
        if (i < 64) {
          hi |= 1L << (63 - i);
        } else {
          lo |= 1L << (127 - i);
        }
      }
    }
    if (!v6) {
      hi &= 0xFFFFFFFF00000000L;
      lo = 0;
    }
    Addr peer = new Addr(v6, hi, lo);
    int sport = HeaderSpace.value(bits, HeaderSpace.SPORT, 16);
    int dport = HeaderSpace.value(bits, HeaderSpace.DPORT, 16);
    return peerIsSource ? new Packet(peer, fixed, proto, sport, dport) : new Packet(fixed, peer, proto, sport, dport);
  }
}
