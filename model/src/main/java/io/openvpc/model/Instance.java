package io.openvpc.model;

import java.time.Instant;
import java.util.List;

/**
 * A CVM instance, for its networking: zone, VPC and subnet of its primary ENI, and state. Its security
 * groups are those of its primary ENI, which is the single source of truth for them.
 */
public record Instance(
    String id,
    String name,
    String zone,
    String instanceType,
    String imageId,
    String vpcId,
    String subnetId,
    InstanceState state,
    List<Tag> tags,
    Instant createdTime) implements Resource {

  public Instance {
    tags = List.copyOf(tags == null ? List.of() : tags);
  }
}
