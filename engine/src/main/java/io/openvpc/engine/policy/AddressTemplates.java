package io.openvpc.engine.policy;

import io.openvpc.model.AddressSpec;
import io.openvpc.model.AddressTemplate;
import io.openvpc.model.AddressTemplateGroup;
import io.openvpc.model.Cidr;
import io.openvpc.model.Resource;
import io.openvpc.model.TemplateMember;
import io.openvpc.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Expands an address template ({@code ipm-}) or group ({@code ipmg-}) to the CIDR blocks its members
 * cover: a block stays itself, an address becomes a host block and a range the fewest blocks that span
 * it. The engine's address sets and the expanded-policy listing both read templates through here.
 */
public final class AddressTemplates {
  private AddressTemplates() {}

  /**
   * The blocks of a template or group, looking templates up by ID through {@code find} (which answers
   * {@code null} for an unknown ID); empty if {@code id} names neither.
   */
  public static Optional<List<Cidr>> expand(String id, Function<String, Resource> find) {
    return TemplateExpansion.expand(id, find, AddressTemplate.class, t -> blocks(t.members()),
        AddressTemplateGroup.class, AddressTemplateGroup::addressTemplateIds);
  }

  /** {@link #expand} over a snapshot. */
  public static Optional<List<Cidr>> expand(Topology t, String id) {
    return expand(id, TemplateExpansion.in(t, AddressTemplate.class, AddressTemplateGroup.class));
  }

  /** The blocks of template members in order; a member that does not parse contributes nothing (control validates on write). */
  public static List<Cidr> blocks(List<TemplateMember> members) {
    List<Cidr> out = new ArrayList<>();
    for (TemplateMember m : members) {
      try {
        AddressSpec a = AddressSpec.parse(m.value());
        for (inet.ipaddr.IPAddress block : a.first().address().spanWithPrefixBlocks(a.last().address())) {
          out.add(new Cidr(block));
        }
      } catch (IllegalArgumentException e) {
        // an unparsable stored member contributes nothing
      }
    }
    return out;
  }
}
