package io.openvpc.engine.trace;

import io.openvpc.engine.graph.EffectiveRoute;
import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.policy.RuleRef;

/** The typed evidence of a step: the rule that decided, the route that was taken, the rewrite that was made. */
public sealed interface StepDetail {
  /** A filter's decision, by {@code rule}. */
  record Filtered(RuleRef rule) implements StepDetail {}

  /** The route that was chosen ({@code null} when none covered the destination). */
  record Routed(EffectiveRoute route) implements StepDetail {}

  /** A rewrite of the packet, by {@code rule} ({@code null} when a reply is translated back). */
  record Translated(Packet before, Packet after, RuleRef rule) implements StepDetail {}

  /** Nothing beyond the step's kind, result and resource. */
  record None() implements StepDetail {}

  None NONE = new None();
}
