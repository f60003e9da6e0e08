package io.openvpc.engine.trace;

import java.util.List;

/** One node of the path ({@code NetworkInterface eni-...}, {@code Subnet subnet-...}) and its steps. */
public record Hop(String nodeType, String nodeId, List<Step> steps) {
  public Hop {
    steps = List.copyOf(steps);
  }
}
