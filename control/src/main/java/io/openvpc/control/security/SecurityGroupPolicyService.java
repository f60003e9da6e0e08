package io.openvpc.control.security;

import static io.openvpc.control.security.PolicyRequests.SET;

import io.openvpc.control.Filter;
import io.openvpc.control.Ledger;
import io.openvpc.control.Quotas;
import io.openvpc.control.security.PolicyRequests.OneDirection;
import io.openvpc.model.Direction;
import io.openvpc.model.Rejection;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.Topology;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The editing of a group's rules, one transaction per call: insertion at PolicyIndex or at the end
 * (CreateSecurityGroupPolicies), replacement at indexes (ReplaceSecurityGroupPolicy/-Policies), the
 * whole set of both directions (ModifySecurityGroupPolicies), deletion by index or by content. Every
 * call that changes rules increases the group's Version by one and, when a passed Version is stale,
 * changes nothing. docs/modeling/security-group-policies.md describes the semantics.
 */
public final class SecurityGroupPolicyService {
  private final Ledger ledger;
  private final Quotas quotas;
  private final Clock clock;
  private final SnapshotService snapshots;
  private final RuleMatchCache matches = new RuleMatchCache();
  private final PolicyRequests requests = new PolicyRequests(matches);

  public SecurityGroupPolicyService(Ledger ledger, Quotas quotas, Clock clock, SnapshotService snapshots) {
    this.ledger = ledger;
    this.quotas = quotas;
    this.clock = clock;
    this.snapshots = snapshots;
  }

  /** CreateSecurityGroupPolicies: inserts at the common PolicyIndex (0 = top) or appends. */
  public SecurityGroup create(Scope scope, String groupId, PolicyInput.Set set) {
    OneDirection d = PolicyRequests.oneDirection(set);
    Long index = PolicyRequests.commonIndex(d);
    return edit(scope, groupId, set.version(), (t, g, now) -> List.of(requests.insert(t, g, d, index, now)));
  }

  /** ReplaceSecurityGroupPolicy: one rule at its PolicyIndex, or at the rule the original set names. */
  public SecurityGroup replaceOne(Scope scope, String groupId, PolicyInput.Set set, PolicyInput.Set original) {
    OneDirection d = PolicyRequests.oneDirection(set);
    if (d.rules().size() != 1) {
      throw SecurityErrors.replacesOneRule(d.member(), d.rules().size());
    }
    return edit(scope, groupId, set.version(), (t, g, now) -> List.of(requests.replace(t, g, d, original, now)));
  }

  /** ReplaceSecurityGroupPolicies: several rules of one direction, each at its PolicyIndex. */
  public SecurityGroup replaceMany(Scope scope, String groupId, PolicyInput.Set set, PolicyInput.Set original) {
    OneDirection d = PolicyRequests.oneDirection(set);
    return edit(scope, groupId, set.version(), (t, g, now) -> List.of(requests.replace(t, g, d, original, now)));
  }

  /**
   * ModifySecurityGroupPolicies: both directions become exactly the lists given (an omitted direction
   * becomes empty). Version {@code 0} clears every rule whatever the lists say.
   */
  public SecurityGroup modify(Scope scope, String groupId, PolicyInput.Set set, Boolean sortPolicies) {
    if (set == null) {
      throw Rejection.missing(SET);
    }
    boolean clear = "0".equals(set.version() == null ? null : set.version().trim());
    return edit(scope, groupId, clear ? null : set.version(),
        (t, g, now) -> clear ? PolicyRequests.clear(g) : PolicyRequests.wholeSet(t, g, set, now));
  }

  /** DeleteSecurityGroupPolicies: by PolicyIndex or by content (never both in one call). */
  public SecurityGroup delete(Scope scope, String groupId, PolicyInput.Set set) {
    OneDirection d = PolicyRequests.oneDirection(set);
    boolean byIndex = PolicyRequests.deletesByIndex(d);
    return edit(scope, groupId, set.version(), (t, g, now) -> List.of(requests.delete(t, g, d, byIndex, now)));
  }

  /** DescribeSecurityGroupPolicies: the rules that pass the filters, each with its real PolicyIndex. */
  public PolicyFilters.Listing describe(Scope scope, String groupId, List<Filter> filters) {
    SecurityGroup g = SecurityGroupService.require(ledger.read(scope), groupId, "SecurityGroupId");
    return PolicyFilters.apply(g, filters);
  }

  /**
   * DescribeSecurityGroupExpandedPolicies: the rules with their templates expanded ({@link ExpandedPolicies}),
   * then the filters of DescribeSecurityGroupPolicies applied to the expanded rules.
   */
  public PolicyFilters.Listing describeExpanded(Scope scope, String groupId, List<Filter> filters) {
    Topology t = ledger.read(scope);
    SecurityGroup g = SecurityGroupService.require(t, groupId, "SecurityGroupId");
    return PolicyFilters.apply(g, ExpandedPolicies.expand(t, PolicyFilters.indexed(g.ingress())),
        ExpandedPolicies.expand(t, PolicyFilters.indexed(g.egress())), filters);
  }

