package io.openvpc.api.analysis;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.types.openvpc.AnalyzeReachabilityRequest;
import io.openvpc.api.types.openvpc.AnalyzeReachabilityResponse;
import io.openvpc.api.types.openvpc.CheckInstancePortsRequest;
import io.openvpc.api.types.openvpc.CheckInstancePortsResponse;
import io.openvpc.api.types.openvpc.InstancePortStatus;
import io.openvpc.api.types.openvpc.OpenvpcActions;
import io.openvpc.api.types.openvpc.ReachabilityEndpoint;
import io.openvpc.api.types.openvpc.ReachableSet;
import io.openvpc.api.types.openvpc.TraceEndpoint;
import io.openvpc.api.types.openvpc.TraceHop;
import io.openvpc.api.types.openvpc.TracePacketRequest;
import io.openvpc.api.types.openvpc.TracePacketResponse;
import io.openvpc.api.types.openvpc.TraceReturnPath;
import io.openvpc.api.types.openvpc.TraceRule;
import io.openvpc.control.analysis.NetworkAnalysis;
import io.openvpc.engine.Questions;
import io.openvpc.engine.policy.RuleRef;
import io.openvpc.engine.symbolic.PortCheck;
import io.openvpc.engine.symbolic.PortProbe;
import io.openvpc.engine.symbolic.ReachEntry;
import io.openvpc.engine.trace.Endpoint;
import io.openvpc.engine.trace.Hop;
import io.openvpc.engine.trace.Step;
import io.openvpc.engine.trace.Trace;
import io.openvpc.engine.trace.TraceRequest;
import io.openvpc.engine.trace.TraceResult;
import io.openvpc.model.Cidr;
import io.openvpc.model.IpAddr;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortSpec;
import io.openvpc.model.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** TracePacket, CheckInstancePorts and AnalyzeReachability. */
public final class AnalysisHandlers implements HandlerFamily {
  private final NetworkAnalysis analysis;

  public AnalysisHandlers(NetworkAnalysis analysis) {
    this.analysis = analysis;
  }

  @Override
  public void register(Actions actions) {
    actions.on(OpenvpcActions.TracePacket, this::trace)
        .on(OpenvpcActions.CheckInstancePorts, this::ports)
        .on(OpenvpcActions.AnalyzeReachability, this::reach);
  }

  TracePacketResponse trace(Call call, TracePacketRequest r) {
    IpProtocol protocol = protocol(r.getProtocol());
    Long dport = r.getDestinationPort();
    if (dport == null && protocol.hasPorts()) {
      throw Rejection.missing("DestinationPort");
    }
    TraceRequest request = new TraceRequest(endpoint("Source", r.getSource()), endpoint("Destination", r.getDestination()),
        protocol, port("DestinationPort", dport), r.getSourcePort() == null ? null : port("SourcePort", r.getSourcePort()));
    TraceResult result = analysis.trace(call.scope(), request);
    TracePacketResponse out = new TracePacketResponse()
        .setReachable(result.reachable())
        .setDisposition(result.forward().disposition().name())
        .setFlow(result.forward().packet().toString())
        .setHops(hops(result.forward()));
    if (result.returnPath() != null) {
      out.setReturnPath(new TraceReturnPath().setDisposition(result.returnPath().disposition().name())
          .setFlow(result.returnPath().packet().toString()).setHops(hops(result.returnPath())));
    }
    return out;
  }

  CheckInstancePortsResponse ports(Call call, CheckInstancePortsRequest r) {
    List<PortProbe> probes = probes(r.getPorts());
    Questions.PortSource source = Questions.PortSource.ANY;
    if (r.getSource() != null) {
      Optional<String> cidr = nonEmpty(r.getSource().getCidrBlock());
      Optional<String> instance = nonEmpty(r.getSource().getInstanceId());
      if (cidr.isPresent() && instance.isPresent()) {
        throw Rejection.invalid("Source", "give either CidrBlock or InstanceId, not both.");
      }
      source = new Questions.PortSource(cidr.map(AnalysisHandlers::block), instance);
    }
    List<InstancePortStatus> set = new ArrayList<>();
    for (PortCheck.Result p : analysis.checkPorts(call.scope(), r.getInstanceId(), probes, source)) {
      set.add(new InstancePortStatus().setPort(p.probe().text()).setProtocol(p.probe().protocol().text())
          .setOpen(p.open()).setRule(rule(p.rule())));
    }
    return new CheckInstancePortsResponse().setInstanceId(r.getInstanceId()).setPortSet(set);
  }

  AnalyzeReachabilityResponse reach(Call call, AnalyzeReachabilityRequest r) {
    if ((r.getDestination() == null) == (r.getSource() == null)) {
      throw Rejection.invalid("Destination", "give exactly one of Destination and Source.");
    }
    boolean towards = r.getDestination() != null;
    ReachabilityEndpoint e = towards ? r.getDestination() : r.getSource();
    String member = towards ? "Destination" : "Source";
    Optional<IpProtocol> protocol = ruleProtocol(r.getProtocol());
    Optional<PortSpec> ports = portRange(r.getPortRange(), protocol);
    List<ReachEntry> entries = analysis.reach(call.scope(), member,
        new Questions.Subject(nonEmpty(e.getInstanceId()), nonEmpty(e.getNetworkInterfaceId())), towards,
        protocol, ports);
    List<ReachableSet> sets = entries.stream().map(AnalysisHandlers::set).toList();
    return towards ? new AnalyzeReachabilityResponse().setSourceSet(sets)
        : new AnalyzeReachabilityResponse().setDestinationSet(sets);
  }

