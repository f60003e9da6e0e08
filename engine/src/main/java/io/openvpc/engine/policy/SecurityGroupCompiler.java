package io.openvpc.engine.policy;

import io.openvpc.model.Cidr;
import io.openvpc.model.Direction;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles one security group's policies of one direction into rules. The peer is the source for
 * ingress and the destination for egress (the other end is the ENI itself); a group, address template
 * or group peer stays a named set.
 */
public final class SecurityGroupCompiler {
  private SecurityGroupCompiler() {}

  public static List<PolicyRule> compile(SecurityGroup sg, Direction direction, ServiceTemplates templates) {
    List<SecurityGroupPolicy> policies = sg.policies(direction);
    List<PolicyRule> out = new ArrayList<>(policies.size());
    for (int i = 0; i < policies.size(); i++) {
      out.add(rule(sg.id(), direction, i, policies.get(i), templates));
    }
    return out;
  }

  static PolicyRule rule(String sgId, Direction direction, int index, SecurityGroupPolicy p, ServiceTemplates templates) {
    RuleRef ref = new RuleRef(RuleRef.SECURITY_GROUP, sgId, direction, index, p.text(direction));
    Action action = Action.parse(p.action());
    List<String> warnings = new ArrayList<>();
    AddressMatch peer = peer(p, warnings);
    List<ServiceMatch> services = services(p, templates, warnings);
    if (peer == null) {
      services = List.of(); // an unusable peer matches nothing
      peer = AddressMatch.ANY;
    }
    AddressMatch src = direction == Direction.INGRESS ? peer : AddressMatch.ANY;
    AddressMatch dst = direction == Direction.INGRESS ? AddressMatch.ANY : peer;
    return new PolicyRule(ref, action, src, dst, services, String.join("; ", warnings));
  }

  private static AddressMatch peer(SecurityGroupPolicy p, List<String> warnings) {
    try {
      if (!p.cidrBlock().isEmpty()) {
        return AddressMatch.Blocks.of(Cidr.parseLenient(p.cidrBlock()));
      }
      if (!p.ipv6CidrBlock().isEmpty()) {
        return AddressMatch.Blocks.of(Cidr.parseLenient(p.ipv6CidrBlock()));
      }
    } catch (IllegalArgumentException e) {
      warnings.add("peer block does not parse: " + e.getMessage());
      return null;
    }
    for (String named : List.of(p.securityGroupId(), p.addressTemplateId(), p.addressTemplateGroupId())) {
      if (!named.isEmpty()) {
        return new AddressMatch.Named(named);
      }
    }
    warnings.add("the rule names no peer");
    return null;
  }

  static List<ServiceMatch> services(SecurityGroupPolicy p, ServiceTemplates templates, List<String> warnings) {
    String template = !p.serviceTemplateId().isEmpty() ? p.serviceTemplateId() : p.serviceTemplateGroupId();
    if (!template.isEmpty()) {
      Optional<List<ServiceSpec>> specs = templates.expand(template);
      if (specs.isEmpty()) {
        warnings.add("service template " + template + " does not exist");
        return List.of();
      }
      return specs.get().stream().map(ServiceMatch::of).toList();
    }
    try {
      return List.of(ServiceMatch.of(ServiceSpec.of(p.protocol().isEmpty() ? "ALL" : p.protocol(), p.port())));
    } catch (IllegalArgumentException e) {
      warnings.add(e.getMessage());
      return List.of();
    }
  }
}
