package io.openvpc.engine.policy;

import io.openvpc.model.ServiceSpec;
import io.openvpc.model.ServiceTemplate;
import io.openvpc.model.ServiceTemplateGroup;
import io.openvpc.model.TemplateMember;
import io.openvpc.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Expands a service template ({@code ppm-}) or group ({@code ppmg-}) to its services. */
@FunctionalInterface
public interface ServiceTemplates {
  /** The services of a template or group; empty if it does not exist. */
  Optional<List<ServiceSpec>> expand(String id);

  /** Reads templates from a snapshot; members that do not parse are skipped. */
  static ServiceTemplates of(Topology t) {
    return id -> {
      Optional<ServiceTemplate> single = t.find(ServiceTemplate.class, id);
      if (single.isPresent()) {
        return Optional.of(members(single.get().members()));
      }
      return t.find(ServiceTemplateGroup.class, id).map(g -> {
        List<ServiceSpec> all = new ArrayList<>();
        for (String member : g.serviceTemplateIds()) {
          t.find(ServiceTemplate.class, member).ifPresent(m -> all.addAll(members(m.members())));
        }
        return all;
      });
    };
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
