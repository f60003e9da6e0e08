package io.openvpc.control.security;

import io.openvpc.control.Filter;
import io.openvpc.control.Ledger;
import io.openvpc.control.Quotas;
import io.openvpc.model.Direction;
import io.openvpc.model.Rejection;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.Topology;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The editing of a group's rules, one transaction per call: insertion at PolicyIndex or at the end
 * (CreateSecurityGroupPolicies), replacement at indexes (ReplaceSecurityGroupPolicy/-Policies), the
 * whole set of both directions (ModifySecurityGroupPolicies), deletion by index or by content. Every
 * call that changes rules increases the group's Version by one and, when a passed Version is stale,
 * changes nothing. docs/modeling/security-group-policies.md describes the semantics.
 */
public final class SecurityGroupPolicyService {
  static final String SET = "SecurityGroupPolicySet";

  private final Ledger ledger;
  private final Quotas quotas;
  private final Clock clock;
  private final SnapshotService snapshots;
  private final RuleMatchCache matches = new RuleMatchCache();

  public SecurityGroupPolicyService(Ledger ledger, Quotas quotas, Clock clock, SnapshotService snapshots) {
    this.ledger = ledger;
    this.quotas = quotas;
    this.clock = clock;
    this.snapshots = snapshots;
  }

  /** The direction a one-direction request names, and its rules. */
  private record OneDirection(Direction direction, String param, List<PolicyInput> rules) {}

  private static OneDirection oneDirection(PolicyInput.Set set) {
    if (set == null) {
      throw Rejection.missing(SET);
    }
    if (!set.ingress().isEmpty() && !set.egress().isEmpty()) {
      throw new Rejection(PolicyRules.COEXIST, "`" + SET + ".Ingress` and `" + SET
          + ".Egress` cannot both be given: this action edits one direction per call.",
          "`Ingress` 与 `Egress` 不能同时指定。");
    }
    if (set.ingress().isEmpty() && set.egress().isEmpty()) {
      throw new Rejection("MissingParameter", "`" + SET + "` has no rules: give `Ingress` or `Egress`.",
          "`" + SET + "` 缺少 `Ingress` 或 `Egress` 规则。");
    }
    return set.ingress().isEmpty() ? new OneDirection(Direction.EGRESS, SET + ".Egress", set.egress())
        : new OneDirection(Direction.INGRESS, SET + ".Ingress", set.ingress());
  }

  /** CreateSecurityGroupPolicies: inserts at the common PolicyIndex (0 = top) or appends. */
  public SecurityGroup create(Scope scope, String groupId, PolicyInput.Set set) {
    OneDirection d = oneDirection(set);
    Long index = d.rules().get(0).policyIndex();
    for (int i = 1; i < d.rules().size(); i++) {
      if (!java.util.Objects.equals(index, d.rules().get(i).policyIndex())) {
        throw Rejection.value("InvalidParameterValue", d.param() + "." + i + ".PolicyIndex",
            "every rule of one call must name the same PolicyIndex (or none); the first names " + index + ".");
      }
    }
    return edit(scope, groupId, set.version(), (t, g, now) -> {
      List<SecurityGroupPolicy> current = g.policies(d.direction());
      if (index != null && (index < 0 || index > current.size())) {
        throw Rejection.value("InvalidParameterValue.Range", d.param() + ".0.PolicyIndex", "must be from 0 to "
            + current.size() + " (the number of " + d.direction().name().toLowerCase() + " rules), got " + index + ".");
      }
      List<SecurityGroupPolicy> added = normalize(t, g.id(), d.param(), d.rules(), now);
      RuleMatches existing = matches.of(g.id(), d.direction(), current);
      rejectDuplicates(existing, List.of(), added, d);
      SecurityGroup out = with(g, d.direction(), PolicyEditor.insert(current, index == null ? null : index.intValue(),
          added));
      // The new list's matches are the old ones plus the added rules: no walk over the group.
      added.forEach(existing::add);
      matches.remember(g.id(), d.direction(), out.policies(d.direction()), existing);
      return out;
    });
  }

