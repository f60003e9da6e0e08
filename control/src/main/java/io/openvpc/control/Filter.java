package io.openvpc.control;

import java.util.List;

/** One Tencent filter: a name and values; values are OR-ed, filters are AND-ed. */
public record Filter(String name, List<String> values) {
  public Filter {
    values = List.copyOf(values == null ? List.of() : values);
  }
}
