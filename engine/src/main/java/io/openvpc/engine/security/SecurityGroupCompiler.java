package io.openvpc.engine.security;

import io.openvpc.engine.policy.Action;
import io.openvpc.engine.policy.AddressMatch;
import io.openvpc.engine.policy.PolicyRule;
import io.openvpc.engine.policy.Prefix;
import io.openvpc.engine.policy.RuleRef;
import io.openvpc.engine.policy.ServiceMatch;
import io.openvpc.engine.policy.ServiceTemplates;
import io.openvpc.engine.compile.Artifact;
import io.openvpc.engine.compile.Compilation;
import io.openvpc.engine.compile.Input;
import io.openvpc.engine.compile.ResourceCompiler;
import io.openvpc.model.Direction;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortSpec;
import io.openvpc.model.Resource;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.ServiceSpec;
import io.openvpc.model.ServiceTemplate;
import io.openvpc.model.ServiceTemplateGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles a security group into two rule segments, {@code sg-.../ingress} and {@code sg-.../egress},
 * that the filters of the ENIs bound to it name (with the implicit DROP as the filters' default). The
 * peer is the source for ingress and the destination for egress (the other end is the ENI itself); a
 * group, address template or group peer stays a named set. Service templates expand, and a change to
 * one compiles again the groups that read it.
 */
public final class SecurityGroupCompiler implements ResourceCompiler<SecurityGroup> {
  /** The group's compiled rules, kept so that the next compile of the group reuses unchanged ones. */
  private static final Artifact<List<List<PolicyRule>>> RULES = Artifact.of("security group rules");

  /**
   * The services of rules that name a protocol and all its ports, one list per protocol (and one for
   * ALL): most rules of a region are these. Port lists are read afresh, which costs less than looking
   * them up: stored port text is canonical, and a region's hundred thousand rules name tens of
   * thousands of different ones.
   */
  private static final Map<Optional<IpProtocol>, List<ServiceMatch>> ALL_PORTS = allPorts();

  /**
   * One match per named peer (a group or template), shared by every rule naming it: a region's rules
   * name the same thousand groups ten thousand times, and analyses that ask whether an address is in a
   * set ask by name, which a shared name answers by identity.
   */
  private final Map<String, AddressMatch.Named> named = new ConcurrentHashMap<>();

  private AddressMatch.Named named(String name) {
    AddressMatch.Named m = named.get(name);
    if (m == null) {
      if (named.size() > 100_000) {
        named.clear();
      }
      m = new AddressMatch.Named(name);
      named.put(name, m);
    }
    return m;
  }

  private static Map<Optional<IpProtocol>, List<ServiceMatch>> allPorts() {
    Map<Optional<IpProtocol>, List<ServiceMatch>> m = new HashMap<>();
    m.put(Optional.empty(), List.of(ServiceMatch.ANY));
    for (IpProtocol p : IpProtocol.values()) {
      m.put(Optional.of(p), List.of(ServiceMatch.of(new ServiceSpec(Optional.of(p), PortSpec.ALL))));
    }
    return Map.copyOf(m);
  }

  /** The name of a group's segment of one direction. */
  public static String segment(String securityGroupId, Direction direction) {
    return securityGroupId + (direction == Direction.INGRESS ? "/ingress" : "/egress");
  }

  @Override
  public Class<SecurityGroup> kind() {
    return SecurityGroup.class;
  }

  @Override
  public List<Input> inputs() {
    return List.of(Input.resource(ServiceTemplate.class), Input.resource(ServiceTemplateGroup.class));
  }

  @Override
  public void compile(SecurityGroup sg, Compilation c) {
    ServiceTemplates templates = id -> ServiceTemplates.expand(id,
        x -> c.resource(ServiceTemplate.class, x).<Resource>map(t -> t)
            .or(() -> c.resource(ServiceTemplateGroup.class, x)).orElse(null));
    SecurityGroup previous = (SecurityGroup) c.previous().orElse(null);
    List<List<PolicyRule>> before = c.previous(RULES, sg.id()).orElse(null);
    List<PolicyRule> in = compile(sg, Direction.INGRESS, templates, before == null ? null : previous,
        before == null ? List.of() : before.get(0));
    List<PolicyRule> out = compile(sg, Direction.EGRESS, templates, before == null ? null : previous,
        before == null ? List.of() : before.get(1));
    c.segment(segment(sg.id(), Direction.INGRESS), in);
    c.segment(segment(sg.id(), Direction.EGRESS), out);
    c.artifact(RULES, sg.id(), List.of(in, out));
  }

  /** Compiles one direction of a group afresh (for listings that expand a group outside the engine). */
  public List<PolicyRule> compile(SecurityGroup sg, Direction direction, ServiceTemplates templates) {
    return compile(sg, direction, templates, null, List.of());
  }

  /**
   * Compiles a group's rules of one direction, reusing the compiled rules of {@code previous} (the
   * group before this change, compiled to {@code previousRules}) wherever a policy is unchanged, so a
   * single rule change costs one rule. A moved policy keeps its compiled match under its new index. A
   * policy that names a service template is always compiled again: the template may have changed.
   */
  List<PolicyRule> compile(SecurityGroup sg, Direction direction, ServiceTemplates templates,
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
        out.add(reindexed(previousRules.get(reusable - tail), i));
        continue;
      }
      if (moved == null) {
        moved = new HashMap<>();
        for (int k = prefix; k < reusable - suffix; k++) {
          if (reusable(before.get(k))) {
            moved.putIfAbsent(before.get(k), previousRules.get(k));
          }
        }
      }
      PolicyRule old = moved.get(p);
      out.add(old != null ? reindexed(old, i) : rule(sg.id(), direction, i, p, templates));
    }
    return List.copyOf(out);
  }

  private static boolean same(SecurityGroupPolicy a, SecurityGroupPolicy b) {
    return (a == b || a.equals(b)) && reusable(a);
  }

  private static boolean reusable(SecurityGroupPolicy p) {
    return p.serviceTemplateId().isEmpty() && p.serviceTemplateGroupId().isEmpty();
  }

  /** A compiled rule under the index its policy has now. */
  private static PolicyRule reindexed(PolicyRule r, int index) {
    if (r.ref().index() == index) {
      return r;
    }
    return new PolicyRule(r.ref().at(index), r.action(), r.source(), r.destination(), r.services(), r.warning());
  }

  PolicyRule rule(String sgId, Direction direction, int index, SecurityGroupPolicy p, ServiceTemplates templates) {
    RuleRef ref = new RuleRef(RuleRef.SECURITY_GROUP, sgId, direction, index, () -> p.text(direction));
    Action action = Action.parse(p.action());
    List<String> warnings = new ArrayList<>(0);
    AddressMatch peer = peer(p, warnings);
    List<ServiceMatch> services = services(p, templates, warnings);
    if (peer == null) {
      services = List.of(); // an unusable peer matches nothing
      peer = AddressMatch.ANY;
    }
    AddressMatch src = direction == Direction.INGRESS ? peer : AddressMatch.ANY;
    AddressMatch dst = direction == Direction.INGRESS ? AddressMatch.ANY : peer;
    return new PolicyRule(ref, action, src, dst, services, warnings.isEmpty() ? "" : String.join("; ", warnings));
  }

  private AddressMatch peer(SecurityGroupPolicy p, List<String> warnings) {
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
    for (String set : List.of(p.securityGroupId(), p.addressTemplateId(), p.addressTemplateGroupId())) {
      if (!set.isEmpty()) {
        return named(set);
      }
    }
    warnings.add("the rule names no peer");
    return null;
  }

  List<ServiceMatch> services(SecurityGroupPolicy p, ServiceTemplates templates, List<String> warnings) {
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
      ServiceSpec spec = ServiceSpec.of(p.protocol().isEmpty() ? "ALL" : p.protocol(), p.port());
      return spec.ports().isAll() ? ALL_PORTS.get(spec.protocol()) : List.of(ServiceMatch.of(spec));
    } catch (IllegalArgumentException e) {
      warnings.add(e.getMessage());
      return List.of();
    }
  }
}
