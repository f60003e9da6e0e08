package io.openvpc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.engine.graph.Node;
import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.symbolic.ReachSet;
import io.openvpc.engine.symbolic.Reachability;
import io.openvpc.engine.trace.TraceResult;
import io.openvpc.engine.trace.Tracer;
import io.openvpc.model.IpAddr;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * On random networks and packets the symbolic analysis and the concrete tracer give the same answer,
 * in both directions of the analysis (who reaches the destination; what the source reaches).
 */
class SymbolicAgreesWithTracerPropertyTest {
  private static final int[] PROTOCOLS = {6, 17, 1, 47};
  private static final int[] PORTS = {22, 80, 21, 25, 443, 1000, 999, 65535};

  @Property(tries = 300)
  void symbolicAndConcrete_agree(@ForAll long seed) {
    RandomNetworks rn = new RandomNetworks(seed);
    CompiledGraph m = Graphs.compile(rn.net.topology());
    Random r = rn.random();
    Tracer tracer = new Tracer(m);
    for (int i = 0; i < 20; i++) {
      String a = rn.instances.get(r.nextInt(rn.instances.size()));
      String b = rn.instances.get(r.nextInt(rn.instances.size()));
      if (a.equals(b)) {
        continue;
      }
      Node src = m.endpoint(rn.net.primaryEni(a)).orElseThrow();
      Node dst = m.endpoint(rn.net.primaryEni(b)).orElseThrow();
      Packet p = new Packet(Addr.of(IpAddr.parse(rn.randomAddress(a))), Addr.of(IpAddr.parse(rn.randomAddress(b))),
          PROTOCOLS[r.nextInt(PROTOCOLS.length)], PORTS[r.nextInt(PORTS.length)], PORTS[r.nextInt(PORTS.length)]);
      TraceResult concrete = tracer.trace(src, p);
      Statistics.collect(concrete.reachable() ? "reachable" : concrete.forward().disposition().delivered()
          ? "reply refused" : concrete.forward().disposition().name());
      ReachSet towards = new Reachability(m).toDestination(dst, Reachability.Filter.ALL);
      ReachSet from = new Reachability(m).fromSource(src, Reachability.Filter.ALL);
      assertThat(towards.contains(p)).as("to %s: %s %s", b, p, concrete).isEqualTo(concrete.reachable());
      assertThat(from.contains(p)).as("from %s: %s %s", a, p, concrete).isEqualTo(concrete.reachable());
    }
  }
}
