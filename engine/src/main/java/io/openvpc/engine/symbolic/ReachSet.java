package io.openvpc.engine.symbolic;

import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeId;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.policy.RuleRef;
import io.openvpc.engine.graph.Graph;
import io.openvpc.engine.policy.Decision;
import io.openvpc.engine.trace.Walker;
import io.openvpc.model.Cidr;
import io.openvpc.model.IpAddr;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortRange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of one reachability analysis: per (fixed address, peer ENI) the exact set of flows, and
 * their rendering as entries of blocks, protocols and port ranges with the rules that let them through.
 */
public final class ReachSet {
  /** The flows between the fixed node's address {@code fixedAddress} and {@code peer}. */
  public record Flows(Node fixed, Addr fixedAddress, Node peer, int set) {
    /** The instance (or other resource) the peer belongs to, or "". */
    String host() {
      return peer.host() == null ? "" : peer.host().id();
    }
  }

  /** Protocols the rules can name; every other protocol number behaves like {@link #OTHER}. */
  private static final int[] NAMED = {IpProtocol.TCP.number(), IpProtocol.UDP.number(), IpProtocol.ICMP.number(),
      IpProtocol.ICMPV6.number(), IpProtocol.GRE.number()};
  private static final int OTHER = 255;

  /** A path of the analysis: between the fixed address and one address of a peer. */
  record PathKey(Addr fixedAddress, NodeId peer, Addr peerAddress) {
    @Override
    public boolean equals(Object o) {
      return o instanceof PathKey k && peer.equals(k.peer) && peerAddress.equals(k.peerAddress)
          && fixedAddress.equals(k.fixedAddress);
    }

    @Override
    public int hashCode() {
      return (peer.hashCode() * 31 + peerAddress.hashCode()) * 31 + fixedAddress.hashCode();
    }
  }

  /** The filters a path met, forward and back, when it was walked without forks or rewrites. */
  record Walked(List<Walker.Met> forward, List<Walker.Met> back) {}

  private final Reachability analysis;
  private final boolean peerIsSource;
  private final List<Flows> flows;
  private final Map<PathKey, Walked> walked;

  ReachSet(Reachability analysis, boolean peerIsSource, List<Flows> flows, Map<PathKey, Walked> walked) {
    this.analysis = analysis;
    this.peerIsSource = peerIsSource;
    this.flows = List.copyOf(flows);
    this.walked = walked;
  }

  public List<Flows> flows() {
    return flows;
  }

  public boolean isEmpty() {
    return flows.isEmpty();
  }

  /** Whether a concrete forward packet is in the set (both directions pass). */
  public boolean contains(Packet p) {
    Addr fixed = peerIsSource ? p.destination() : p.source();
    boolean[] bits = HeaderSpace.bits(p, peerIsSource);
    for (Flows f : flows) {
      if (f.fixedAddress().equals(fixed) && analysis.bdd().eval(f.set(), bits)) {
        return true;
      }
    }
    return false;
  }

  /** The sets as entries, ordered by peer, protocol and port. */
  public List<ReachEntry> entries() {
    Bdd bdd = analysis.bdd();
    HeaderSpace h = analysis.headers();
    List<ReachEntry> out = new ArrayList<>();
    Map<Integer, List<Part>> parts = new HashMap<>();
    for (Flows f : flows) {
      List<Addr> addrs = peerAddresses(f);
      if (addrs.size() == 1) {
        // one address: the set is that address and its services, found by walking down the address
        int services = bdd.exists(below(f.set(), addrs.get(0)), HeaderSpace.SPORT, HeaderSpace.VARS);
        for (Part part : parts.computeIfAbsent(services, this::partition)) {
          out.add(new ReachEntry(f.host(), f.peer().id().id(), null, part.name, part.range,
              rules(f, addrs.get(0), part.proto, part.range)));
        }
        continue;
      }
      int noSport = bdd.exists(f.set(), HeaderSpace.SPORT, HeaderSpace.VARS);
      int services = bdd.exists(noSport, HeaderSpace.FAMILY, HeaderSpace.ADDRESS_END);
      int all = Bdd.FALSE;
      for (Addr a : addrs) {
        all = bdd.or(all, h.address(a));
      }
      if (bdd.and(all, services) == noSport) {
        // the common case: every address of the peer gets the same services; render those once
        for (Part part : parts.computeIfAbsent(services, this::partition)) {
          out.add(new ReachEntry(f.host(), f.peer().id().id(), null, part.name, part.range,
              rules(f, addrs.get(0), part.proto, part.range)));
        }
        continue;
      }
      for (Block block : addresses(noSport)) {
        for (Part part : parts.computeIfAbsent(block.node, this::partition)) {
          out.add(new ReachEntry(f.host(), f.peer().id().id(), block.cidr, part.name, part.range,
              rules(f, Addr.of(block.cidr.first()), part.proto, part.range)));
        }
      }
    }
    return out;
  }

