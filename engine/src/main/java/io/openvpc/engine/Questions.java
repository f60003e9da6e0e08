package io.openvpc.engine;

import io.openvpc.engine.graph.CompiledEni;
import io.openvpc.engine.graph.CompiledNetwork;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The questions OpenVPC answers (TracePacket, CheckInstancePorts, AnalyzeReachability) over the
 * engine's compiled model of a snapshot. Inputs are checked here; refusals name the request member.
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
    return engine.query(t, net -> {
      FlowResolver.Flow flow = new FlowResolver(net).resolve(request);
      return new Tracer(net).trace(flow.source(), flow.packet());
    });
  }

  /** Where a port check's traffic comes from: a block, an instance, or (both empty) any address. */
  public record PortSource(Optional<String> cidrBlock, Optional<String> instanceId) {
    public static final PortSource ANY = new PortSource(Optional.empty(), Optional.empty());
  }

  public List<PortCheck.Result> checkPorts(Topology t, String instanceId, List<String> ports, PortSource source) {
    List<PortProbe> probes = new ArrayList<>();
    List<String> texts = ports == null || ports.isEmpty() ? PortProbe.DEFAULTS : ports;
    for (int i = 0; i < texts.size(); i++) {
      try {
        probes.add(PortProbe.parse(texts.get(i)));
      } catch (IllegalArgumentException e) {
        throw Rejection.value("InvalidParameterValue", "Ports." + i, e.getMessage());
      }
    }
    Optional<Cidr> block = source.cidrBlock().map(c -> {
      try {
        return Cidr.parseLenient(c);
      } catch (IllegalArgumentException e) {
        throw Rejection.malformed("Source.CidrBlock", c, "an IPv4 or IPv6 CIDR block");
      }
    });
    return engine.query(t, net -> {
      CompiledEni target = instanceEni(net, "InstanceId", instanceId);
      PortCheck check = new PortCheck(net);
      if (source.instanceId().isPresent()) {
        CompiledEni from = instanceEni(net, "Source.InstanceId", source.instanceId().get());
        return check.fromInstance(target, from, probes);
      }
      return check.fromBlock(target, block, probes);
    });
  }

  /** One end of an analysis: an instance or an ENI. */
  public record Subject(Optional<String> instanceId, Optional<String> networkInterfaceId) {}

  /**
   * Every set of flows that reaches {@code destination}, or (when {@code towards} is false) that
   * {@code subject} reaches.
   */
  public List<ReachEntry> reach(Topology t, String member, Subject subject, boolean towards, String protocol,
      String portRange) {
    Optional<IpProtocol> proto = Optional.empty();
    if (protocol != null && !protocol.isBlank()) {
      try {
        proto = IpProtocol.parseRule(protocol);
      } catch (IllegalArgumentException e) {
        throw Rejection.value("InvalidParameterValue", "Protocol", e.getMessage());
      }
    }
    Optional<PortSpec> ports = Optional.empty();
    if (portRange != null && !portRange.isBlank()) {
      try {
        ports = Optional.of(PortSpec.parse(portRange));
      } catch (IllegalArgumentException e) {
        throw Rejection.value("InvalidParameterValue", "PortRange", e.getMessage());
      }
      if (!ports.get().isAll() && proto.isPresent() && !proto.get().hasPorts()) {
        throw Rejection.value("InvalidParameterValue", "PortRange", "ports apply only to TCP and UDP.");
      }
    }
    Reachability.Filter filter = new Reachability.Filter(proto, ports);
    return engine.query(t, net -> {
      CompiledEni eni = subject(net, member, subject);
      Reachability r = new Reachability(net);
      return (towards ? r.toDestination(eni, filter) : r.fromSource(eni, filter)).entries();
    });
  }

  private static CompiledEni subject(CompiledNetwork net, String member, Subject s) {
    if (s.instanceId().isPresent() == s.networkInterfaceId().isPresent()) {
      throw Rejection.invalid(member, "give exactly one of InstanceId and NetworkInterfaceId.");
    }
    if (s.instanceId().isPresent()) {
      return instanceEni(net, member + ".InstanceId", s.instanceId().get());
    }
    String id = s.networkInterfaceId().get();
    return net.eni(id).orElseThrow(() -> Rejection.notFound("ResourceNotFound", member + ".NetworkInterfaceId", id));
  }

  private static CompiledEni instanceEni(CompiledNetwork net, String member, String instanceId) {
    if (instanceId == null || instanceId.isEmpty()) {
      throw Rejection.missing(member);
    }
    return net.primaryEni(instanceId).orElseThrow(() ->
        Rejection.notFound("InvalidInstanceId.NotFound", member, instanceId));
  }
}