  /** ReplaceSecurityGroupPolicy: one rule at its PolicyIndex, or at the rule the original set names. */
  public SecurityGroup replaceOne(Scope scope, String groupId, PolicyInput.Set set, PolicyInput.Set original) {
    OneDirection d = oneDirection(set);
    if (d.rules().size() != 1) {
      throw Rejection.value("InvalidParameterValue.LimitExceeded", d.param(), "this action replaces exactly one rule; got "
          + d.rules().size() + ". Use ReplaceSecurityGroupPolicies for several.");
    }
    return replace(scope, groupId, set, d, original);
  }

  /** ReplaceSecurityGroupPolicies: several rules of one direction, each at its PolicyIndex. */
  public SecurityGroup replaceMany(Scope scope, String groupId, PolicyInput.Set set, PolicyInput.Set original) {
    return replace(scope, groupId, set, oneDirection(set), original);
  }

  private SecurityGroup replace(Scope scope, String groupId, PolicyInput.Set set, OneDirection d,
      PolicyInput.Set original) {
    return edit(scope, groupId, set.version(), (t, g, now) -> {
      List<SecurityGroupPolicy> current = g.policies(d.direction());
      List<Integer> indexes = new ArrayList<>();
      List<PolicyInput> originals = original == null ? List.of()
          : d.direction() == Direction.INGRESS ? original.ingress() : original.egress();
      for (int i = 0; i < d.rules().size(); i++) {
        String p = d.param() + "." + i;
        Long index = d.rules().get(i).policyIndex();
        int at;
        if (index != null) {
          if (index < 0 || index >= current.size()) {
            throw Rejection.value("InvalidParameterValue.Range", p + ".PolicyIndex", "must be from 0 to "
                + (current.size() - 1) + " (an existing " + d.direction().name().toLowerCase() + " rule), got " + index + ".");
          }
          at = index.intValue();
        } else if (i < originals.size()) {
          String op = "OriginalSecurityGroupPolicySet." + (d.direction() == Direction.INGRESS ? "Ingress." : "Egress.") + i;
          at = PolicyEditor.indexOf(current, PolicyRules.normalize(t, g.id(), op, originals.get(i), now),
              SecurityGroupPolicy::sameMatchAs, indexes);
          if (at < 0) {
            throw new Rejection("ResourceNotFound", "`" + op + "` matches no " + d.direction().name().toLowerCase()
                + " rule of " + g.id() + ".", "`" + op + "` 未匹配到规则。");
          }
        } else {
          throw Rejection.missing(p + ".PolicyIndex");
        }
        if (indexes.contains(at)) {
          throw Rejection.value("InvalidParameterValue.Duplicate", p + ".PolicyIndex", "rule " + at
              + " is replaced twice in one call.");
        }
        indexes.add(at);
      }
      List<SecurityGroupPolicy> replacements = normalize(t, g.id(), d.param(), d.rules(), now);
      List<SecurityGroupPolicy> replaced = new ArrayList<>();
      for (int at : indexes) {
        replaced.add(current.get(at));
      }
      rejectDuplicates(matches.of(g.id(), d.direction(), current), replaced, replacements, d);
      return with(g, d.direction(), PolicyEditor.replaceAt(current, indexes, replacements));
    });
  }

  /**
   * Refuses a changed rule that matches another rule of the resulting list: one left as it was (a rule
   * of {@code before} other than the {@code replaced} ones), or one changed earlier in the same request
   * (so the later copy is the one named). {@code changed} are in request order.
   */
  private static void rejectDuplicates(RuleMatches before, List<SecurityGroupPolicy> replaced,
      List<SecurityGroupPolicy> changed, OneDirection d) {
    Map<List<String>, Integer> gone = new HashMap<>();
    for (SecurityGroupPolicy p : replaced) {
      gone.merge(p.matchKey(), 1, Integer::sum);
    }
    Set<List<String>> earlier = new HashSet<>();
    for (int k = 0; k < changed.size(); k++) {
      List<String> key = changed.get(k).matchKey();
      if (before.count(key) - gone.getOrDefault(key, 0) > 0 || !earlier.add(key)) {
        throw duplicate(d.param() + "." + k, changed.get(k), d.direction());
      }
    }
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
    return edit(scope, groupId, clear ? null : set.version(), (t, g, now) -> {
      if (clear) {
        return with(with(g, Direction.INGRESS, List.of()), Direction.EGRESS, List.of());
      }
      List<SecurityGroupPolicy> in = wholeList(t, g.id(), SET + ".Ingress", set.ingress(), Direction.INGRESS, now);
      List<SecurityGroupPolicy> out = wholeList(t, g.id(), SET + ".Egress", set.egress(), Direction.EGRESS, now);
      return with(with(g, Direction.INGRESS, in), Direction.EGRESS, out);
    });
  }

