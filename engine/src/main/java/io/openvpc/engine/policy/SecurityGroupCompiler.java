package io.openvpc.engine.policy;

import io.openvpc.model.Direction;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.ServiceSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Compiles one security group's policies of one direction into rules. The peer is the source for
 * ingress and the destination for egress (the other end is the ENI itself); a group, address template
 * or group peer stays a named set.
 */
public final class SecurityGroupCompiler {
  private SecurityGroupCompiler() {}

  /** Parsed protocol+port pairs; rules repeat them, and parsing is most of a rule's compile cost. */
  private static final Map<String, List<ServiceMatch>> SERVICES = new ConcurrentHashMap<>();

  public static List<PolicyRule> compile(SecurityGroup sg, Direction direction, ServiceTemplates templates) {
    return compile(sg, direction, templates, null, List.of());
  }

  /**
   * Compiles a group's rules of one direction, reusing the compiled rules of {@code previous} (the
   * group before this change, compiled to {@code previousRules}) wherever a policy is unchanged, so a
   * single rule change costs one rule. A moved policy keeps its compiled match under its new index.
   */
  public static List<PolicyRule> compile(SecurityGroup sg, Direction direction, ServiceTemplates templates,
      SecurityGroup previous, List<PolicyRule> previousRules) {
    List<SecurityGroupPolicy> policies = sg.policies(direction);
    List<SecurityGroupPolicy> before = previous == null ? List.of() : previous.policies(direction);
    int reusable = Math.min(before.size(), previousRules.size());
    // Unchanged rules at the top and at the bottom are found by position, so inserting or deleting
    // near either end of a long list hashes nothing; only the changed middle is looked up by content.
    int prefix = 0;
    while (prefix < Math.min(reusable, policies.size()) && same(before.get(prefix), policies.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < Math.min(reusable, policies.size()) - prefix
        && same(before.get(reusable - 1 - suffix), policies.get(policies.size() - 1 - suffix))) {
      suffix++;
    }
    Map<SecurityGroupPolicy, PolicyRule> moved = null;
    List<PolicyRule> out = new ArrayList<>(policies.size());
    for (int i = 0; i < policies.size(); i++) {
      SecurityGroupPolicy p = policies.get(i);
      if (i < prefix) {
        out.add(previousRules.get(i));
        continue;
      }
      int tail = policies.size() - i; // 1 for the last rule
      if (tail <= suffix) {
        out.add(reindexed(previousRules.get(reusable - tail), sg.id(), direction, i));
        continue;
      }
      if (moved == null) {
        moved = new HashMap<>();
        for (int k = prefix; k < reusable - suffix; k++) {
          moved.putIfAbsent(before.get(k), previousRules.get(k));
        }
      }
      PolicyRule old = moved.get(p);
      out.add(old != null ? reindexed(old, sg.id(), direction, i) : rule(sg.id(), direction, i, p, templates));
    }
    return List.copyOf(out);
  }

  private static boolean same(SecurityGroupPolicy a, SecurityGroupPolicy b) {
    return a == b || a.equals(b);
  }

  /** A compiled rule under the index its policy has now. */
  private static PolicyRule reindexed(PolicyRule r, String sgId, Direction direction, int index) {
    if (r.ref().index() == index) {
      return r;
    }
    return new PolicyRule(new RuleRef(RuleRef.SECURITY_GROUP, sgId, direction, index, r.ref().text()),
        r.action(), r.source(), r.destination(), r.services(), r.warning());
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
        return new AddressMatch.Blocks(List.of(Prefix.parse(p.cidrBlock())));
      }
      if (!p.ipv6CidrBlock().isEmpty()) {
        return new AddressMatch.Blocks(List.of(Prefix.parse(p.ipv6CidrBlock())));
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
    String key = p.protocol() + "\0" + p.port();
    List<ServiceMatch> cached = SERVICES.get(key);
    if (cached != null) {
      return cached;
    }
    try {
      List<ServiceMatch> parsed = List.of(ServiceMatch.of(ServiceSpec.of(p.protocol().isEmpty() ? "ALL" : p.protocol(), p.port())));
      if (SERVICES.size() > 100_000) {
        SERVICES.clear();
      }
      SERVICES.put(key, parsed);
      return parsed;
    } catch (IllegalArgumentException e) {
      warnings.add(e.getMessage());
      return List.of();
    }
  }
}
