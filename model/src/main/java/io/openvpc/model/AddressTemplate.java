package io.openvpc.model;

import java.time.Instant;
import java.util.List;

/** An IP address template ({@code ipm-}): a named list of addresses, blocks or ranges. */
public record AddressTemplate(
    String id, String name, List<TemplateMember> members, List<Tag> tags, Instant createdTime) implements Resource {
  public AddressTemplate {
    members = List.copyOf(members == null ? List.of() : members);
    tags = List.copyOf(tags == null ? List.of() : tags);
  }
}
