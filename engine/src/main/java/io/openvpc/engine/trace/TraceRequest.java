package io.openvpc.engine.trace;

import io.openvpc.model.IpProtocol;

/**
 * What TracePacket asks: two endpoints, the protocol, the destination port and optionally the source
 * port (default {@link #DEFAULT_SOURCE_PORT}, an ephemeral port). Ports are ignored for protocols other
 * than TCP and UDP.
 */
public record TraceRequest(Endpoint source, Endpoint destination, IpProtocol protocol, int destinationPort,
    Integer sourcePort) {
  public static final int DEFAULT_SOURCE_PORT = 49152;

  public int effectiveSourcePort() {
    return sourcePort == null ? DEFAULT_SOURCE_PORT : sourcePort;
  }
}
