package io.openvpc.model;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every resource type the store persists, by its stable kind name (the record's simple name). Adding a
 * resource type means adding its class here; the kind name is stored, so renaming a record needs a
 * migration.
 */
public final class ResourceTypes {
  public static final List<Class<? extends Resource>> ALL = List.of(
      Vpc.class,
      Subnet.class,
      RouteTable.class,
      NetworkInterface.class,
      Instance.class,
      HaVip.class,
      SecurityGroup.class,
      NetworkAcl.class,
      AddressTemplate.class,
      AddressTemplateGroup.class,
      ServiceTemplate.class,
      ServiceTemplateGroup.class,
      SnapshotPolicy.class,
      SnapshotFile.class,
      Task.class);

  private static final Map<String, Class<? extends Resource>> BY_KIND =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

  private ResourceTypes() {}

  public static String kind(Class<? extends Resource> type) {
    return type.getSimpleName();
  }

  public static Class<? extends Resource> byKind(String kind) {
    Class<? extends Resource> type = BY_KIND.get(kind);
    if (type == null) {
      throw new IllegalArgumentException("unknown resource kind " + kind);
    }
    return type;
  }
}
