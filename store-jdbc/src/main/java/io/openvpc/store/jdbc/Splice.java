package io.openvpc.store.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * One edit of an ordered list: at position {@code at}, {@code removed} elements give way to
 * {@code items}. A list's stored form is the splices that build it from empty, applied in order.
 */
record Splice(String list, int at, int removed, List<?> items) {

  /**
   * The one splice that turns {@code before} into {@code after}: whatever lies between their common
   * prefix and common suffix; null when they are equal. Elements are compared by identity first, so an
   * unchanged list of an immutable model costs a pointer comparison per element.
   */
  static Splice between(String list, List<?> before, List<?> after) {
    int prefix = 0;
    int max = Math.min(before.size(), after.size());
    while (prefix < max && same(before.get(prefix), after.get(prefix))) {
      prefix++;
    }
    if (prefix == before.size() && prefix == after.size()) {
      return null;
    }
    int suffix = 0;
    while (suffix < max - prefix
        && same(before.get(before.size() - 1 - suffix), after.get(after.size() - 1 - suffix))) {
      suffix++;
    }
    return new Splice(list, prefix, before.size() - prefix - suffix,
        List.copyOf(after.subList(prefix, after.size() - suffix)));
  }

  private static boolean same(Object a, Object b) {
    return a == b || a.equals(b);
  }

  /** The splices that write {@code items} into an empty list, at most {@code max} items each. */
  static List<Splice> whole(String list, List<?> items, int max) {
    return new Splice(list, 0, 0, items).pieces(max);
  }

  /** This edit as consecutive splices of at most {@code max} items each, with the same effect. */
  List<Splice> pieces(int max) {
    if (items.size() <= max) {
      return List.of(this);
    }
    List<Splice> out = new ArrayList<>();
    for (int from = 0; from < items.size(); from += max) {
      out.add(new Splice(list, at + from, from == 0 ? removed : 0,
          List.copyOf(items.subList(from, Math.min(items.size(), from + max)))));
    }
    return out;
  }

  /** Applies this edit to {@code target}. */
  @SuppressWarnings("unchecked")
  void applyTo(List<?> target) {
    if (at < 0 || removed < 0 || at + removed > target.size()) {
      throw new IllegalStateException("stored splice of " + list + " at " + at + " removing " + removed
          + " does not fit a list of " + target.size());
    }
    List<Object> t = (List<Object>) target;
    t.subList(at, at + removed).clear();
    t.addAll(at, items);
  }
}
