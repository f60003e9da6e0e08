package io.openvpc.engine.graph;

import io.openvpc.engine.policy.Packet;
import io.openvpc.engine.policy.RuleRef;
import java.util.List;

/**
 * What an edge does to the packets that cross it: 1:1 NAT, SNAT, DNAT, or a load balancer's choice of
 * target. {@link #rewrite} answers the packets that leave the edge: none when no rule applies (the
 * packet crosses unchanged), one for a translation, several when the edge forks (a trace continues
 * once per alternative, as {@code ovn-trace} does). Replies are translated back by the tracer from the
 * session the forward packet left, never by a second rule.
 */
@FunctionalInterface
public interface Translation {
  List<Rewrite> rewrite(Packet packet);

  /** One packet leaving the edge, with the rule that made it and a sentence for people. */
  record Rewrite(Packet after, RuleRef rule, String text) {}
}
