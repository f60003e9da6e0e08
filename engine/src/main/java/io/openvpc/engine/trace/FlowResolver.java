package io.openvpc.engine.trace;

import io.openvpc.engine.graph.Graph;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Packet;
import io.openvpc.model.IpAddr;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.Rejection;

/**
 * Turns a {@link TraceRequest} into the sending node and a concrete packet. The address family is the
 * one of an explicit address, else IPv6 for ICMPv6, else IPv4. Refusals name the request member
 * ({@code Source.InstanceId}, ...).
 */
public final class FlowResolver {
  /** The sending node and the packet it sends. */
  public record Flow(Node source, Packet packet) {}

  private final Graph graph;

  public FlowResolver(Graph graph) {
    this.graph = graph;
  }

  public Flow resolve(TraceRequest r) {
    boolean v6 = family(r);
    if (r.protocol() == IpProtocol.ICMPV6 && !v6) {
      throw Rejection.value("InvalidParameterValue", "Protocol", "ICMPv6 needs IPv6 endpoints.");
    }
    if (r.protocol() == IpProtocol.ICMP && v6) {
      throw Rejection.value("InvalidParameterValue", "Protocol", "ICMP is IPv4 only; use ICMPv6 with IPv6 addresses.");
    }
    Node src = sourceNode(r.source());
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

  private static boolean family(TraceRequest r) {
    Boolean s = r.source() instanceof Endpoint.Address a ? a.ipAddress().isIpv4() : null;
    Boolean d = r.destination() instanceof Endpoint.Address a ? a.ipAddress().isIpv4() : null;
    if (s != null && d != null && !s.equals(d)) {
      throw Rejection.value("InvalidParameterValue", "Destination.IpAddress",
          "the source and destination addresses are of different families.");
    }
    Boolean v4 = s != null ? s : d;
    return v4 != null ? !v4 : r.protocol() == IpProtocol.ICMPV6;
  }

  private Node sourceNode(Endpoint e) {
    if (e instanceof Endpoint.Address a) {
      requireVpc("Source.VpcId", a.vpcId());
      return graph.owner(a.vpcId(), Addr.of(a.ipAddress())).orElseThrow(() -> Rejection.value("InvalidParameterValue",
          "Source.IpAddress", "no network interface in " + a.vpcId() + " holds " + a.ipAddress() + "."));
    }
    return node("Source", e);
  }

  private Node node(String member, Endpoint e) {
    if (e instanceof Endpoint.Instance i) {
      if (i.instanceId() == null || i.instanceId().isEmpty()) {
        throw Rejection.missing(member + ".InstanceId");
      }
      return graph.endpoint(i.instanceId()).filter(x -> !x.addresses().isEmpty()).orElseThrow(() ->
          Rejection.notFound("InvalidInstanceId.NotFound", member + ".InstanceId", i.instanceId()));
    }
    Endpoint.NetworkInterface n = (Endpoint.NetworkInterface) e;
    return graph.endpoint(n.networkInterfaceId()).filter(x -> !x.addresses().isEmpty()).orElseThrow(() ->
        Rejection.notFound("ResourceNotFound", member + ".NetworkInterfaceId", n.networkInterfaceId()));
  }

  private IpAddr address(String member, Endpoint e, Node node, boolean v6) {
    if (e instanceof Endpoint.Address a) {
      return a.ipAddress();
    }
    String which = e instanceof Endpoint.Instance ? member + ".InstanceId" : member + ".NetworkInterfaceId";
    return node.firstAddress(v6).orElseThrow(() -> Rejection.value("InvalidParameterValue", which,
        node.id().id() + " has no " + (v6 ? "IPv6" : "IPv4") + " address."));
  }

  private IpAddr destinationAddress(Endpoint e, boolean v6) {
    if (e instanceof Endpoint.Address a) {
      requireVpc("Destination.VpcId", a.vpcId());
      return a.ipAddress();
    }
    return address("Destination", e, node("Destination", e), v6);
  }

  private void requireVpc(String member, String vpcId) {
    if (vpcId == null || vpcId.isEmpty()) {
      throw Rejection.missing(member);
    }
    if (graph.endpoint(vpcId).filter(n -> vpcId.equals(n.domain())).isEmpty()) {
      throw Rejection.notFound("ResourceNotFound", member, vpcId);
    }
  }
}
