package io.openvpc.engine.trace;

import io.openvpc.engine.graph.CompiledEni;
import io.openvpc.engine.graph.CompiledNetwork;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Packet;
import io.openvpc.model.IpAddr;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.Rejection;

/**
 * Turns a {@link TraceRequest} into the sending ENI and a concrete packet. The address family is the
 * one of an explicit address, else IPv6 for ICMPv6, else IPv4. Refusals name the request member
 * ({@code Source.InstanceId}, ...).
 */
public final class FlowResolver {
  /** The sending ENI and the packet it sends. */
  public record Flow(CompiledEni source, Packet packet) {}

  private final CompiledNetwork net;

  public FlowResolver(CompiledNetwork net) {
    this.net = net;
  }

  public Flow resolve(TraceRequest r) {
    boolean v6 = family(r);
    if (r.protocol() == IpProtocol.ICMPV6 && !v6) {
      throw Rejection.value("InvalidParameterValue", "Protocol", "ICMPv6 needs IPv6 endpoints.");
    }
    if (r.protocol() == IpProtocol.ICMP && v6) {
      throw Rejection.value("InvalidParameterValue", "Protocol", "ICMP is IPv4 only; use ICMPv6 with IPv6 addresses.");
    }
    CompiledEni src = sourceEni(r.source());
    IpAddr srcIp = address("Source", r.source(), src, v6);
    IpAddr dstIp = destinationAddress(r.destination(), v6);
    int sport = r.effectiveSourcePort();
    if (sport < 0 || sport > 65535) {
      throw Rejection.value("InvalidParameterValue.Range", "SourcePort", sport + " is outside 0-65535.");
    }
    if (r.destinationPort() < 0 || r.destinationPort() > 65535) {
      throw Rejection.value("InvalidParameterValue.Range", "DestinationPort", r.destinationPort() + " is outside 0-65535.");
    }
    return new Flow(src, new Packet(Addr.of(srcIp), Addr.of(dstIp), r.protocol().number(), sport, r.destinationPort()));
  }

  private boolean family(TraceRequest r) {
    Boolean s = r.source() instanceof Endpoint.Address a ? parse("Source.IpAddress", a.ipAddress()).isIpv4() : null;
    Boolean d = r.destination() instanceof Endpoint.Address a ? parse("Destination.IpAddress", a.ipAddress()).isIpv4() : null;
    if (s != null && d != null && !s.equals(d)) {
      throw Rejection.value("InvalidParameterValue", "Destination.IpAddress",
          "the source and destination addresses are of different families.");
    }
    Boolean v4 = s != null ? s : d;
    return v4 != null ? !v4 : r.protocol() == IpProtocol.ICMPV6;
  }

  private CompiledEni sourceEni(Endpoint e) {
    if (e instanceof Endpoint.Address a) {
      requireVpc("Source.VpcId", a.vpcId());
      IpAddr ip = parse("Source.IpAddress", a.ipAddress());
      return net.owner(a.vpcId(), Addr.of(ip)).orElseThrow(() -> Rejection.value("InvalidParameterValue",
          "Source.IpAddress", "no network interface in " + a.vpcId() + " holds " + ip + "."));
    }
    return eni("Source", e);
  }

  private CompiledEni eni(String member, Endpoint e) {
    if (e instanceof Endpoint.Instance i) {
      if (i.instanceId() == null || i.instanceId().isEmpty()) {
        throw Rejection.missing(member + ".InstanceId");
      }
      return net.primaryEni(i.instanceId()).orElseThrow(() ->
          Rejection.notFound("InvalidInstanceId.NotFound", member + ".InstanceId", i.instanceId()));
    }
    Endpoint.NetworkInterface n = (Endpoint.NetworkInterface) e;
    return net.eni(n.networkInterfaceId()).orElseThrow(() ->
        Rejection.notFound("ResourceNotFound", member + ".NetworkInterfaceId", n.networkInterfaceId()));
  }

  private IpAddr address(String member, Endpoint e, CompiledEni eni, boolean v6) {
    if (e instanceof Endpoint.Address a) {
      return parse(member + ".IpAddress", a.ipAddress());
    }
    String which = e instanceof Endpoint.Instance ? member + ".InstanceId" : member + ".NetworkInterfaceId";
    return eni.firstAddress(v6).orElseThrow(() -> Rejection.value("InvalidParameterValue", which,
        eni.id() + " has no " + (v6 ? "IPv6" : "IPv4") + " address."));
  }

  private IpAddr destinationAddress(Endpoint e, boolean v6) {
    if (e instanceof Endpoint.Address a) {
      requireVpc("Destination.VpcId", a.vpcId());
      return parse("Destination.IpAddress", a.ipAddress());
    }
    return address("Destination", e, eni("Destination", e), v6);
  }

  private void requireVpc(String member, String vpcId) {
    if (vpcId == null || vpcId.isEmpty()) {
      throw Rejection.missing(member);
    }
    if (net.vpc(vpcId).isEmpty()) {
      throw Rejection.notFound("ResourceNotFound", member, vpcId);
    }
  }

  private static IpAddr parse(String member, String text) {
    try {
      return IpAddr.parse(text);
    } catch (IllegalArgumentException ex) {
      throw Rejection.malformed(member, String.valueOf(text), "an IPv4 or IPv6 address");
    }
  }
}
