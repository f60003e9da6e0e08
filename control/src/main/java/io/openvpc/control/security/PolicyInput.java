package io.openvpc.control.security;

import java.util.List;

/**
 * One security group rule as a request carries it, before validation; {@code null} means absent.
 * {@code policyIndex} is the 0-based position the request names, if any.
 */
public record PolicyInput(
    Long policyIndex,
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
    String description) {

  /** A request's SecurityGroupPolicySet: the Version it expects, and the rules of each direction. */
  public record Set(String version, List<PolicyInput> ingress, List<PolicyInput> egress) {
    public Set {
      ingress = ingress == null ? List.of() : List.copyOf(ingress);
      egress = egress == null ? List.of() : List.copyOf(egress);
    }
  }
}
