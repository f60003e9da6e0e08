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
              + String.join(", ", byName.keySet()) + (tags != null ? ", tag:<key>" : "") + ".",
          "不支持过滤条件 `" + name + "`（" + param + ".Name）。");
    }
    return m;
  }
}
