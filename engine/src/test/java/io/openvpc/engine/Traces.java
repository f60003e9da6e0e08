package io.openvpc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.engine.graph.Disposition;
import io.openvpc.engine.trace.Endpoint;
import io.openvpc.engine.trace.FlowResolver;
import io.openvpc.engine.trace.Hop;
import io.openvpc.engine.trace.Step;
import io.openvpc.engine.trace.Trace;
import io.openvpc.engine.trace.TraceRequest;
import io.openvpc.engine.trace.TraceResult;
import io.openvpc.engine.trace.Tracer;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.Topology;
import java.util.ArrayList;
import java.util.List;

/** Helpers that trace on a test network and assert traces as disposition plus hops. */
final class Traces {
  private Traces() {}

  static TraceResult trace(Topology t, Endpoint src, Endpoint dst, IpProtocol proto, int port) {
    CompiledGraph m = Graphs.compile(t);
    FlowResolver.Flow f = new FlowResolver(m).resolve(new TraceRequest(src, dst, proto, port, null));
    return new Tracer(m).trace(f.source(), f.packet());
  }

  static TraceResult tcp(Topology t, String srcInstance, String dstInstance, int port) {
    return trace(t, new Endpoint.Instance(srcInstance), new Endpoint.Instance(dstInstance), IpProtocol.TCP, port);
  }

  /** Each step as {@code NodeType:KIND:RESULT}, hop by hop. */
  static List<String> steps(Trace t) {
    List<String> out = new ArrayList<>();
    for (Hop h : t.hops()) {
      for (Step s : h.steps()) {
        out.add(h.nodeType() + ":" + s.kind() + ":" + s.result());
      }
    }
    return out;
  }

  /** Asserts the disposition, and the deciding rule of the last step as {@code resourceId#index}. */
  static void assertTrace(Trace t, Disposition d, String decidedBy) {
    assertThat(t.disposition()).as(steps(t).toString()).isEqualTo(d);
    if (decidedBy != null) {
      Step last = null;
      for (Hop h : t.hops()) {
        for (Step s : h.steps()) {
          if (s.rule() != null) {
            last = s;
          }
        }
      }
      assertThat(last).isNotNull();
      assertThat(last.rule().resourceId() + "#" + last.rule().index()).isEqualTo(decidedBy);
    }
  }
}
