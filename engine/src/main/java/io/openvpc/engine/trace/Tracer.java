package io.openvpc.engine.trace;

import io.openvpc.engine.graph.Graph;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.policy.Packet;
import java.util.ArrayList;
import java.util.List;

/**
 * Traces one packet through the graph with concrete decisions, forward and, when delivered, its reply:
 * the reply passes the stateful filters whose sessions the forward packet opened and is translated back
 * where the forward packet was translated; everything else (stateless filters always) judges it like
 * any packet.
 */
public final class Tracer {
  private final Walker walker;

  public Tracer(Graph graph) {
    this.walker = new Walker(graph, (filter, rules, packet) -> rules.decide(packet, graph), true);
  }

  /** Traces a packet sent by {@code source} and, when delivered, its reply (the first branch of a fork). */
  public TraceResult trace(Node source, Packet packet) {
    return traceAll(source, packet).get(0);
  }

  /** One result per branch: a packet meets at most one forking edge per alternative it takes. */
  public List<TraceResult> traceAll(Node source, Packet packet) {
    List<TraceResult> out = new ArrayList<>();
    for (Walker.Outcome f : walker.send(source, packet)) {
      if (!f.disposition().delivered()) {
        out.add(new TraceResult(f.trace(), null));
        continue;
      }
      Walker.Outcome back = walker.reply(f.deliveredTo(), f.delivered().reply(), f.sessions(), f.rewrites()).get(0);
      out.add(new TraceResult(f.trace(), back.trace()));
    }
    return out;
  }

  /** Traces one direction only, with no established sessions. */
  public Trace forward(Node source, Packet packet) {
    return walker.send(source, packet).get(0).trace();
  }
}