  private static ReachableSet set(ReachEntry e) {
    return new ReachableSet()
        .setCidrBlock(e.cidrBlock() == null ? null : e.cidrBlock().toString())
        .setInstanceId(e.instanceId().isEmpty() ? null : e.instanceId())
        .setNetworkInterfaceId(e.networkInterfaceId())
        .setProtocol(e.protocol())
        .setPortRange(e.ports() == null ? null : e.ports().toString())
        .setRules(e.rules().stream().map(AnalysisHandlers::rule).toList());
  }

  static List<TraceHop> hops(Trace t) {
    List<TraceHop> out = new ArrayList<>();
    for (Hop h : t.hops()) {
      for (Step s : h.steps()) {
        out.add(new TraceHop().setNode(h.nodeType() + " " + h.nodeId()).setResourceType(s.resourceType())
            .setResourceId(s.resourceId()).setStep(s.kind().name()).setResult(s.result().name())
            .setRule(rule(s.rule())).setDetail(s.text()));
      }
    }
    return out;
  }

  static TraceRule rule(RuleRef r) {
    if (r == null) {
      return null;
    }
    return new TraceRule().setResourceType(r.resourceType()).setResourceId(r.resourceId())
        .setDirection(r.direction().name()).setIndex((long) r.index()).setText(r.text());
  }

  private static Endpoint endpoint(String member, TraceEndpoint e) {
    Optional<String> instance = nonEmpty(e.getInstanceId());
    Optional<String> eni = nonEmpty(e.getNetworkInterfaceId());
    Optional<String> ip = nonEmpty(e.getIpAddress());
    int given = (instance.isPresent() ? 1 : 0) + (eni.isPresent() ? 1 : 0) + (ip.isPresent() ? 1 : 0);
    if (given != 1) {
      throw Rejection.invalid(member,
          "give exactly one of InstanceId, NetworkInterfaceId, or IpAddress with VpcId.");
    }
    if (instance.isPresent()) {
      return new Endpoint.Instance(instance.get());
    }
    if (eni.isPresent()) {
      return new Endpoint.NetworkInterface(eni.get());
    }
    if (nonEmpty(e.getVpcId()).isEmpty()) {
      throw Rejection.missing(member + ".VpcId");
    }
    try {
      return new Endpoint.Address(e.getVpcId().trim(), IpAddr.parse(ip.get()));
    } catch (IllegalArgumentException ex) {
      throw Rejection.malformed(member + ".IpAddress", ip.get(), "an IPv4 or IPv6 address");
    }
  }

  /** The ports of a port check, the console's defaults when none are given. */
  private static List<PortProbe> probes(List<String> ports) {
    List<String> texts = ports == null || ports.isEmpty() ? PortProbe.DEFAULTS : ports;
    List<PortProbe> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      try {
        out.add(PortProbe.parse(texts.get(i)));
      } catch (IllegalArgumentException e) {
        throw Rejection.value("InvalidParameterValue", "Ports." + i, e.getMessage());
      }
    }
    return out;
  }

  private static Cidr block(String text) {
    try {
      return Cidr.parseLenient(text);
    } catch (IllegalArgumentException e) {
      throw Rejection.malformed("Source.CidrBlock", text, "an IPv4 or IPv6 CIDR block");
    }
  }

  /** An analysis's protocol in a rule's vocabulary (ALL, TCP, ...), or none for all. */
  private static Optional<IpProtocol> ruleProtocol(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return IpProtocol.parseRule(text);
    } catch (IllegalArgumentException e) {
      throw Rejection.value("InvalidParameterValue", "Protocol", e.getMessage());
    }
  }

  private static Optional<PortSpec> portRange(String text, Optional<IpProtocol> protocol) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    PortSpec ports;
    try {
      ports = PortSpec.parse(text);
    } catch (IllegalArgumentException e) {
      throw Rejection.value("InvalidParameterValue", "PortRange", e.getMessage());
    }
    if (!ports.isAll() && protocol.isPresent() && !protocol.get().hasPorts()) {
      throw Rejection.value("InvalidParameterValue", "PortRange", "ports apply only to TCP and UDP.");
    }
    return Optional.of(ports);
  }

  private static IpProtocol protocol(String text) {
    try {
      Optional<IpProtocol> p = IpProtocol.parseRule(text);
      if (p.isEmpty() || p.get() == IpProtocol.GRE) {
        throw new IllegalArgumentException("expected TCP, UDP, ICMP or ICMPv6");
      }
      return p.get();
    } catch (IllegalArgumentException e) {
      throw Rejection.value("InvalidParameterValue", "Protocol", "`" + text + "`: " + e.getMessage() + ".");
    }
  }

  private static int port(String member, Long value) {
    if (value == null) {
      return 0;
    }
    if (value < 0 || value > 65535) {
      throw Rejection.value("InvalidParameterValue.Range", member, value + " is outside 0-65535.");
    }
    return value.intValue();
  }

  private static Optional<String> nonEmpty(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
  }
}
