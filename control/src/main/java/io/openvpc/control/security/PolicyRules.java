package io.openvpc.control.security;

import io.openvpc.control.Ids;
import io.openvpc.control.Validate;
import io.openvpc.model.AddressTemplate;
import io.openvpc.model.AddressTemplateGroup;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.Rejection;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.ServiceSpec;
import io.openvpc.model.ServiceTemplate;
import io.openvpc.model.ServiceTemplateGroup;
import io.openvpc.model.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates one rule as Tencent does and returns it normalised: protocol upper case, canonical port
 * text, canonical blocks ({@code 0.0.0.0/n} becomes {@code 0.0.0.0/0}), action upper case, and every
 * referenced group or template checked to exist. Every refusal names the member, e.g.
 * {@code SecurityGroupPolicySet.Ingress.2.Port}.
 */
final class PolicyRules {
  private PolicyRules() {}

  /**
   * @param self the ID of the group the rule belongs to (a rule may reference its own group, even
   *     while the group is being created)
   */
  static SecurityGroupPolicy normalize(Topology t, String self, String param, PolicyInput in, Instant now) {
    String action = Validate.action(param + ".Action", in.action());
    String[] service = service(t, param, in);
    String[] peer = peer(t, self, param, in);
    if (!service[0].isEmpty() && !peer[1].isEmpty() && service[0].equals("ICMP")) {
      throw SecurityErrors.icmpWithIpv6(param);
    }
    if (service[0].equals("ICMPV6") && !peer[0].isEmpty()) {
      throw SecurityErrors.icmpv6WithIpv4(param);
    }
    String description = Validate.optionalText(param + ".PolicyDescription", in.description(), 100);
    return new SecurityGroupPolicy(service[0], service[1], service[2], service[3], peer[0], peer[1], peer[2],
        peer[3], peer[4], action, description, now);
  }

  /** protocol, port, service template ID, service template group ID. */
  private static String[] service(Topology t, String param, PolicyInput in) {
    boolean template = present(in.serviceTemplateId()) || present(in.serviceTemplateGroupId());
    if (template) {
      if (present(in.protocol()) || present(in.port())) {
        throw SecurityErrors.serviceTemplateWithProtocol(param);
      }
      if (present(in.serviceTemplateId()) && present(in.serviceTemplateGroupId())) {
        throw SecurityErrors.serviceIdAndGroupId(param);
      }
      if (present(in.serviceTemplateId())) {
        String p = param + ".ServiceTemplate.ServiceId";
        Ids.requireWellFormed("ppm", in.serviceTemplateId(), p, SecurityErrors.ID_MALFORMED);
        t.find(ServiceTemplate.class, in.serviceTemplateId())
            .orElseThrow(() -> SecurityErrors.templateNotFound(p, in.serviceTemplateId()));
        return new String[] {"", "", in.serviceTemplateId(), ""};
      }
      String p = param + ".ServiceTemplate.ServiceGroupId";
      Ids.requireWellFormed("ppmg", in.serviceTemplateGroupId(), p, SecurityErrors.ID_MALFORMED);
      t.find(ServiceTemplateGroup.class, in.serviceTemplateGroupId())
          .orElseThrow(() -> SecurityErrors.templateNotFound(p, in.serviceTemplateGroupId()));
      return new String[] {"", "", "", in.serviceTemplateGroupId()};
    }
    if (!present(in.protocol())) {
      throw Rejection.missing(param + ".Protocol");
    }
    try {
      IpProtocol.parseRule(in.protocol());
    } catch (IllegalArgumentException e) {
      throw SecurityErrors.protocolOutOfRange(param, e.getMessage());
    }
    ServiceSpec spec;
    try {
      spec = ServiceSpec.of(in.protocol(), in.port());
    } catch (IllegalArgumentException e) {
      throw SecurityErrors.portMalformed(param, String.valueOf(in.port()), e.getMessage());
    }
    return new String[] {spec.ruleProtocol(), spec.rulePort(), "", ""};
  }

  /** CIDR, IPv6 CIDR, security group, address template, address template group. */
  private static String[] peer(Topology t, String self, String param, PolicyInput in) {
    List<String> given = new ArrayList<>();
    if (present(in.cidrBlock())) {
      given.add("CidrBlock");
    }
    if (present(in.ipv6CidrBlock())) {
      given.add("Ipv6CidrBlock");
    }
    if (present(in.securityGroupId())) {
      given.add("SecurityGroupId");
    }
    if (present(in.addressTemplateId())) {
      given.add("AddressTemplate.AddressId");
    }
    if (present(in.addressTemplateGroupId())) {
      given.add("AddressTemplate.AddressGroupId");
    }
    if (given.isEmpty()) {
      throw SecurityErrors.noPeer(param);
    }
    if (given.size() > 1) {
      throw SecurityErrors.severalPeers(param, given);
    }
    String[] out = {"", "", "", "", ""};
    switch (given.get(0)) {
      case "CidrBlock" -> out[0] = Validate.ruleBlock(param + ".CidrBlock", in.cidrBlock(), true);
      case "Ipv6CidrBlock" -> out[1] = Validate.ruleBlock(param + ".Ipv6CidrBlock", in.ipv6CidrBlock(), false);
      case "SecurityGroupId" -> {
        String p = param + ".SecurityGroupId";
        Ids.requireWellFormed("sg", in.securityGroupId(), p, SecurityErrors.SG_MALFORMED);
        if (!in.securityGroupId().equals(self) && t.find(SecurityGroup.class, in.securityGroupId()).isEmpty()) {
          throw SecurityErrors.groupNotFound(p, in.securityGroupId());
        }
        out[2] = in.securityGroupId();
      }
      case "AddressTemplate.AddressId" -> {
        String p = param + ".AddressTemplate.AddressId";
        Ids.requireWellFormed("ipm", in.addressTemplateId(), p, SecurityErrors.ID_MALFORMED);
        t.find(AddressTemplate.class, in.addressTemplateId())
            .orElseThrow(() -> SecurityErrors.templateNotFound(p, in.addressTemplateId()));
        out[3] = in.addressTemplateId();
      }
      default -> {
        String p = param + ".AddressTemplate.AddressGroupId";
        Ids.requireWellFormed("ipmg", in.addressTemplateGroupId(), p, SecurityErrors.ID_MALFORMED);
        t.find(AddressTemplateGroup.class, in.addressTemplateGroupId())
            .orElseThrow(() -> SecurityErrors.templateNotFound(p, in.addressTemplateGroupId()));
        out[4] = in.addressTemplateGroupId();
      }
    }
    return out;
  }

  static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
