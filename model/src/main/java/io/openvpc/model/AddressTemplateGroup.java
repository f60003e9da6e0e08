package io.openvpc.model;

import java.time.Instant;
import java.util.List;

/** An IP address template group ({@code ipmg-}): a named set of address templates. */
public record AddressTemplateGroup(
    String id, String name, List<String> addressTemplateIds, List<Tag> tags, Instant createdTime) implements Resource {
  public AddressTemplateGroup {
    addressTemplateIds = List.copyOf(addressTemplateIds == null ? List.of() : addressTemplateIds);
    tags = List.copyOf(tags == null ? List.of() : tags);
  }
}
