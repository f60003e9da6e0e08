package io.openvpc.engine.graph;

import io.openvpc.engine.policy.Action;
import io.openvpc.engine.policy.RuleRef;
import java.util.List;

/**
 * A first-match filter that a packet meets on an edge: the rules of the named {@code segments} in
 * order (each a rule list a compiler put in the graph, such as one security group's ingress rules or
 * one ACL's inbound entries), then {@code defaultAction}, explained by {@code defaultRule}. Edges refer
 * to segments by name, so a rule change replaces one segment and touches no edge.
 *
 * <p>A trace records the decision as a {@code step} on {@code resourceType}; a denial ends it with
 * {@code onDeny}. A filter with a {@code session} is stateful: once it admits a flow, the flow's reply
 * passes every filter with the same session (security groups, keyed by their ENI); without one it
 * judges replies like any packet (network ACLs).
 */
public record Filter(
    StepKind step, Disposition onDeny, String resourceType, List<String> segments, Action defaultAction,
    RuleRef defaultRule, String session) {

  public Filter {
    segments = List.copyOf(segments);
  }

  public boolean stateful() {
    return session != null;
  }
}