  /** The part of a set below one address: what it allows for packets of that peer address. */
  private int below(int set, Addr a) {
    Bdd bdd = analysis.bdd();
    int node = set;
    while (node >= 2 && bdd.var(node) < HeaderSpace.ADDRESS_END) {
      int v = bdd.var(node);
      boolean bit = v == HeaderSpace.FAMILY ? a.v6() : v - HeaderSpace.IP < a.bits() && a.bit(v - HeaderSpace.IP);
      node = bit ? bdd.high(node) : bdd.low(node);
    }
    return node;
  }

  /** One protocol (and port range) of a set of services. */
  private record Part(String name, int proto, PortRange range) {}

  private List<Addr> peerAddresses(Flows f) {
    List<Addr> out = new ArrayList<>(1);
    for (int i = 0; i < f.peer().addresses().size(); i++) {
      if (f.peer().addr(i).v6() == f.fixedAddress().v6()) {
        out.add(f.peer().addr(i));
      }
    }
    return out;
  }

  /** Splits a set without source ports by protocol and, for TCP and UDP, by destination port range. */
  private List<Part> partition(int set) {
    HeaderSpace h = analysis.headers();
    Map<Integer, Integer> byProto = new LinkedHashMap<>();
    for (int p : NAMED) {
      byProto.put(p, cofactor(set, h.protocol(p)));
    }
    byProto.put(OTHER, cofactor(set, h.protocol(OTHER)));
    List<Part> out = new ArrayList<>();
    if (byProto.values().stream().distinct().count() == 1) {
      if (byProto.get(OTHER) != Bdd.FALSE) {
        out.add(new Part("ALL", -1, null));
      }
      return out;
    }
    for (Map.Entry<Integer, Integer> e : byProto.entrySet()) {
      int proto = e.getKey();
      if (e.getValue() == Bdd.FALSE) {
        continue;
      }
      String name = proto == OTHER ? "OTHER" : IpProtocol.ofNumber(proto).orElseThrow().text();
      if (proto == IpProtocol.TCP.number() || proto == IpProtocol.UDP.number()) {
        for (Span b : mergeAdjacent(spans(e.getValue(), HeaderSpace.DPORT, 16))) {
          out.add(new Part(name, proto, new PortRange((int) b.from, (int) b.to)));
        }
      } else {
        out.add(new Part(name, proto, null));
      }
    }
    return out;
  }

  /** The set restricted to {@code protocol} with the protocol variables removed. */
  private int cofactor(int set, int protocol) {
    Bdd bdd = analysis.bdd();
    return bdd.exists(bdd.and(set, protocol), HeaderSpace.PROTO, HeaderSpace.DPORT);
  }

  /** An address block of a set and the services that remain for it. */
  private record Block(Cidr cidr, int node) {}

  private record Span(long from, long to, int node) {}

  /**
   * Splits a set over a field into aligned blocks of values each leading to one sub-diagram over the
   * variables after the field.
   */
  private List<Span> spans(int node, int field, int width) {
    List<Span> out = new ArrayList<>();
    walk(node, field, width, 0, 0, out);
    return out;
  }

  private void walk(int node, int field, int width, int depth, long prefix, List<Span> out) {
    Bdd bdd = analysis.bdd();
    if (node == Bdd.FALSE) {
      return;
    }
    int v = bdd.var(node);
    if (depth == width || v >= field + width) {
      long span = 1L << (width - depth);
      out.add(new Span(prefix * span, prefix * span + span - 1, node));
      return;
    }
    if (v > field + depth) {
      walk(node, field, width, depth + 1, prefix * 2, out);
      walk(node, field, width, depth + 1, prefix * 2 + 1, out);
    } else {
      walk(bdd.low(node), field, width, depth + 1, prefix * 2, out);
      walk(bdd.high(node), field, width, depth + 1, prefix * 2 + 1, out);
    }
  }

  private static List<Span> mergeAdjacent(List<Span> spans) {
    List<Span> out = new ArrayList<>();
    for (Span b : spans) {
      if (!out.isEmpty() && out.get(out.size() - 1).node == b.node && out.get(out.size() - 1).to + 1 == b.from) {
        Span last = out.remove(out.size() - 1);
        out.add(new Span(last.from, b.to, b.node));
      } else {
        out.add(b);
      }
    }
    return out;
  }

