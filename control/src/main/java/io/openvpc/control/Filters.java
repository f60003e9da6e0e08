package io.openvpc.control;

import io.openvpc.model.Rejection;
import io.openvpc.model.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The filters a Describe action accepts for one resource type, declared once per type: exact,
 * fuzzy (substring) and boolean ({@code TRUE}/{@code FALSE}) matches, and the tag filters
 * ({@code tag-key}, {@code tag-value}, {@code tag:<key>}). Unknown names and too many values are
 * refused naming the filter.
 */
public final class Filters<R> {
  public static final int MAX_FILTERS = 10;
  public static final int MAX_VALUES = 100;

  private interface Matcher<R> {
    boolean matches(R resource, List<String> values);
  }

  private final Map<String, Matcher<R>> byName = new LinkedHashMap<>();
  /** Per filter, what each of its values must be: refuses one that is not, naming it. */
  private final Map<String, java.util.function.BiConsumer<String, String>> checks = new LinkedHashMap<>();
  private Function<R, List<Tag>> tags;

  public Filters<R> exact(String name, Function<R, ?> value) {
    byName.put(name, (r, values) -> {
      Object v = value.apply(r);
      if (v instanceof Collection<?> c) {
        return c.stream().anyMatch(x -> values.contains(String.valueOf(x)));
      }
      return v != null && values.contains(String.valueOf(v));
    });
    return this;
  }

  public Filters<R> fuzzy(String name, Function<R, String> value) {
    return any(name, (r, v) -> {
      String text = value.apply(r);
      return text != null && text.contains(v);
    });
  }

  public Filters<R> bool(String name, Function<R, Boolean> value) {
    return any(name, (r, v) -> Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)) == value.apply(r));
  }

  /** A filter that a resource passes when {@code test} accepts it with any of the filter's values. */
  public Filters<R> any(String name, BiPredicate<R, String> test) {
    byName.put(name, (r, values) -> values.stream().anyMatch(v -> test.test(r, v)));
    return this;
  }

  /**
   * A time filter: resources created at or after ({@code since}) or at or before the value, a local time
   * {@code yyyy-MM-dd HH:mm:ss} in Beijing time as Tencent writes it ({@code creation-start-time}).
   */
  public Filters<R> time(String name, Function<R, java.time.Instant> value, boolean since) {
    checks.put(name, (param, v) -> parseTime(param, v));
    return any(name, (r, v) -> {
      java.time.Instant t = value.apply(r);
      java.time.Instant bound = parseTime(name, v);
      return t != null && (since ? !t.isBefore(bound) : !t.isAfter(bound));
    });
  }

  private static final java.time.format.DateTimeFormatter LOCAL_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private static java.time.Instant parseTime(String param, String v) {
    try {
      return java.time.LocalDateTime.parse(v, LOCAL_TIME).toInstant(java.time.ZoneOffset.ofHours(8));
    } catch (java.time.format.DateTimeParseException e) {
      // the code cvm's DescribeInstances documents for it (the one action with a time filter)
      throw Rejection.value("InvalidParameterValue.InvalidTimeFormat", param,
          "`" + v + "` is malformed; expected a time such as 2023-06-01 00:00:00.");
    }
  }

  public Filters<R> tags(Function<R, List<Tag>> tags) {
    this.tags = tags;
    byName.put("tag-key", (r, values) -> tags.apply(r).stream().anyMatch(t -> values.contains(t.key())));
    byName.put("tag-value", (r, values) -> tags.apply(r).stream().anyMatch(t -> values.contains(t.value())));
    return this;
  }

  /** The resources that pass every filter, in the given order. */
  public List<R> apply(Collection<R> items, List<Filter> filters) {
    if (filters == null || filters.isEmpty()) {
      return new ArrayList<>(items);
    }
    if (filters.size() > MAX_FILTERS) {
      throw Rejection.value("InvalidParameterValue.LimitExceeded", "Filters", "at most " + MAX_FILTERS + " filters.");
    }
    List<Matcher<R>> matchers = new ArrayList<>();
    List<List<String>> values = new ArrayList<>();
    for (int i = 0; i < filters.size(); i++) {
      Filter f = filters.get(i);
      String param = "Filters." + i;
      if (f.name() == null || f.name().isEmpty()) {
        throw Rejection.missing(param + ".Name");
      }
      if (f.values().size() > MAX_VALUES) {
        throw Rejection.value("InvalidParameterValue.LimitExceeded", param + ".Values",
            "at most " + MAX_VALUES + " values per filter.");
      }
      matchers.add(matcher(f.name(), param));
      var check = checks.get(f.name());
      for (int j = 0; check != null && j < f.values().size(); j++) {
        check.accept(param + ".Values." + j, f.values().get(j));
      }
      values.add(f.values());
    }
    List<R> out = new ArrayList<>();
    for (R r : items) {
      boolean ok = true;
      for (int i = 0; i < matchers.size() && ok; i++) {
        ok = matchers.get(i).matches(r, values.get(i));
      }
      if (ok) {
        out.add(r);
      }
    }
    return out;
  }

  private Matcher<R> matcher(String name, String param) {
    if (tags != null && name.startsWith("tag:")) {
      String key = name.substring(4);
      return (r, values) -> tags.apply(r).stream().anyMatch(t -> t.key().equals(key) && values.contains(t.value()));
    }
    Matcher<R> m = byName.get(name);
    if (m == null) {
      throw new Rejection("InvalidParameter.FilterInvalidKey",
          "Filter `" + name + "` in `" + param + ".Name` is not supported; supported filters: "
              + String.join(", ", byName.keySet().stream().filter(n -> !n.contains(" ")).toList())
              + (tags != null ? ", tag:<key>" : "") + ".",
          "不支持过滤条件 `" + name + "`（" + param + ".Name）。");
    }
    return m;
  }
}
