package io.openvpc.engine.trace;

import io.openvpc.engine.graph.ResourceRef;
import io.openvpc.engine.graph.StepKind;
import io.openvpc.engine.policy.RuleRef;

/**
 * One typed step of a hop: what was checked ({@code kind}), with which {@code result}, on which
 * resource, its typed evidence ({@code detail}), and a sentence for people ({@code text}).
 */
public record Step(StepKind kind, StepResult result, ResourceRef resource, StepDetail detail, String text) {
  public String resourceType() {
    return resource == null ? "" : resource.type();
  }

  public String resourceId() {
    return resource == null ? "" : resource.id();
  }

  /** The rule that decided a filter step, or null. */
  public RuleRef rule() {
    return detail instanceof StepDetail.Filtered f ? f.rule() : null;
  }
}
