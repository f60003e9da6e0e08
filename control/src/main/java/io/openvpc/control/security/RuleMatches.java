package io.openvpc.control.security;

import io.openvpc.model.SecurityGroupPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of one direction of a group counted by what they match
 * ({@link SecurityGroupPolicy#matchKey}), and how many of them reference a security group: enough to
 * refuse a duplicate or a quota breach without walking the rules, so that adding a rule to a group of
 * 20,000 costs what adding one to a group of 10 does.
 */
final class RuleMatches {
  private final Map<List<String>, Integer> counts;
  private int groupReferences;

  private RuleMatches(int capacity) {
    counts = new HashMap<>(Math.max(16, capacity * 4 / 3 + 1));
  }

  static RuleMatches of(List<SecurityGroupPolicy> rules) {
    RuleMatches m = new RuleMatches(rules.size());
    for (SecurityGroupPolicy p : rules) {
      m.add(p);
    }
    return m;
  }

  static RuleMatches empty() {
    return new RuleMatches(0);
  }

  /** The number of rules that match as {@code key} does. */
  int count(List<String> key) {
    return counts.getOrDefault(key, 0);
  }

  void add(SecurityGroupPolicy p) {
    counts.merge(p.matchKey(), 1, Integer::sum);
    if (!p.securityGroupId().isEmpty()) {
      groupReferences++;
    }
  }

  /** The number of rules whose peer is a security group. */
  int groupReferences() {
    return groupReferences;
  }
}
