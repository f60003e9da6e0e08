package io.openvpc.engine.symbolic;

import io.openvpc.engine.graph.CompiledEni;
import io.openvpc.engine.graph.CompiledNetwork;
import io.openvpc.engine.graph.CompiledSubnet;
import io.openvpc.engine.graph.EffectiveRoute;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.policy.RuleList;
import io.openvpc.model.IpAddr;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortRange;
import io.openvpc.model.PortSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exhaustive reachability inside a VPC: every flow (peer address, protocol, ports) between one ENI and
 * every other active ENI of its VPC such that the forward packet is delivered and its reply comes back,
 * exactly as {@link io.openvpc.engine.trace.Tracer} would decide each one. Destinations inside the VPC
 * always take the local route, so the path is: sender's egress groups, the sender subnet's outbound ACL
 * and the receiver subnet's inbound ACL (when the subnets differ), the receiver's ingress groups; the
 * reply passes the groups statefully and both ACLs the other way.
 */
public final class Reachability {
  /** Restricts an analysis to a protocol and destination ports (empty: all). */
  public record Filter(Optional<IpProtocol> protocol, Optional<PortSpec> ports) {
    public static final Filter ALL = new Filter(Optional.empty(), Optional.empty());
  }

  private final CompiledNetwork net;
  private final Bdd bdd = new Bdd(HeaderSpace.VARS);
  private final HeaderSpace h = new HeaderSpace(bdd);
  private final SymbolicPolicy policy;

  public Reachability(CompiledNetwork net) {
    this.net = net;
    this.policy = new SymbolicPolicy(h, net);
  }

  /** Every flow from any ENI of the VPC to {@code destination}. */
  public ReachSet toDestination(CompiledEni destination, Filter filter) {
    return analyze(destination, filter, true);
  }

  /** Every flow from {@code source} to any ENI of the VPC. */
  public ReachSet fromSource(CompiledEni source, Filter filter) {
    return analyze(source, filter, false);
  }

  private ReachSet analyze(CompiledEni fixed, Filter filter, boolean peerIsSource) {
    List<ReachSet.Flows> flows = new ArrayList<>();
    if (!fixed.active()) {
      return new ReachSet(this, peerIsSource, flows);
    }
    CompiledSubnet fixedSubnet = net.subnet(fixed.subnetId()).orElse(null);
    if (fixedSubnet == null) {
      return new ReachSet(this, peerIsSource, flows);
    }
    int filterSet = filter(filter);
    for (IpAddr ip : fixed.addresses()) {
      Addr a = Addr.of(ip);
      View fwd = new View(peerIsSource, a, false);
      View rev = fwd.reverse();
      RuleList fixedGroups = peerIsSource ? fixed.ingress() : fixed.egress();
      int base = bdd.and(bdd.and(filterSet, h.family(a.v6())), policy.accepted(fixedGroups, fwd));
      if (base == Bdd.FALSE) {
        continue;
      }
      int fixedAcls = peerIsSource
          ? bdd.and(policy.accepted(fixedSubnet.inbound(), fwd), policy.accepted(fixedSubnet.outbound(), rev))
          : bdd.and(policy.accepted(fixedSubnet.outbound(), fwd), policy.accepted(fixedSubnet.inbound(), rev));
      Map<List<String>, Integer> groupCache = new HashMap<>();
      Map<String, Integer> aclCache = new HashMap<>();
      Map<String, Boolean> localCache = new HashMap<>();
      for (CompiledEni peer : net.interfaces()) {
        if (peer.id().equals(fixed.id()) || !peer.active() || !peer.vpcId().equals(fixed.vpcId())) {
          continue;
        }
        if (!localCache.computeIfAbsent(peer.subnetId(), s -> local(s, a, fixed))) {
          continue;
        }
        int peerAddrs = Bdd.FALSE;
        for (IpAddr p : peer.addresses()) {
          Addr pa = Addr.of(p);
          if (pa.v6() == a.v6() && local(fixed.subnetId(), pa, peer)) {
            peerAddrs = bdd.or(peerAddrs, h.address(pa));
          }
        }
        if (peerAddrs == Bdd.FALSE) {
          continue;
        }
        RuleList peerGroups = peerIsSource ? peer.egress() : peer.ingress();
        int set = bdd.and(peerAddrs, base);
        if (set == Bdd.FALSE) {
          continue;
        }
        int groups = groupCache.computeIfAbsent(peer.securityGroupIds(), k -> policy.accepted(peerGroups, fwd));
        set = bdd.and(set, groups);
        if (set == Bdd.FALSE) {
          continue;
        }
        if (!peer.subnetId().equals(fixed.subnetId())) {
          int acls = aclCache.computeIfAbsent(peer.subnetId(), s -> peerAcls(s, fwd, rev, peerIsSource, fixedAcls));
          set = bdd.and(set, acls);
        }
        if (set != Bdd.FALSE) {
          flows.add(new ReachSet.Flows(fixed, a, peer, set));
        }
      }
    }
    return new ReachSet(this, peerIsSource, flows);
  }

  /** Whether a packet from {@code subnetId} to {@code to} is delivered locally to {@code eni}. */
  private boolean local(String subnetId, Addr to, CompiledEni eni) {
    Optional<EffectiveRoute> r = net.lookup(subnetId, to);
    return r.isPresent() && r.get().local() && net.owner(eni.vpcId(), to).map(o -> o.id().equals(eni.id())).orElse(false);
  }

  private int peerAcls(String subnetId, View fwd, View rev, boolean peerIsSource, int fixedAcls) {
    CompiledSubnet s = net.subnet(subnetId).orElse(null);
    if (s == null) {
      return Bdd.FALSE;
    }
    int peer = peerIsSource
        ? bdd.and(policy.accepted(s.outbound(), fwd), policy.accepted(s.inbound(), rev))
        : bdd.and(policy.accepted(s.inbound(), fwd), policy.accepted(s.outbound(), rev));
    return bdd.and(peer, fixedAcls);
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

  CompiledNetwork network() {
    return net;
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