  /** The address blocks of a set, each with the services that remain for it. */
  private List<Block> addresses(int set) {
    Bdd bdd = analysis.bdd();
    List<Block> out = new ArrayList<>();
    for (boolean v6 : new boolean[] {false, true}) {
      int node = set;
      if (node >= 2 && bdd.var(node) == HeaderSpace.FAMILY) {
        node = v6 ? bdd.high(node) : bdd.low(node);
      }
      walkAddress(node, v6 ? 128 : 32, 0, BigInteger.ZERO, v6, out);
    }
    return out;
  }

  private void walkAddress(int node, int bits, int depth, BigInteger prefix, boolean v6, List<Block> out) {
    Bdd bdd = analysis.bdd();
    if (node == Bdd.FALSE) {
      return;
    }
    int v = bdd.var(node);
    if (depth == bits || v >= HeaderSpace.IP + bits) {
      IpAddr a = IpAddr.fromValue(prefix.shiftLeft(bits - depth), !v6);
      out.add(new Block(new Cidr(a.address().setPrefixLength(depth, false).toPrefixBlock()), skipAddress(node)));
      return;
    }
    if (v > HeaderSpace.IP + depth) {
      walkAddress(node, bits, depth + 1, prefix.shiftLeft(1), v6, out);
      walkAddress(node, bits, depth + 1, prefix.shiftLeft(1).or(BigInteger.ONE), v6, out);
    } else {
      walkAddress(bdd.low(node), bits, depth + 1, prefix.shiftLeft(1), v6, out);
      walkAddress(bdd.high(node), bits, depth + 1, prefix.shiftLeft(1).or(BigInteger.ONE), v6, out);
    }
  }

  /** Below an IPv4 block the unused address bits are free; drop them. */
  private int skipAddress(int node) {
    return analysis.bdd().exists(node, HeaderSpace.FAMILY, HeaderSpace.ADDRESS_END);
  }

  /**
   * The rules deciding a representative flow of an entry, in path order, forward then back. The flow
   * passes every filter of its path, so on a path the analysis walked without forks or rewrites the
   * concrete walk would meet exactly the filters the symbolic one met, with the same packet: their
   * decisions are the answer. Any other path is walked again, concretely.
   */
  private List<RuleRef> rules(Flows f, Addr peer, int proto, PortRange range) {
    Packet p = representative(f, peer, proto, range);
    if (p == null) {
      return List.of();
    }
    Graph graph = analysis.graph();
    List<RuleRef> refs = new ArrayList<>();
    Walked w = walked.get(new PathKey(f.fixedAddress(), f.peer().id(), peerIsSource ? p.source() : p.destination()));
    if (w != null) {
      for (Walker.Met m : w.forward()) {
        note(refs, m.rules().decide(p, graph));
      }
      Packet reply = p.reply();
      for (Walker.Met m : w.back()) {
        note(refs, m.rules().decide(reply, graph));
      }
      return refs;
    }
    // the tracer's walk, deciding concretely, noting each decision instead of writing steps
    Walker walker = new Walker(graph, (filter, rules, packet) -> {
      Decision d = rules.decide(packet, graph);
      note(refs, d);
      return d;
    }, false);
    Node src = peerIsSource ? f.peer() : f.fixed();
    Walker.Outcome there = walker.send(src, p).get(0);
    if (there.disposition().delivered()) {
      walker.reply(there.deliveredTo(), there.delivered().reply(), there.sessions(), there.rewrites());
    }
    return refs;
  }

  /** A decision worth naming: a subnet without an ACL decides nothing a user wrote. */
  private static void note(List<RuleRef> refs, Decision d) {
    if (!d.rule().resourceType().equals("Subnet")) {
      refs.add(d.rule());
    }
  }

  /** A packet of the entry: the usual ephemeral source port when it is in the set, else any that is. */
  private Packet representative(Flows f, Addr peer, int proto, PortRange range) {
    int protocol = proto >= 0 ? proto : OTHER;
    int dport = range == null ? 0 : range.from();
    int sport = io.openvpc.engine.trace.TraceRequest.DEFAULT_SOURCE_PORT;
    Packet guess = peerIsSource ? new Packet(peer, f.fixedAddress(), protocol, sport, dport)
        : new Packet(f.fixedAddress(), peer, protocol, sport, dport);
    Bdd bdd = analysis.bdd();
    if (bdd.eval(f.set(), HeaderSpace.bits(guess, peerIsSource))) {
      return guess;
    }
    HeaderSpace h = analysis.headers();
    int rep = bdd.and(f.set(), h.address(peer));
    if (proto >= 0) {
      rep = bdd.and(rep, h.protocol(proto));
    }
    if (range != null) {
      rep = bdd.and(rep, h.ports(HeaderSpace.DPORT, range));
    }
    boolean[] bits = bdd.anySat(rep);
    return bits == null ? null : Reachability.packet(bits, f.fixedAddress(), peerIsSource);
  }

}
