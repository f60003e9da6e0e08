package io.openvpc.engine.policy;

import io.openvpc.model.Resource;
import io.openvpc.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a parameter template or group expands, for both kinds: a template to its own members, a group to
 * the members of the templates it contains (one that no longer exists contributes nothing).
 */
final class TemplateExpansion {
  private TemplateExpansion() {}

  /** Looks a template or group of one kind up by ID in a snapshot ({@code null} if neither). */
  static Function<String, Resource> in(Topology t, Class<? extends Resource> template,
      Class<? extends Resource> group) {
    return id -> t.find(template, id).<Resource>map(x -> x).or(() -> t.find(group, id)).orElse(null);
  }

  static <T extends Resource, G extends Resource, M> Optional<List<M>> expand(String id, Function<String, Resource> find,
      Class<T> template, Function<T, List<M>> members, Class<G> group, Function<G, List<String>> templateIds) {
    Resource r = find.apply(id);
    if (template.isInstance(r)) {
      return Optional.of(members.apply(template.cast(r)));
    }
    if (group.isInstance(r)) {
      List<M> out = new ArrayList<>();
      for (String member : templateIds.apply(group.cast(r))) {
        Resource t = find.apply(member);
        if (template.isInstance(t)) {
          out.addAll(members.apply(template.cast(t)));
        }
      }
      return Optional.of(out);
    }
    return Optional.empty();
  }
}
