package io.openvpc.control.security;

import io.openvpc.control.RuleEdit;
import io.openvpc.model.Direction;
import io.openvpc.model.Rejection;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Resolves the request of each rule-editing action into {@link PolicyEdit}s, checked once: the
 * direction, the positions it names (a PolicyIndex, or the rule its content matches) against the
 * group's rules, the new rules normalised by {@link PolicyRules}, and no rule left duplicated. What
 * needs no group (one direction per call, one PolicyIndex per insertion) is checked by the static
 * methods, before the transaction. Nothing changes here: {@link SecurityGroupPolicyService} applies.
 */
final class PolicyRequests {
  static final String SET = "SecurityGroupPolicySet";

  /** The direction a one-direction request names, its rules, and the member that holds them. */
  record OneDirection(Direction direction, String member, List<PolicyInput> rules) {}

  private final RuleMatchCache matches;

  PolicyRequests(RuleMatchCache matches) {
    this.matches = matches;
  }

  static OneDirection oneDirection(PolicyInput.Set set) {
    if (set == null) {
      throw Rejection.missing(SET);
    }
    if (!set.ingress().isEmpty() && !set.egress().isEmpty()) {
      throw SecurityErrors.bothDirections(SET);
    }
    if (set.ingress().isEmpty() && set.egress().isEmpty()) {
      throw SecurityErrors.noRules(SET);
    }
    return set.ingress().isEmpty() ? new OneDirection(Direction.EGRESS, SET + ".Egress", set.egress())
        : new OneDirection(Direction.INGRESS, SET + ".Ingress", set.ingress());
  }

  /** The PolicyIndex every rule of an insertion names alike (null: append). */
  static Long commonIndex(OneDirection d) {
    Long index = d.rules().get(0).policyIndex();
    for (int i = 1; i < d.rules().size(); i++) {
      if (!Objects.equals(index, d.rules().get(i).policyIndex())) {
        throw SecurityErrors.policyIndexDiffers(d.member() + "." + i, index);
      }
    }
    return index;
  }

  /** Whether a deletion names its rules by PolicyIndex (true) or by content; never both in one call. */
  static boolean deletesByIndex(OneDirection d) {
    long withIndex = d.rules().stream().filter(r -> r.policyIndex() != null).count();
    if (withIndex != 0 && withIndex != d.rules().size()) {
      throw SecurityErrors.indexAndContentMixed(d.member());
    }
    return withIndex != 0;
  }

  /** CreateSecurityGroupPolicies: the rules inserted at {@code index} (0 = top), or appended when null. */
  PolicyEdit insert(Topology t, SecurityGroup g, OneDirection d, Long index, Instant now) {
    List<SecurityGroupPolicy> current = g.policies(d.direction());
    if (index != null && (index < 0 || index > current.size())) {
      throw SecurityErrors.insertIndexOutOfRange(d.member() + ".0", index, current.size(), d.direction());
    }
    List<SecurityGroupPolicy> added = normalize(t, g.id(), d.member(), d.rules(), now);
    rejectDuplicates(matches.of(g.id(), d.direction(), current), List.of(), added, d.member(), d.direction());
    return new PolicyEdit(d.direction(), d.member(), RuleEdit.insert(index == null ? null : index.intValue(), added));
  }

  /**
   * ReplaceSecurityGroupPolicy/-Policies: each rule at its PolicyIndex, or, without one, at the rule that
   * the rule at the same index of the original set matches.
   */
  PolicyEdit replace(Topology t, SecurityGroup g, OneDirection d, PolicyInput.Set original, Instant now) {
    List<SecurityGroupPolicy> current = g.policies(d.direction());
    List<PolicyInput> originals = original == null ? List.of()
        : d.direction() == Direction.INGRESS ? original.ingress() : original.egress();
    Set<Integer> named = new LinkedHashSet<>();
    for (int i = 0; i < d.rules().size(); i++) {
      String member = d.member() + "." + i;
      Long index = d.rules().get(i).policyIndex();
      int at;
      if (index != null) {
        at = existing(member, index, current, d.direction());
      } else if (i < originals.size()) {
        String op = "Original" + d.member() + "." + i;
        at = RuleEdit.firstFree(current, PolicyRules.normalize(t, g.id(), op, originals.get(i), now)::sameMatchAs,
            named);
        if (at < 0) {
          throw SecurityErrors.noRuleMatches(op, d.direction(), g.id());
        }
      } else {
        throw Rejection.missing(member + ".PolicyIndex");
      }
      if (!named.add(at)) {
        throw SecurityErrors.ruleNamedTwice(member, at);
      }
    }
    List<SecurityGroupPolicy> replacements = normalize(t, g.id(), d.member(), d.rules(), now);
    List<Integer> positions = List.copyOf(named);
    rejectDuplicates(matches.of(g.id(), d.direction(), current), positions.stream().map(current::get).toList(),
        replacements, d.member(), d.direction());
    return new PolicyEdit(d.direction(), d.member(), RuleEdit.replace(positions, replacements));
  }

