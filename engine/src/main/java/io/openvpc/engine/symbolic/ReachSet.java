package io.openvpc.engine.symbolic;

import io.openvpc.engine.graph.CompiledEni;
import io.openvpc.engine.graph.CompiledSubnet;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Decision;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.policy.RuleList;
import io.openvpc.engine.policy.RuleRef;
import io.openvpc.model.Cidr;
import io.openvpc.model.IpAddr;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortRange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer of one reachability analysis: per (fixed address, peer ENI) the exact set of flows, and
 * their rendering as entries of blocks, protocols and port ranges with the rules that let them through.
 */
public final class ReachSet {
  /** The flows between the fixed ENI's address {@code fixedAddress} and {@code peer}. */
  public record Flows(CompiledEni fixed, Addr fixedAddress, CompiledEni peer, int set) {}

  /** Protocols the rules can name; every other protocol number behaves like {@link #OTHER}. */
  private static final int[] NAMED = {IpProtocol.TCP.number(), IpProtocol.UDP.number(), IpProtocol.ICMP.number(),
      IpProtocol.ICMPV6.number(), IpProtocol.GRE.number()};
  private static final int OTHER = 255;

  private final Reachability analysis;
  private final boolean peerIsSource;
  private final List<Flows> flows;

  ReachSet(Reachability analysis, boolean peerIsSource, List<Flows> flows) {
    this.analysis = analysis;
    this.peerIsSource = peerIsSource;
    this.flows = List.copyOf(flows);
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
    for (Flows f : flows) {
      int noSport = bdd.exists(f.set(), HeaderSpace.SPORT, HeaderSpace.VARS);
      Map<Integer, Integer> byProto = new LinkedHashMap<>();
      for (int p : NAMED) {
        byProto.put(p, cofactor(noSport, h.protocol(p)));
      }
      byProto.put(OTHER, cofactor(noSport, h.protocol(OTHER)));
      boolean uniform = byProto.values().stream().distinct().count() == 1;
      if (uniform) {
        addEntries(out, f, "ALL", -1, byProto.get(OTHER));
      } else {
        for (Map.Entry<Integer, Integer> e : byProto.entrySet()) {
          if (e.getValue() != Bdd.FALSE) {
            String name = e.getKey() == OTHER ? "OTHER" : IpProtocol.ofNumber(e.getKey()).orElseThrow().text();
            addEntries(out, f, name, e.getKey(), e.getValue());
          }
        }
      }
    }
    return out;
  }

  /** The set restricted to {@code protocol} with the protocol variables removed. */
  private int cofactor(int set, int protocol) {
    Bdd bdd = analysis.bdd();
    return bdd.exists(bdd.and(set, protocol), HeaderSpace.PROTO, HeaderSpace.DPORT);
  }

  private void addEntries(List<ReachEntry> out, Flows f, String protoName, int proto, int set) {
    boolean ports = proto == IpProtocol.TCP.number() || proto == IpProtocol.UDP.number();
    List<Block> portBlocks = ports ? blocks(set, HeaderSpace.DPORT, 16) : List.of(new Block(0, 0, set));
    for (Block pb : mergeAdjacent(portBlocks)) {
      int addrSet = ports ? pb.node : set;
      List<Cidr> cidrs = addresses(addrSet);
      PortRange range = ports ? new PortRange((int) pb.from, (int) pb.to) : null;
      Set<Cidr> all = new HashSet<>();
      for (IpAddr ip : f.peer().addresses()) {
        if (ip.isIpv4() != f.fixedAddress().v6()) {
          all.add(Cidr.of(ip));
        }
      }
      if (new HashSet<>(cidrs).equals(all)) {
        out.add(new ReachEntry(f.peer().instanceId(), f.peer().id(), null, protoName, range,
            rules(f, cidrs.get(0), proto, range)));
      } else {
        for (Cidr c : cidrs) {
          out.add(new ReachEntry(f.peer().instanceId(), f.peer().id(), c, protoName, range, rules(f, c, proto, range)));
        }
      }
    }
  }

