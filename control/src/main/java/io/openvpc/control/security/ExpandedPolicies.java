package io.openvpc.control.security;

import io.openvpc.engine.policy.AddressTemplates;
import io.openvpc.engine.policy.ServiceTemplates;
import io.openvpc.model.Cidr;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.ServiceSpec;
import io.openvpc.model.Topology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A group's rules with their templates expanded, for DescribeSecurityGroupExpandedPolicies: a rule
 * naming an address template or group becomes one rule per CIDR block the template's members cover,
 * a rule naming a service template or group one rule per service (protocol and ports), and a rule
 * naming both their product. Expansion goes through the engine's {@link AddressTemplates} and
 * {@link ServiceTemplates}, so the listing shows what the engine and the data plane enforce. Each
 * expanded rule keeps the index of the rule it came from and still names its templates.
 */
final class ExpandedPolicies {
  private ExpandedPolicies() {}

  static List<PolicyFilters.Indexed> expand(Topology t, List<PolicyFilters.Indexed> rules) {
    ServiceTemplates services = ServiceTemplates.of(t);
    List<PolicyFilters.Indexed> out = new ArrayList<>();
    for (PolicyFilters.Indexed r : rules) {
      SecurityGroupPolicy p = r.policy();
      String addressTemplate = !p.addressTemplateId().isEmpty() ? p.addressTemplateId() : p.addressTemplateGroupId();
      List<Cidr> blocks = addressTemplate.isEmpty() ? Collections.singletonList(null)
          : AddressTemplates.expand(t, addressTemplate).orElse(List.of());
      String serviceTemplate = !p.serviceTemplateId().isEmpty() ? p.serviceTemplateId() : p.serviceTemplateGroupId();
      List<ServiceSpec> specs = serviceTemplate.isEmpty() ? Collections.singletonList(null)
          : services.expand(serviceTemplate).orElse(List.of());
      for (Cidr block : blocks) {
        for (ServiceSpec spec : specs) {
          out.add(new PolicyFilters.Indexed(r.index(), concrete(p, block, spec)));
        }
      }
    }
    return out;
  }

  /** The rule with a block for its address template and a service for its service template ({@code null}: as written). */
  private static SecurityGroupPolicy concrete(SecurityGroupPolicy p, Cidr block, ServiceSpec spec) {
    String cidr = block == null ? p.cidrBlock() : block.isIpv4() ? block.toString() : "";
    String cidr6 = block == null ? p.ipv6CidrBlock() : block.isIpv4() ? "" : block.toString();
    return new SecurityGroupPolicy(spec == null ? p.protocol() : spec.ruleProtocol(),
        spec == null ? p.port() : spec.rulePort(), p.serviceTemplateId(), p.serviceTemplateGroupId(), cidr, cidr6,
        p.securityGroupId(), p.addressTemplateId(), p.addressTemplateGroupId(), p.action(), p.description(),
        p.modifyTime());
  }
}
