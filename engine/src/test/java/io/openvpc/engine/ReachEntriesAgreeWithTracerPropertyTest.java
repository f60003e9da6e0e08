package io.openvpc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.policy.RuleRef;
import io.openvpc.engine.symbolic.ReachEntry;
import io.openvpc.engine.symbolic.ReachSet;
import io.openvpc.engine.symbolic.Reachability;
import io.openvpc.engine.trace.Hop;
import io.openvpc.engine.trace.Step;
import io.openvpc.engine.trace.Trace;
import io.openvpc.engine.trace.TraceRequest;
import io.openvpc.engine.trace.TraceResult;
import io.openvpc.engine.trace.Tracer;
import io.openvpc.model.IpAddr;
import io.openvpc.model.IpProtocol;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * On random networks the rules an analysis names for each entry are the decisions the tracer makes
 * for the entry's usual packet (its first peer address and port, the ephemeral source port), in path
 * order: forward, then the reply's filters that no session let through.
 */
class ReachEntriesAgreeWithTracerPropertyTest {
  @Property(tries = 150)
  void entryRules_areTheTracersDecisions(@ForAll long seed) {
    RandomNetworks rn = new RandomNetworks(seed);
    CompiledGraph m = Graphs.compile(rn.net.topology());
    Tracer tracer = new Tracer(m);
    for (String instance : rn.instances) {
      Node fixed = m.endpoint(rn.net.primaryEni(instance)).orElseThrow();
      if (fixed.addresses().size() != 1) {
        continue; // an entry does not say which address of the fixed end it is of
      }
      Addr mine = Addr.of(fixed.addresses().get(0));
      for (boolean towards : new boolean[] {true, false}) {
        ReachSet set = towards ? new Reachability(m).toDestination(fixed, Reachability.Filter.ALL)
            : new Reachability(m).fromSource(fixed, Reachability.Filter.ALL);
        for (ReachEntry e : set.entries()) {
          Node peer = m.endpoint(e.networkInterfaceId()).orElseThrow();
          IpAddr peerIp = e.cidrBlock() != null ? e.cidrBlock().first() : peer.firstAddress(false).orElseThrow();
          Packet p = usual(towards, Addr.of(peerIp), mine, e);
          if (!set.contains(p)) {
            continue; // the entry's packet is another one of the set; the tracer would not be asked this one
          }
          TraceResult t = tracer.trace(towards ? peer : fixed, p);
          assertThat(t.reachable()).as("%s %s", p, t).isTrue();
          List<RuleRef> decided = new ArrayList<>(decisions(t.forward()));
          decided.addAll(decisions(t.returnPath()));
          assertThat(e.rules()).as("%s %s", p, t).isEqualTo(decided);
        }
      }
    }
  }

  /** The packet an entry is explained by when it is in the set. */
  private static Packet usual(boolean peerIsSource, Addr peer, Addr fixed, ReachEntry e) {
    int proto = switch (e.protocol()) {
      case "ALL", "OTHER" -> 255;
      default -> IpProtocol.valueOf(e.protocol().toUpperCase(java.util.Locale.ROOT)).number();
    };
    int dport = e.ports() == null ? 0 : e.ports().from();
    int sport = TraceRequest.DEFAULT_SOURCE_PORT;
    return peerIsSource ? new Packet(peer, fixed, proto, sport, dport) : new Packet(fixed, peer, proto, sport, dport);
  }

  /** The rules that decided a trace's filter steps, without the "no ACL" passes of subnets. */
  private static List<RuleRef> decisions(Trace t) {
    List<RuleRef> out = new ArrayList<>();
    for (Hop hop : t.hops()) {
      for (Step s : hop.steps()) {
        if (s.rule() != null && !s.rule().resourceType().equals("Subnet")) {
          out.add(s.rule());
        }
      }
    }
    return out;
  }
}
