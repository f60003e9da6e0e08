package io.openvpc.engine.policy;

import io.openvpc.model.Direction;

/**
 * The identity of a rule as the user knows it, for explanations and for the data plane's counters:
 * the resource ({@code SecurityGroup sg-...} or {@code NetworkAcl acl-...}), the direction, the rule's
 * 0-based index in that direction of that resource ({@code -1} for an implicit default), and its text as
 * the user wrote it.
 */
public record RuleRef(String resourceType, String resourceId, Direction direction, int index, String text) {
  public static final String SECURITY_GROUP = "SecurityGroup";
  public static final String NETWORK_ACL = "NetworkAcl";

  public boolean isDefault() {
    return index < 0;
  }

  @Override
  public String toString() {
    return resourceId + " " + direction.name().toLowerCase() + (index < 0 ? " default" : " #" + index) + ": " + text;
  }
}