  private List<SecurityGroupPolicy> wholeList(Topology t, String self, String param, List<PolicyInput> rules,
      Direction direction, Instant now) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).policyIndex() != null) {
        throw Rejection.value("InvalidParameter", param + "." + i + ".PolicyIndex",
            "ModifySecurityGroupPolicies replaces the whole set, in the order given; PolicyIndex is not allowed.");
      }
    }
    List<SecurityGroupPolicy> list = normalize(t, self, param, rules, now);
    rejectDuplicates(RuleMatches.empty(), List.of(), list, new OneDirection(direction, param, rules));
    return list;
  }

  /** DeleteSecurityGroupPolicies: by PolicyIndex or by content (never both in one call). */
  public SecurityGroup delete(Scope scope, String groupId, PolicyInput.Set set) {
    OneDirection d = oneDirection(set);
    long withIndex = d.rules().stream().filter(r -> r.policyIndex() != null).count();
    if (withIndex != 0 && withIndex != d.rules().size()) {
      throw new Rejection(PolicyRules.COEXIST, "`" + d.param() + "` mixes rules given by PolicyIndex and rules given by "
          + "content; delete either by index or by content in one call.", "不能同时按索引和按内容删除规则。");
    }
    return edit(scope, groupId, set.version(), (t, g, now) -> {
      List<SecurityGroupPolicy> current = g.policies(d.direction());
      Set<Integer> indexes = new HashSet<>();
      for (int i = 0; i < d.rules().size(); i++) {
        String p = d.param() + "." + i;
        PolicyInput r = d.rules().get(i);
        int at;
        if (withIndex != 0) {
          if (onlyIndex(r)) {
            at = r.policyIndex().intValue();
            if (r.policyIndex() < 0 || r.policyIndex() >= current.size()) {
              throw Rejection.value("InvalidParameterValue.Range", p + ".PolicyIndex", "must be from 0 to "
                  + (current.size() - 1) + ", got " + r.policyIndex() + ".");
            }
          } else {
            throw new Rejection(PolicyRules.COEXIST, "`" + p + "` gives a PolicyIndex and rule content; give only "
                + "the PolicyIndex to delete by index.", "按索引删除时只能指定 PolicyIndex。");
          }
        } else {
          at = PolicyEditor.indexOf(current, PolicyRules.normalize(t, g.id(), p, r, now),
              SecurityGroupPolicy::sameMatchAs, indexes);
          if (at < 0) {
            throw new Rejection("ResourceNotFound", "`" + p + "` matches no " + d.direction().name().toLowerCase()
                + " rule of " + g.id() + ".", "`" + p + "` 未匹配到规则。");
          }
        }
        if (!indexes.add(at)) {
          throw Rejection.value("InvalidParameterValue.Duplicate", p, "rule " + at + " is named twice.");
        }
      }
      return with(g, d.direction(), PolicyEditor.deleteAt(current, indexes));
    });
  }

  private static boolean onlyIndex(PolicyInput r) {
    return !PolicyRules.present(r.protocol()) && !PolicyRules.present(r.port()) && !PolicyRules.present(r.cidrBlock())
        && !PolicyRules.present(r.ipv6CidrBlock()) && !PolicyRules.present(r.securityGroupId())
        && !PolicyRules.present(r.addressTemplateId()) && !PolicyRules.present(r.addressTemplateGroupId())
        && !PolicyRules.present(r.serviceTemplateId()) && !PolicyRules.present(r.serviceTemplateGroupId());
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
    Instant now = clock.instant();
    List<SecurityGroupPolicy> in = wholeList(t, g.id(), SET + ".Ingress", set.ingress(), Direction.INGRESS, now);
    List<SecurityGroupPolicy> out = wholeList(t, g.id(), SET + ".Egress", set.egress(), Direction.EGRESS, now);
    return checked(with(with(g, Direction.INGRESS, in), Direction.EGRESS, out));
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
            throw Rejection.value("UnsupportedOperation", "RemoteRegion", direction + " rule " + i + " of " + sourceId
                + " references `" + ref + "`, which does not exist in " + target.scope().region() + ".");
          }
        }
      }
      out.add(new SecurityGroupPolicy(p.protocol(), p.port(), p.serviceTemplateId(), p.serviceTemplateGroupId(),
          p.cidrBlock(), p.ipv6CidrBlock(), sg, p.addressTemplateId(), p.addressTemplateGroupId(), p.action(),
          p.description(), clock.instant()));
    }
    return out;
  }

  @FunctionalInterface
  private interface Edit {
    SecurityGroup apply(Topology t, SecurityGroup g, Instant now);
  }

  private SecurityGroup edit(Scope scope, String groupId, String version, Edit edit) {
    Long expected = version(version);
    return ledger.write(scope, change -> {
      Topology t = change.current();
      SecurityGroup g = SecurityGroupService.require(t, groupId, "SecurityGroupId");
      if (expected != null && expected != g.version()) {
        throw new Rejection("UnsupportedOperation.VersionMismatch", "`" + SET + ".Version` is " + expected + " but "
            + g.id() + " is at version " + g.version() + "; describe the rules again and retry.",
            "安全组 " + g.id() + " 的当前版本为 " + g.version() + "，与请求的版本 " + expected + " 不一致。");
      }
      SecurityGroup next = bump(checked(edit.apply(t, g, clock.instant())));
      change.put(next);
      snapshots.groupChanged(change, next, String.valueOf(scope.appId()));
      return next;
    });
  }

  private static Long version(String version) {
    if (version == null || version.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(version.trim());
    } catch (NumberFormatException e) {
      throw Rejection.malformed(SET + ".Version", version, "the group's version, a whole number as text");
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
        throw new Rejection("LimitExceeded.SecurityGroupPolicySet", "The " + d.name().toLowerCase() + " rules of "
            + g.id() + " would number " + rules.size() + "; at most " + max + " per direction (security-group-max-policies).",
            "安全组 " + g.id() + " 的规则数超出配额（每个方向最多 " + max + " 条）。");
      }
      long refs = matches.of(g.id(), d, rules).groupReferences();
      if (refs > maxRefs) {
        throw new Rejection("LimitExceeded", "The " + d.name().toLowerCase() + " rules of " + g.id() + " would reference "
            + "security groups " + refs + " times; at most " + maxRefs + " (security-group-max-referred-groups).",
            "安全组 " + g.id() + " 引用安全组的规则数超出配额（最多 " + maxRefs + " 条）。");
      }
    }
    return g;
  }

  private static List<SecurityGroupPolicy> normalize(Topology t, String self, String param, List<PolicyInput> rules,
      Instant now) {
    List<SecurityGroupPolicy> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      out.add(PolicyRules.normalize(t, self, param + "." + i, rules.get(i), now));
    }
    return out;
  }

  private static Rejection duplicate(String param, SecurityGroupPolicy p, Direction d) {
    return new Rejection("UnsupportedOperation.DuplicatePolicy", "`" + param + "` duplicates an existing "
        + d.name().toLowerCase() + " rule: " + p.text(d) + ".", "`" + param + "` 与已有规则重复：" + p.text(d) + "。");
  }

  static SecurityGroup with(SecurityGroup g, Direction d, List<SecurityGroupPolicy> rules) {
    return new SecurityGroup(g.id(), g.name(), g.description(), g.projectId(), g.isDefault(), g.version(),
        d == Direction.INGRESS ? rules : g.ingress(), d == Direction.EGRESS ? rules : g.egress(), g.tags(),
        g.createdTime(), g.updateTime());
  }
}
