package io.openvpc.engine.symbolic;

import io.openvpc.engine.graph.Graph;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.trace.TraceRequest;
import io.openvpc.engine.trace.Walker;
import io.openvpc.model.IpAddr;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortRange;
import io.openvpc.model.PortSpec;
import java.util.ArrayList;
import java.util.Comparator;
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
  /**
   * What a filter's rules accept under a view. The graph gives equal filters one rule list, so ENIs
   * bound to the same groups share an entry whatever their sessions.
   */
  private final Map<RuleList, Map<View, Integer>> accepted = new IdentityHashMap<>();

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
    if (!fixed.up()) {
      return new ReachSet(this, peerIsSource, flows);
    }
    List<Node> peers = new ArrayList<>(graph.holders(fixed.domain()));
    peers.sort(Comparator.comparing(n -> n.id().id()));
    int filterSet = filter(filter);
    for (IpAddr ip : fixed.addresses()) {
      Addr a = Addr.of(ip);
      int base = bdd.and(filterSet, h.family(a.v6()));
      for (Node peer : peers) {
        if (peer.id().equals(fixed.id()) || !peer.up()) {
          continue;
        }
        int set = Bdd.FALSE;
        for (IpAddr p : peer.addresses()) {
          Addr pa = Addr.of(p);
          if (pa.v6() != a.v6()) {
            continue;
          }
          int path = path(fixed, a, peer, pa, peerIsSource);
          if (path != Bdd.FALSE) {
            set = bdd.or(set, bdd.and(path, h.address(pa)));
          }
        }
        set = bdd.and(set, base);
        if (set != Bdd.FALSE) {
          flows.add(new ReachSet.Flows(fixed, a, peer, set));
        }
      }
    }
    return new ReachSet(this, peerIsSource, flows);
  }

  /**
   * The flows between the fixed address {@code a} and the peer address {@code pa} that pass both ways:
   * walk the path forward and back and intersect what each filter met accepts. FALSE when the walk
   * does not deliver to the expected node, either way.
   */
  private int path(Node fixed, Addr a, Node peer, Addr pa, boolean peerIsSource) {
    Node src = peerIsSource ? peer : fixed;
    Node dst = peerIsSource ? fixed : peer;
    Packet p = peerIsSource ? probe(pa, a) : probe(a, pa);
    View fwd = new View(peerIsSource, a, false);
    int set = Bdd.FALSE;
    for (Walker.Outcome out : walker.send(src, p)) {
      if (!out.disposition().delivered() || !out.deliveredTo().id().equals(dst.id())) {
        continue;
      }
      int there = constraint(out.met(), fwd, a, pa);
      if (there == Bdd.FALSE) {
        continue;
      }
      Walker.Outcome back =
          walker.reply(out.deliveredTo(), out.delivered().reply(), out.sessions(), out.rewrites()).get(0);
      if (back.disposition().delivered() && back.deliveredTo().id().equals(src.id())) {
        set = bdd.or(set, bdd.and(there, constraint(back.met(), fwd.reverse(), a, pa)));
      }
    }
    return set;
  }

  /** A packet between two addresses for walking: routing reads addresses only. */
  private static Packet probe(Addr from, Addr to) {
    return new Packet(from, to, IpProtocol.TCP.number(), TraceRequest.DEFAULT_SOURCE_PORT, 0);
  }

  /**
   * What every filter met accepts. A filter that saw the packet between the walk's own addresses is
   * interpreted under {@code view}, its peer end left symbolic (bound to the peer's address by the
   * caller); one that saw it rewritten (a NAT on the way) is interpreted under that packet's addresses
   * and bound to them here.
   */
  private int constraint(List<Walker.Met> met, View view, Addr a, Addr pa) {
    int set = Bdd.TRUE;
    for (Walker.Met m : met) {
      Packet q = m.packet();
      Addr fixedEnd = view.peerIsSource() ? q.destination() : q.source();
      Addr peerEnd = view.peerIsSource() ? q.source() : q.destination();
      int accepts;
      if (fixedEnd.equals(a) && peerEnd.equals(pa)) {
        accepts = accepted(m, view);
      } else {
        View at = new View(view.peerIsSource(), fixedEnd, view.reply());
        accepts = bdd.exists(bdd.and(accepted(m, at), h.address(peerEnd)), HeaderSpace.FAMILY, HeaderSpace.ADDRESS_END);
      }
      set = bdd.and(set, accepts);
      if (set == Bdd.FALSE) {
        return set;
      }
    }
    return set;
  }

  private int accepted(Walker.Met m, View view) {
    Map<View, Integer> byView = accepted.computeIfAbsent(m.rules(), k -> new HashMap<>(4));
    Integer cached = byView.get(view);
    if (cached == null) {
      cached = policy.accepted(m.rules(), view);
      byView.put(view, cached);
    }
    return cached;
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
