package io.openvpc.engine.policy;

import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortSpec;
import io.openvpc.model.ServiceSpec;
import java.util.Optional;

/**
 * The protocol and ports one rule matches: {@code protocol} empty for any protocol; ports apply only
 * when the protocol is TCP or UDP (a rule with ports always names one of them).
 */
public record ServiceMatch(Optional<IpProtocol> protocol, PortSpec sourcePorts, PortSpec destinationPorts) {
  public static final ServiceMatch ANY = new ServiceMatch(Optional.empty(), PortSpec.ALL, PortSpec.ALL);

  public ServiceMatch {
    boolean ports = protocol.isPresent() && protocol.get().hasPorts();
    if (!ports && (!sourcePorts.isAll() || !destinationPorts.isAll())) {
      throw new IllegalArgumentException("ports need TCP or UDP");
    }
  }

  public static ServiceMatch of(ServiceSpec s) {
    return new ServiceMatch(s.protocol(), PortSpec.ALL, s.ports());
  }

  public boolean matches(Packet p) {
    if (protocol.isEmpty()) {
      return true;
    }
    IpProtocol proto = protocol.get();
    if (proto.number() != p.protocol()) {
      return false;
    }
    return !proto.hasPorts() || (sourcePorts.contains(p.sourcePort()) && destinationPorts.contains(p.destinationPort()));
  }

  @Override
  public String toString() {
    String s = protocol.map(IpProtocol::text).orElse("ALL");
    if (!sourcePorts.isAll()) {
      s += " sport " + sourcePorts;
    }
    if (!destinationPorts.isAll()) {
      s += ":" + destinationPorts;
    }
    return s;
  }
}
