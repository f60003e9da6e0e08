package io.openvpc.model;

import java.time.Instant;

/**
 * One three-tuple ACL entry: protocol, port and peer block ({@code cidrBlock} or {@code ipv6CidrBlock},
 * the other empty), with its action. Priority is its 1-based position in its direction.
 */
public record NetworkAclEntry(
    String entryId,
    String protocol,
    String port,
    String cidrBlock,
    String ipv6CidrBlock,
    String action,
    String description,
    Instant modifyTime) {

  public NetworkAclEntry {
    entryId = entryId == null ? "" : entryId;
    port = port == null ? "" : port;
    cidrBlock = cidrBlock == null ? "" : cidrBlock;
    ipv6CidrBlock = ipv6CidrBlock == null ? "" : ipv6CidrBlock;
    description = description == null ? "" : description;
  }

  public String text(Direction direction) {
    String peer = !cidrBlock.isEmpty() ? cidrBlock : ipv6CidrBlock;
    return action + " " + protocol + (port.isEmpty() || port.equalsIgnoreCase("ALL") ? "" : ":" + port)
        + (direction == Direction.INGRESS ? " from " : " to ") + peer
        + (description.isEmpty() ? "" : " (" + description + ")");
  }
}
