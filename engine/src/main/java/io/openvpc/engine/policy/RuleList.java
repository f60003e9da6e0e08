package io.openvpc.engine.policy;

import java.util.List;

/**
 * An ordered first-match list: the first rule that matches decides; when none does,
 * {@code defaultAction} applies, explained by {@code defaultRule}. A security group list is the
 * concatenation of the bound groups' rules in binding order with a default DROP; an ACL's is its
 * entries with a default DROP; a subnet without an ACL has an empty list with a default ACCEPT.
 */
public record RuleList(List<PolicyRule> rules, Action defaultAction, RuleRef defaultRule) {
  public RuleList {
    rules = List.copyOf(rules);
  }

  /** The concrete evaluator: first match, else the default. */
  public Decision decide(Packet p, AddressSets sets) {
    for (PolicyRule r : rules) {
      if (r.matches(p, sets)) {
        return new Decision(r.action(), r.ref());
      }
    }
    return new Decision(defaultAction, defaultRule);
  }
}
