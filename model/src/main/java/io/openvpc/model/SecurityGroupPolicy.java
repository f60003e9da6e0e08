package io.openvpc.model;

import java.time.Instant;

/**
 * One rule of a security group, as the user wrote it. Exactly one peer is set ({@code cidrBlock},
 * {@code ipv6CidrBlock}, {@code securityGroupId}, {@code addressTemplateId} or
 * {@code addressTemplateGroupId}); the service is either {@code protocol}+{@code port} or a service
 * template ({@code serviceTemplateId}) or group ({@code serviceTemplateGroupId}). Unset members are
 * empty strings. {@code protocol} is upper case (TCP, UDP, ICMP, ICMPV6, GRE, ALL); {@code port} is
 * the text as written ({@code ALL}, {@code 80}, {@code 80-90}, {@code 22,80,443}).
 */
public record SecurityGroupPolicy(
    String protocol,
    String port,
    String serviceTemplateId,
    String serviceTemplateGroupId,
    String cidrBlock,
    String ipv6CidrBlock,
    String securityGroupId,
    String addressTemplateId,
    String addressTemplateGroupId,
    String action,
    String description,
    Instant modifyTime) {

  public SecurityGroupPolicy {
    protocol = nz(protocol);
    port = nz(port);
    serviceTemplateId = nz(serviceTemplateId);
    serviceTemplateGroupId = nz(serviceTemplateGroupId);
    cidrBlock = nz(cidrBlock);
    ipv6CidrBlock = nz(ipv6CidrBlock);
    securityGroupId = nz(securityGroupId);
    addressTemplateId = nz(addressTemplateId);
    addressTemplateGroupId = nz(addressTemplateGroupId);
    action = nz(action);
    description = nz(description);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** The same rule ignoring description and modification time: what duplicate detection compares. */
  public boolean sameMatchAs(SecurityGroupPolicy o) {
    return protocol.equals(o.protocol) && port.equals(o.port) && serviceTemplateId.equals(o.serviceTemplateId)
        && serviceTemplateGroupId.equals(o.serviceTemplateGroupId) && cidrBlock.equals(o.cidrBlock)
        && ipv6CidrBlock.equals(o.ipv6CidrBlock) && securityGroupId.equals(o.securityGroupId)
        && addressTemplateId.equals(o.addressTemplateId) && addressTemplateGroupId.equals(o.addressTemplateGroupId)
        && action.equals(o.action);
  }

  /** The rule as a person reads it, e.g. {@code ACCEPT TCP:22 from 10.0.0.0/8}. */
  public String text(Direction direction) {
    String service = !serviceTemplateId.isEmpty() ? serviceTemplateId
        : !serviceTemplateGroupId.isEmpty() ? serviceTemplateGroupId
        : protocol + (port.isEmpty() || port.equalsIgnoreCase("ALL") ? "" : ":" + port);
    String peer = !cidrBlock.isEmpty() ? cidrBlock
        : !ipv6CidrBlock.isEmpty() ? ipv6CidrBlock
        : !securityGroupId.isEmpty() ? securityGroupId
        : !addressTemplateId.isEmpty() ? addressTemplateId : addressTemplateGroupId;
    return action + " " + service + (direction == Direction.INGRESS ? " from " : " to ") + peer
        + (description.isEmpty() ? "" : " (" + description + ")");
  }
}
