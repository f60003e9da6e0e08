package io.openvpc.control.security;

import io.openvpc.model.FrozenList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * The list operations behind the policy actions, on one direction's ordered rules, with no validation
 * of the rules themselves: insertion at an index or at the end, replacement at indexes, deletion by
 * indexes or by content. Pure, so that property tests can hold them against a plain list.
 */
public final class PolicyEditor {
  private PolicyEditor() {}

  /** {@code rules} with {@code added} inserted in order at {@code index} (0 = top), or appended when null. */
  public static <T> List<T> insert(List<T> rules, Integer index, List<T> added) {
    return FrozenList.inserting(rules, index == null ? rules.size() : index, added);
  }

  /** {@code rules} with the rules at {@code indexes} (distinct, in range) removed. */
  public static <T> List<T> deleteAt(List<T> rules, Collection<Integer> indexes) {
    TreeSet<Integer> drop = new TreeSet<>(indexes);
    List<T> out = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      if (!drop.contains(i)) {
        out.add(rules.get(i));
      }
    }
    return out;
  }

  /**
   * The index of the first rule that {@code same} relates to {@code wanted}, skipping indexes already
   * taken, or -1.
   */
  public static <T> int indexOf(List<T> rules, T wanted, BiPredicate<T, T> same, Collection<Integer> taken) {
    for (int i = 0; i < rules.size(); i++) {
      if (!taken.contains(i) && same.test(rules.get(i), wanted)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code rules} with the rule at each index replaced. */
  public static <T> List<T> replaceAt(List<T> rules, List<Integer> indexes, List<T> replacements) {
    List<T> out = new ArrayList<>(rules);
    for (int i = 0; i < indexes.size(); i++) {
      out.set(indexes.get(i), replacements.get(i));
    }
    return out;
  }
}
