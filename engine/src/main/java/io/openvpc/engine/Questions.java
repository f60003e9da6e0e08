package io.openvpc.engine;

import io.openvpc.engine.graph.Graph;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.symbolic.PortCheck;
import io.openvpc.engine.symbolic.PortProbe;
import io.openvpc.engine.symbolic.ReachEntry;
import io.openvpc.engine.symbolic.Reachability;
import io.openvpc.engine.trace.FlowResolver;
import io.openvpc.engine.trace.TraceRequest;
import io.openvpc.engine.trace.TraceResult;
import io.openvpc.engine.trace.Tracer;
import io.openvpc.model.Cidr;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortSpec;
import io.openvpc.model.Rejection;
import io.openvpc.model.Topology;
import java.util.List;
import java.util.Optional;

/**
 * The questions OpenVPC answers (TracePacket, CheckInstancePorts, AnalyzeReachability) over the
 * engine's graph of a snapshot. The API layer parses the request into the typed values taken here;
 * what can only be checked against the graph (does the instance exist) is refused here, naming the
 * request member.
 */
public final class Questions {
  private final Engine engine;

  public Questions(Engine engine) {
    this.engine = engine;
  }

  public Engine engine() {
    return engine;
  }

  public TraceResult trace(Topology t, TraceRequest request) {
    return engine.query(t, graph -> {
      FlowResolver.Flow flow = new FlowResolver(graph).resolve(request);
      return new Tracer(graph).trace(flow.source(), flow.packet());
    });
  }

  /** Where a port check's traffic comes from: a block, an instance, or (both empty) any address. */
  public record PortSource(Optional<Cidr> cidrBlock, Optional<String> instanceId) {
    public static final PortSource ANY = new PortSource(Optional.empty(), Optional.empty());
  }

  public List<PortCheck.Result> checkPorts(Topology t, String instanceId, List<PortProbe> probes, PortSource source) {
    return engine.query(t, graph -> {
      Node target = instance(graph, "InstanceId", instanceId);
      PortCheck check = new PortCheck(graph);
      if (source.instanceId().isPresent()) {
        return check.fromInstance(target, instance(graph, "Source.InstanceId", source.instanceId().get()), probes);
      }
      return check.fromBlock(target, source.cidrBlock(), probes);
    });
  }

  /** One end of an analysis: an instance or an ENI. */
  public record Subject(Optional<String> instanceId, Optional<String> networkInterfaceId) {}

  /**
   * Every set of flows that reaches {@code subject} ({@code towards}), or that {@code subject} reaches,
   * restricted to a protocol and destination ports when given.
   */
  public List<ReachEntry> reach(Topology t, String member, Subject subject, boolean towards,
      Optional<IpProtocol> protocol, Optional<PortSpec> ports) {
    Reachability.Filter filter = new Reachability.Filter(protocol, ports);
    return engine.query(t, graph -> {
      Node node = subject(graph, member, subject);
      Reachability r = new Reachability(graph);
      return (towards ? r.toDestination(node, filter) : r.fromSource(node, filter)).entries();
    });
  }

  private static Node subject(Graph graph, String member, Subject s) {
    if (s.instanceId().isPresent() == s.networkInterfaceId().isPresent()) {
      throw Rejection.invalid(member, "give exactly one of InstanceId and NetworkInterfaceId.");
    }
    if (s.instanceId().isPresent()) {
      return instance(graph, member + ".InstanceId", s.instanceId().get());
    }
    String id = s.networkInterfaceId().get();
    return graph.endpoint(id).filter(n -> !n.addresses().isEmpty())
        .orElseThrow(() -> Rejection.notFound("ResourceNotFound", member + ".NetworkInterfaceId", id));
  }

  private static Node instance(Graph graph, String member, String instanceId) {
    if (instanceId == null || instanceId.isEmpty()) {
      throw Rejection.missing(member);
    }
    return graph.endpoint(instanceId).filter(n -> !n.addresses().isEmpty()).orElseThrow(() ->
        Rejection.notFound("InvalidInstanceId.NotFound", member, instanceId));
  }
}
