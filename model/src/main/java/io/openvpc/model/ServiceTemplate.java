package io.openvpc.model;

import java.time.Instant;
import java.util.List;

/** A protocol-port template ({@code ppm-}): a named list of services such as {@code tcp:80}. */
public record ServiceTemplate(
    String id, String name, List<TemplateMember> members, List<Tag> tags, Instant createdTime) implements Resource {
  public ServiceTemplate {
    members = List.copyOf(members == null ? List.of() : members);
    tags = List.copyOf(tags == null ? List.of() : tags);
  }
}