  private record Block(long from, long to, int node) {}

  /**
   * Splits a set over a field into aligned blocks of values each leading to one sub-diagram over the
   * variables after the field.
   */
  private List<Block> blocks(int node, int field, int width) {
    List<Block> out = new ArrayList<>();
    walk(node, field, width, 0, 0, out);
    return out;
  }

  private void walk(int node, int field, int width, int depth, long prefix, List<Block> out) {
    Bdd bdd = analysis.bdd();
    if (node == Bdd.FALSE) {
      return;
    }
    int v = bdd.var(node);
    if (depth == width || v >= field + width) {
      long span = 1L << (width - depth);
      out.add(new Block(prefix * span, prefix * span + span - 1, node));
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

  private static List<Block> mergeAdjacent(List<Block> blocks) {
    List<Block> out = new ArrayList<>();
    for (Block b : blocks) {
      if (!out.isEmpty() && out.get(out.size() - 1).node == b.node && out.get(out.size() - 1).to + 1 == b.from) {
        Block last = out.remove(out.size() - 1);
        out.add(new Block(last.from, b.to, b.node));
      } else {
        out.add(b);
      }
    }
    return out;
  }

  /** The address blocks of a set over the family and address variables. */
  private List<Cidr> addresses(int set) {
    Bdd bdd = analysis.bdd();
    List<Cidr> out = new ArrayList<>();
    for (boolean v6 : new boolean[] {false, true}) {
      int node = set;
      if (node >= 2 && bdd.var(node) == HeaderSpace.FAMILY) {
        node = v6 ? bdd.high(node) : bdd.low(node);
      }
      int bits = v6 ? 128 : 32;
      walkAddress(node, bits, 0, BigInteger.ZERO, v6, out);
    }
    return out;
  }

  private void walkAddress(int node, int bits, int depth, BigInteger prefix, boolean v6, List<Cidr> out) {
    Bdd bdd = analysis.bdd();
    if (node == Bdd.FALSE) {
      return;
    }
    int v = bdd.var(node);
    if (depth == bits || v >= HeaderSpace.IP + bits) {
      BigInteger first = prefix.shiftLeft(bits - depth);
      IpAddr a = IpAddr.fromValue(first, !v6);
      out.add(new Cidr(a.address().setPrefixLength(depth, false).toPrefixBlock()));
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

  /** The rules deciding a representative flow of an entry, along the path and back. */
  private List<RuleRef> rules(Flows f, Cidr block, int proto, PortRange range) {
    HeaderSpace h = analysis.headers();
    Bdd bdd = analysis.bdd();
    int rep = bdd.and(f.set(), h.address(Addr.of(block.first())));
    if (proto >= 0) {
      rep = bdd.and(rep, h.protocol(proto));
    }
    if (range != null) {
      rep = bdd.and(rep, h.ports(HeaderSpace.DPORT, range));
    }
    boolean[] bits = bdd.anySat(rep);
    if (bits == null) {
      return List.of();
    }
    Packet p = Reachability.packet(bits, f.fixedAddress(), peerIsSource);
    CompiledEni src = peerIsSource ? f.peer() : f.fixed();
    CompiledEni dst = peerIsSource ? f.fixed() : f.peer();
    var net = analysis.network();
    List<RuleRef> refs = new ArrayList<>();
    add(refs, src.egress(), p);
    if (!src.subnetId().equals(dst.subnetId())) {
      CompiledSubnet s = net.subnet(src.subnetId()).orElseThrow();
      CompiledSubnet d = net.subnet(dst.subnetId()).orElseThrow();
      add(refs, s.outbound(), p);
      add(refs, d.inbound(), p);
      add(refs, d.outbound(), p.reply());
      add(refs, s.inbound(), p.reply());
    }
    add(refs, dst.ingress(), p);
    return refs;
  }

  private void add(List<RuleRef> refs, RuleList list, Packet p) {
    Decision d = list.decide(p, analysis.network());
    if (!d.rule().resourceType().equals("Subnet")) {
      refs.add(d.rule());
    }
  }
}
