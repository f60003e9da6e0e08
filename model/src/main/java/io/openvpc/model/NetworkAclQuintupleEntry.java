package io.openvpc.model;

import java.time.Instant;

/** One five-tuple ACL entry: source and destination block and port, protocol, action, direction. */
public record NetworkAclQuintupleEntry(
    String entryId,
    Direction direction,
    String protocol,
    String sourceCidr,
    String sourceIpv6Cidr,
    String sourcePort,
    String destinationCidr,
    String destinationIpv6Cidr,
    String destinationPort,
    String action,
    String description,
    long priority,
    Instant createTime) {

  public NetworkAclQuintupleEntry {
    sourceCidr = sourceCidr == null ? "" : sourceCidr;
    sourceIpv6Cidr = sourceIpv6Cidr == null ? "" : sourceIpv6Cidr;
    sourcePort = sourcePort == null ? "" : sourcePort;
    destinationCidr = destinationCidr == null ? "" : destinationCidr;
    destinationIpv6Cidr = destinationIpv6Cidr == null ? "" : destinationIpv6Cidr;
    destinationPort = destinationPort == null ? "" : destinationPort;
    description = description == null ? "" : description;
  }
}
