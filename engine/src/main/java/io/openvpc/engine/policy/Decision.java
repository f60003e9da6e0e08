package io.openvpc.engine.policy;

/** The outcome of a rule list for one packet: the action and the rule that decided it. */
public record Decision(Action action, RuleRef rule) {
  public boolean accepted() {
    return action == Action.ACCEPT;
  }
}
