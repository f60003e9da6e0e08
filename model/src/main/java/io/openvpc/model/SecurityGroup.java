package io.openvpc.model;

import java.time.Instant;
import java.util.List;

/**
 * A security group: stateful, with an ordered ingress and an ordered egress policy list (first match
 * wins; no match denies). {@code version} increases on every change of the policies.
 */
public record SecurityGroup(
    String id,
    String name,
    String description,
    String projectId,
    boolean isDefault,
    long version,
    List<SecurityGroupPolicy> ingress,
    List<SecurityGroupPolicy> egress,
    List<Tag> tags,
    Instant createdTime,
    Instant updateTime) implements Resource {

  public SecurityGroup {
    description = description == null ? "" : description;
    projectId = projectId == null ? "0" : projectId;
    ingress = FrozenList.copyOf(ingress == null ? List.of() : ingress);
    egress = FrozenList.copyOf(egress == null ? List.of() : egress);
    tags = List.copyOf(tags == null ? List.of() : tags);
  }

  public List<SecurityGroupPolicy> policies(Direction direction) {
    return direction == Direction.INGRESS ? ingress : egress;
  }
}
