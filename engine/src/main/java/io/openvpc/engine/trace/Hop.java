package io.openvpc.engine.trace;

import io.openvpc.engine.graph.NodeId;
import java.util.List;

/** One node of the path ({@code NetworkInterface eni-...}, {@code Subnet subnet-...}) and its steps. */
public record Hop(NodeId node, List<Step> steps) {
  public Hop {
    steps = List.copyOf(steps);
  }

  /** The Tencent resource type of the node. */
  public String nodeType() {
    return node.kind().resourceType();
  }

  public String nodeId() {
    return node.id();
  }
}
