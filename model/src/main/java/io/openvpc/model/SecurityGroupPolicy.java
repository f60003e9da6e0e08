package io.openvpc.model;

import java.time.Instant;

/**
 * One rule of a security group, as the user wrote it. Exactly one peer is set ({@code cidrBlock},
 * {@code ipv6CidrBlock}, {@code securityGroupId}, {@code addressTemplateId} or
 * {@code addressTemplateGroupId}); the service is either {@code protocol}+{@code port} or a service
 * template ({@code serviceTemplateId}) or group ({@code serviceTemplateGroupId}). Unset members are
 * empty strings. {@code protocol} is upper case (TCP, UDP, ICMP, ICMPV6, GRE, ALL, see {@link IpProtocol});
 * {@code port} is canonical {@link PortSpec#canonical()} text ({@code ALL}, {@code 80}, {@code 80-90},
 * {@code 22,80,443}); blocks are canonical ({@code 0.0.0.0/n} stored as {@code 0.0.0.0/0}). The
 * control plane stores only normalised rules, so the engine never re-parses user text.
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

  /** The service as parsed values, when the rule names a protocol rather than a service template. */
  public ServiceSpec service() {
    return ServiceSpec.of(protocol, port);
  }

  /** Whether the rule names a service template or group instead of a protocol and port. */
  public boolean usesServiceTemplate() {
    return !serviceTemplateId.isEmpty() || !serviceTemplateGroupId.isEmpty();
  }

  /** Whether the peer is IPv6 ({@code ipv6CidrBlock} set). */
  public boolean isIpv6() {
    return !ipv6CidrBlock.isEmpty();
  }

  /** The same rule with another description and modification time. */
  public SecurityGroupPolicy withMeta(String newDescription, Instant newModifyTime) {
    return new SecurityGroupPolicy(protocol, port, serviceTemplateId, serviceTemplateGroupId, cidrBlock, ipv6CidrBlock,
        securityGroupId, addressTemplateId, addressTemplateGroupId, action, newDescription, newModifyTime);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /**
   * What duplicate detection compares: every member but the description and the modification time.
   * Equal keys mean the rules match the same packets with the same action.
   */
  public java.util.List<String> matchKey() {
    return java.util.List.of(protocol, port, serviceTemplateId, serviceTemplateGroupId, cidrBlock, ipv6CidrBlock,
        securityGroupId, addressTemplateId, addressTemplateGroupId, action);
  }

  /** The same rule ignoring description and modification time: what duplicate detection compares. */
  public boolean sameMatchAs(SecurityGroupPolicy o) {
    return matchKey().equals(o.matchKey());
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
