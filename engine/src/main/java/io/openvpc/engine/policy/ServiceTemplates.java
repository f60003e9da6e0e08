package io.openvpc.engine.policy;

import io.openvpc.model.Resource;
import io.openvpc.model.ServiceSpec;
import io.openvpc.model.ServiceTemplate;
import io.openvpc.model.ServiceTemplateGroup;
import io.openvpc.model.TemplateMember;
import io.openvpc.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Expands a service template ({@code ppm-}) or group ({@code ppmg-}) to its services. */
@FunctionalInterface
public interface ServiceTemplates {
  /** The services of a template or group; empty if it does not exist. */
  Optional<List<ServiceSpec>> expand(String id);

  /** Reads templates from a snapshot. */
  static ServiceTemplates of(Topology t) {
    Function<String, Resource> find = TemplateExpansion.in(t, ServiceTemplate.class, ServiceTemplateGroup.class);
    return id -> expand(id, find);
  }

  /**
   * The services of a template or group, looking templates up by ID through {@code find} (which
   * answers {@code null} for an unknown ID); empty if {@code id} names neither. The engine's compiled
   * rules and the expanded-policy listing both expand services through here.
   */
  static Optional<List<ServiceSpec>> expand(String id, Function<String, Resource> find) {
    return TemplateExpansion.expand(id, find, ServiceTemplate.class, t -> members(t.members()),
        ServiceTemplateGroup.class, ServiceTemplateGroup::serviceTemplateIds);
  }

  /** Parses template members; those that do not parse are skipped (control validates on write). */
  public static List<ServiceSpec> members(List<TemplateMember> members) {
    List<ServiceSpec> out = new ArrayList<>();
    for (TemplateMember m : members) {
      try {
        out.add(ServiceSpec.parseMember(m.value()));
      } catch (IllegalArgumentException e) {
        // control validates members on write; an unparsable stored one matches nothing
      }
    }
    return out;
  }
}
