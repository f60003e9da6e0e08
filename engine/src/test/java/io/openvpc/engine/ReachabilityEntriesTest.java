package io.openvpc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.engine.symbolic.ReachEntry;
import io.openvpc.engine.symbolic.Reachability;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rendering of reachable sets: per peer, protocol and port range, with the deciding rules. */
class ReachabilityEntriesTest {
  private static String show(ReachEntry e) {
    return (e.cidrBlock() == null ? e.instanceId() : e.cidrBlock() + "@" + e.instanceId()) + " " + e.protocol()
        + (e.ports() == null ? "" : ":" + e.ports());
  }

  @Test
  void entries_splitByPortAndAddress() {
    Net n = new Net();
    String vpc = n.vpc("10.0.0.0/16");
    String s = n.subnet(vpc, "10.0.1.0/24");
    String any = n.sg().out("ACCEPT", "ALL", "ALL", "0.0.0.0/0").id();
    String db = n.sg().in("DROP", "TCP", "5433", "0.0.0.0/0").in("ACCEPT", "TCP", "5432-5434", "10.0.1.10")
        .in("ACCEPT", "ICMP", "ALL", "10.0.0.0/16").id();
    String a = n.instance(s, "10.0.1.10", any);
    n.addPrivateIp(n.primaryEni(a), "10.0.1.11");
    String b = n.instance(s, "10.0.1.20", any);
    String d = n.instance(s, "10.0.1.30", db);
    CompiledGraph m = Graphs.compile(n.topology());
    List<ReachEntry> entries = new Reachability(m).toDestination(m.endpoint(d).orElseThrow(), Reachability.Filter.ALL)
        .entries();
    assertThat(entries.stream().map(ReachabilityEntriesTest::show)).containsExactlyInAnyOrder(
        "10.0.1.10/32@" + a + " TCP:5432",
        "10.0.1.10/32@" + a + " TCP:5434",
        "10.0.1.10/32@" + a + " ICMP",
        "10.0.1.11/32@" + a + " ICMP",
        b + " ICMP");
    ReachEntry tcp = entries.stream().filter(e -> "TCP".equals(e.protocol())).findFirst().orElseThrow();
    assertThat(tcp.rules()).extracting(r -> r.resourceId() + "#" + r.index()).containsExactly(any + "#0", db + "#1");
  }

  @Test
  void entries_wholeInstanceAndAllProtocols() {
    Net n = new Net();
    String vpc = n.vpc("10.0.0.0/16");
    String s = n.subnet(vpc, "10.0.1.0/24");
    String open = n.sg().in("ACCEPT", "ALL", "ALL", "0.0.0.0/0").out("ACCEPT", "ALL", "ALL", "0.0.0.0/0").id();
    String a = n.instance(s, "10.0.1.10", open);
    String b = n.instance(s, "10.0.1.20", open);
    CompiledGraph m = Graphs.compile(n.topology());
    List<ReachEntry> from = new Reachability(m).fromSource(m.endpoint(a).orElseThrow(), Reachability.Filter.ALL)
        .entries();
    assertThat(from.stream().map(ReachabilityEntriesTest::show)).containsExactly(b + " ALL");
  }
}
