package io.openvpc.model;

import java.time.Instant;
import java.util.List;

/**
 * A network ACL: stateless, per subnet, with ordered ingress and egress entries (first match wins)
 * ahead of the implicit final DROP in each direction. A {@code TRIPLE} ACL holds
 * {@link NetworkAclEntry} lists; a {@code QUINTUPLE} ACL holds {@link NetworkAclQuintupleEntry}s.
 * Which subnets use it is recorded on the {@link Subnet} (one ACL per subnet).
 */
public record NetworkAcl(
    String id,
    String vpcId,
    String name,
    String type,
    List<NetworkAclEntry> ingress,
    List<NetworkAclEntry> egress,
    List<NetworkAclQuintupleEntry> quintupleEntries,
    List<Tag> tags,
    Instant createdTime) implements Resource {

  public NetworkAcl {
    type = type == null || type.isEmpty() ? "TRIPLE" : type;
    ingress = List.copyOf(ingress == null ? List.of() : ingress);
    egress = List.copyOf(egress == null ? List.of() : egress);
    quintupleEntries = List.copyOf(quintupleEntries == null ? List.of() : quintupleEntries);
    tags = List.copyOf(tags == null ? List.of() : tags);
  }
}