  /** The rules of a group being created with CreateSecurityGroupWithPolicies. */
  SecurityGroup initial(Topology t, SecurityGroup g, PolicyInput.Set set) {
    SecurityGroup out = g;
    for (PolicyEdit e : PolicyRequests.wholeSet(t, g, set, clock.instant())) {
      out = apply(out, e);
    }
    return checked(out);
  }

  /** A source group's rules for a clone: self references follow the copy; other references must exist. */
  List<SecurityGroupPolicy> cloneRules(Topology target, boolean remote, String sourceId, String cloneId,
      List<SecurityGroupPolicy> rules, String direction) {
    List<SecurityGroupPolicy> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      SecurityGroupPolicy p = rules.get(i);
      String sg = p.securityGroupId().equals(sourceId) ? cloneId : p.securityGroupId();
      if (remote) {
        for (String ref : List.of(p.securityGroupId().equals(sourceId) ? "" : p.securityGroupId(),
            p.addressTemplateId(), p.addressTemplateGroupId(), p.serviceTemplateId(), p.serviceTemplateGroupId())) {
          if (!ref.isEmpty() && target.anyById(ref).isEmpty()) {
            throw SecurityErrors.cloneReferenceMissing(direction, i, sourceId, ref, target.scope().region());
          }
        }
      }
      out.add(new SecurityGroupPolicy(p.protocol(), p.port(), p.serviceTemplateId(), p.serviceTemplateGroupId(),
          p.cidrBlock(), p.ipv6CidrBlock(), sg, p.addressTemplateId(), p.addressTemplateGroupId(), p.action(),
          p.description(), clock.instant()));
    }
    return out;
  }

  /** How a call's request becomes edits, against the group as the transaction sees it. */
  @FunctionalInterface
  private interface Resolution {
    List<PolicyEdit> resolve(Topology t, SecurityGroup g, Instant now);
  }

  /**
   * The one path of every rule-editing call, in one transaction: the Version checked, the request
   * resolved into edits, the edits applied, the quotas checked on the result, Version increased, and a
   * backup taken where a snapshot policy asks for one.
   */
  private SecurityGroup edit(Scope scope, String groupId, String version, Resolution request) {
    Long expected = version(version);
    return ledger.write(scope, change -> {
      Topology t = change.current();
      SecurityGroup g = SecurityGroupService.require(t, groupId, "SecurityGroupId");
      if (expected != null && expected != g.version()) {
        throw SecurityErrors.versionMismatch(SET + ".Version", expected, g);
      }
      SecurityGroup next = g;
      for (PolicyEdit e : request.resolve(t, g, clock.instant())) {
        next = apply(next, e);
      }
      next = bump(checked(next));
      change.put(next);
      snapshots.groupChanged(change, next, String.valueOf(scope.appId()));
      return next;
    });
  }

  /** The group with one checked edit applied to its direction's rules. */
  private SecurityGroup apply(SecurityGroup g, PolicyEdit e) {
    List<SecurityGroupPolicy> current = g.policies(e.direction());
    List<SecurityGroupPolicy> next = e.edit().applyTo(current);
    if (e.edit().insertsOnly()) {
      // The new list's matches are the old ones plus the added rules: no walk over the group.
      RuleMatches m = matches.of(g.id(), e.direction(), current);
      e.edit().inserted().forEach(m::add);
      matches.remember(g.id(), e.direction(), next, m);
    }
    return with(g, e.direction(), next);
  }

  private static Long version(String version) {
    if (version == null || version.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(version.trim());
    } catch (NumberFormatException e) {
      throw SecurityErrors.versionMalformed(SET + ".Version", version);
    }
  }

  private SecurityGroup bump(SecurityGroup g) {
    return bump(g, clock.instant());
  }

  /** The group at its next Version. */
  static SecurityGroup bump(SecurityGroup g, Instant now) {
    return new SecurityGroup(g.id(), g.name(), g.description(), g.projectId(), g.isDefault(), g.version() + 1,
        g.ingress(), g.egress(), g.tags(), g.createdTime(), now);
  }

  /** Quotas on the resulting rule lists. */
  private SecurityGroup checked(SecurityGroup g) {
    long max = quotas.get("security-group-max-policies");
    long maxRefs = quotas.get("security-group-max-referred-groups");
    for (Direction d : Direction.values()) {
      List<SecurityGroupPolicy> rules = g.policies(d);
      if (rules.size() > max) {
        throw SecurityErrors.tooManyRules(g, d, rules.size(), max);
      }
      long refs = matches.of(g.id(), d, rules).groupReferences();
      if (refs > maxRefs) {
        throw SecurityErrors.tooManyGroupReferences(g, d, refs, maxRefs);
      }
    }
    return g;
  }

  static SecurityGroup with(SecurityGroup g, Direction d, List<SecurityGroupPolicy> rules) {
    return new SecurityGroup(g.id(), g.name(), g.description(), g.projectId(), g.isDefault(), g.version(),
        d == Direction.INGRESS ? rules : g.ingress(), d == Direction.EGRESS ? rules : g.egress(), g.tags(),
        g.createdTime(), g.updateTime());
  }
}