  /** DeleteSecurityGroupPolicies: the rules named by PolicyIndex, or matched by content. */
  PolicyEdit delete(Topology t, SecurityGroup g, OneDirection d, boolean byIndex, Instant now) {
    List<SecurityGroupPolicy> current = g.policies(d.direction());
    Set<Integer> named = new HashSet<>();
    for (int i = 0; i < d.rules().size(); i++) {
      String member = d.member() + "." + i;
      PolicyInput r = d.rules().get(i);
      int at;
      if (byIndex) {
        if (!onlyIndex(r)) {
          throw SecurityErrors.indexWithContent(member);
        }
        at = existing(member, r.policyIndex(), current, d.direction());
      } else {
        at = RuleEdit.firstFree(current, PolicyRules.normalize(t, g.id(), member, r, now)::sameMatchAs, named);
        if (at < 0) {
          throw SecurityErrors.noRuleMatches(member, d.direction(), g.id());
        }
      }
      if (!named.add(at)) {
        throw SecurityErrors.ruleNamedTwice(member, at);
      }
    }
    return new PolicyEdit(d.direction(), d.member(), RuleEdit.delete(named));
  }

  /**
   * ModifySecurityGroupPolicies and CreateSecurityGroupWithPolicies: both directions become exactly the
   * lists given, in order (an omitted direction becomes empty).
   */
  static List<PolicyEdit> wholeSet(Topology t, SecurityGroup g, PolicyInput.Set set, Instant now) {
    return List.of(wholeList(t, g, Direction.INGRESS, SET + ".Ingress", set.ingress(), now),
        wholeList(t, g, Direction.EGRESS, SET + ".Egress", set.egress(), now));
  }

  /** ModifySecurityGroupPolicies with Version 0: every rule goes. */
  static List<PolicyEdit> clear(SecurityGroup g) {
    return List.of(new PolicyEdit(Direction.INGRESS, SET + ".Ingress", RuleEdit.replaceAll(g.ingress().size(), List.of())),
        new PolicyEdit(Direction.EGRESS, SET + ".Egress", RuleEdit.replaceAll(g.egress().size(), List.of())));
  }

  private static PolicyEdit wholeList(Topology t, SecurityGroup g, Direction d, String member, List<PolicyInput> rules,
      Instant now) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).policyIndex() != null) {
        throw SecurityErrors.policyIndexInWholeSet(member + "." + i);
      }
    }
    List<SecurityGroupPolicy> list = normalize(t, g.id(), member, rules, now);
    rejectDuplicates(RuleMatches.empty(), List.of(), list, member, d);
    return new PolicyEdit(d, member, RuleEdit.replaceAll(g.policies(d).size(), list));
  }

  /** The position an existing rule's PolicyIndex names. */
  private static int existing(String member, long index, List<SecurityGroupPolicy> current, Direction d) {
    if (index < 0 || index >= current.size()) {
      throw SecurityErrors.policyIndexOutOfRange(member, index, current.size(), d);
    }
    return (int) index;
  }

  /**
   * Refuses a written rule that matches another rule of the resulting list: one left as it was (a rule
   * of {@code before} other than the {@code removed} ones), or one written earlier in the same request
   * (so the later copy is the one named). {@code written} are in request order.
   */
  private static void rejectDuplicates(RuleMatches before, List<SecurityGroupPolicy> removed,
      List<SecurityGroupPolicy> written, String member, Direction d) {
    Map<List<String>, Integer> gone = new HashMap<>();
    for (SecurityGroupPolicy p : removed) {
      gone.merge(p.matchKey(), 1, Integer::sum);
    }
    Set<List<String>> earlier = new HashSet<>();
    for (int k = 0; k < written.size(); k++) {
      List<String> key = written.get(k).matchKey();
      if (before.count(key) - gone.getOrDefault(key, 0) > 0 || !earlier.add(key)) {
        throw SecurityErrors.duplicatePolicy(member + "." + k, written.get(k), d);
      }
    }
  }

  private static List<SecurityGroupPolicy> normalize(Topology t, String self, String member, List<PolicyInput> rules,
      Instant now) {
    List<SecurityGroupPolicy> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      out.add(PolicyRules.normalize(t, self, member + "." + i, rules.get(i), now));
    }
    return out;
  }

  private static boolean onlyIndex(PolicyInput r) {
    return !PolicyRules.present(r.protocol()) && !PolicyRules.present(r.port()) && !PolicyRules.present(r.cidrBlock())
        && !PolicyRules.present(r.ipv6CidrBlock()) && !PolicyRules.present(r.securityGroupId())
        && !PolicyRules.present(r.addressTemplateId()) && !PolicyRules.present(r.addressTemplateGroupId())
        && !PolicyRules.present(r.serviceTemplateId()) && !PolicyRules.present(r.serviceTemplateGroupId());
  }
}
