package io.openvpc.engine.trace;

import io.openvpc.engine.policy.RuleRef;

/**
 * One typed step: what was checked ({@code kind}), on which resource, with which result
 * ({@code PERMITTED}, {@code DENIED}, {@code FORWARDED}, ...), the deciding rule where a rule decided,
 * and a sentence for people.
 */
public record Step(StepKind kind, String resourceType, String resourceId, String result, RuleRef rule, String detail) {
  public static final String PERMITTED = "PERMITTED";
  public static final String DENIED = "DENIED";
}
