package io.openvpc.model;

import java.time.Instant;
import java.util.List;

/** A protocol-port template group ({@code ppmg-}): a named set of service templates. */
public record ServiceTemplateGroup(
    String id, String name, List<String> serviceTemplateIds, List<Tag> tags, Instant createdTime) implements Resource {
  public ServiceTemplateGroup {
    serviceTemplateIds = List.copyOf(serviceTemplateIds == null ? List.of() : serviceTemplateIds);
    tags = List.copyOf(tags == null ? List.of() : tags);
  }
}
