package io.openvpc.api;

import io.openvpc.control.Filter;
import io.openvpc.model.Rejection;
import io.openvpc.model.Tag;
import java.util.List;

/** Conversions between generated API shapes and control-plane values shared by every family. */
public final class Convert {
  private Convert() {}

  public static List<Tag> tags(List<io.openvpc.api.types.vpc.Tag> tags) {
    return tags == null ? null : tags.stream().map(t -> new Tag(t.getKey(), t.getValue())).toList();
  }

  public static List<io.openvpc.api.types.vpc.Tag> tagSet(List<Tag> tags) {
    return tags.stream().map(t -> new io.openvpc.api.types.vpc.Tag().setKey(t.key()).setValue(t.value())).toList();
  }

  public static List<Filter> filters(List<io.openvpc.api.types.vpc.Filter> filters) {
    return filters == null ? null : filters.stream().map(f -> new Filter(f.getName(), f.getValues())).toList();
  }

  /** A number that the action's schema declares as a string (Offset and Limit in some actions). */
  public static Long number(String parameter, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw Rejection.malformed(parameter, value, "a whole number");
    }
  }
}
