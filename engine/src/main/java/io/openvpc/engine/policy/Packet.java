package io.openvpc.engine.policy;

import io.openvpc.model.IpProtocol;

/**
 * The header of one packet: addresses of one family, the IP protocol number and, for TCP and UDP, the
 * ports (0 for other protocols).
 */
public record Packet(Addr source, Addr destination, int protocol, int sourcePort, int destinationPort) {
  public Packet {
    if (source.v6() != destination.v6()) {
      throw new IllegalArgumentException("source and destination must be of one address family");
    }
    if (protocol < 0 || protocol > 255) {
      throw new IllegalArgumentException("protocol number out of range");
    }
    boolean ports = protocol == IpProtocol.TCP.number() || protocol == IpProtocol.UDP.number();
    if (!ports) {
      sourcePort = 0;
      destinationPort = 0;
    }
  }

  /** The reply: addresses and ports swapped. */
  public Packet reply() {
    return new Packet(destination, source, protocol, destinationPort, sourcePort);
  }

  public String protocolName() {
    return IpProtocol.ofNumber(protocol).map(IpProtocol::text).orElse(Integer.toString(protocol));
  }

  @Override
  public String toString() {
    boolean ports = protocol == IpProtocol.TCP.number() || protocol == IpProtocol.UDP.number();
    return protocolName() + " " + source + (ports ? ":" + sourcePort : "") + " -> " + destination
        + (ports ? ":" + destinationPort : "");
  }
}
