package io.openvpc.store.jdbc;

import io.openvpc.model.Resource;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import java.util.List;
import java.util.Map;

/**
 * A resource kind whose ordered lists can grow long, stored apart from its document: the document
 * holds the resource with those lists empty (its head), and the lists are kept as splices
 * (table {@code resource_splice}), so that changing one element writes one small row. Security groups
 * are the kind that needs it now; a network ACL's or a route table's entries would be declared the
 * same way.
 */
abstract class ListLayout<R extends Resource> {
  private static final Map<Class<?>, ListLayout<?>> LAYOUTS = Map.of(SecurityGroup.class, new SecurityGroupLayout());

  private final Class<R> type;
  private final Class<?> element;
  private final List<String> lists;

  ListLayout(Class<R> type, Class<?> element, List<String> lists) {
    this.type = type;
    this.element = element;
    this.lists = lists;
  }

  /** The layout of a kind, or null when the kind is stored as one document. */
  static ListLayout<?> of(Class<?> type) {
    return LAYOUTS.get(type);
  }

  Class<R> type() {
    return type;
  }

  /** The class of the lists' elements. */
  Class<?> element() {
    return element;
  }

  /** The names of the lists, as stored in {@code resource_splice.list_name}. */
  List<String> lists() {
    return lists;
  }

  /** One named list of a resource. */
  abstract List<?> list(R resource, String name);

  /** The resource with its lists empty: what its document stores. */
  abstract R head(R resource);

  /** The resource from its head and its lists, by name. */
  abstract R assemble(R head, Map<String, List<?>> lists);

  /** The number of elements in all lists of a resource. */
  int size(R resource) {
    int n = 0;
    for (String name : lists) {
      n += list(resource, name).size();
    }
    return n;
  }

  private static final class SecurityGroupLayout extends ListLayout<SecurityGroup> {
    SecurityGroupLayout() {
      super(SecurityGroup.class, SecurityGroupPolicy.class, List.of("ingress", "egress"));
    }

    @Override
    List<?> list(SecurityGroup g, String name) {
      return name.equals("ingress") ? g.ingress() : g.egress();
    }

    @Override
    SecurityGroup head(SecurityGroup g) {
      return copy(g, List.of(), List.of());
    }

    @Override
    @SuppressWarnings("unchecked")
    SecurityGroup assemble(SecurityGroup head, Map<String, List<?>> lists) {
      return copy(head, (List<SecurityGroupPolicy>) lists.getOrDefault("ingress", List.of()),
          (List<SecurityGroupPolicy>) lists.getOrDefault("egress", List.of()));
    }

    private static SecurityGroup copy(SecurityGroup g, List<SecurityGroupPolicy> ingress,
        List<SecurityGroupPolicy> egress) {
      return new SecurityGroup(g.id(), g.name(), g.description(), g.projectId(), g.isDefault(), g.version(), ingress,
          egress, g.tags(), g.createdTime(), g.updateTime());
    }
  }
}
