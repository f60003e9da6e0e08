package io.openvpc.control;

import io.openvpc.model.FrozenList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * One change to an ordered rule list (a security group direction's policies, an ACL direction's
 * entries, a route table's routes), resolved from a request and validated before it is applied. Every
 * position refers to the list as it was before the call: the rules at {@code replacedAt} become the
 * {@code replacements} (in request order, so a later replacement of the same position wins), those at
 * {@code deletedAt} go (each named once), and {@code inserted} goes in, in order, before the rule that was at
 * {@code insertAt}, or at the end when that is null. {@link #applyTo} is the one place that edits a
 * rule list; it is pure and keeps unchanged rules as the same objects (the store finds what changed by
 * comparing them).
 */
public record RuleEdit<T>(List<Integer> replacedAt, List<T> replacements, List<Integer> deletedAt, Integer insertAt,
    List<T> inserted) {

  public RuleEdit {
    replacedAt = List.copyOf(replacedAt);
    replacements = List.copyOf(replacements);
    deletedAt = List.copyOf(deletedAt);
    inserted = List.copyOf(inserted);
    if (replacedAt.size() != replacements.size()) {
      throw new IllegalArgumentException(replacedAt.size() + " positions for " + replacements.size() + " replacements");
    }
    if (Set.copyOf(deletedAt).size() != deletedAt.size()) {
      throw new IllegalArgumentException("a position is deleted twice: " + deletedAt);
    }
    if (replacedAt.stream().anyMatch(deletedAt::contains)) {
      throw new IllegalArgumentException("a position is both replaced and deleted: " + replacedAt + ", " + deletedAt);
    }
  }

  /** Changes nothing; the start of an edit built rule by rule. */
  public static <T> RuleEdit<T> none() {
    return new RuleEdit<>(List.of(), List.of(), List.of(), null, List.of());
  }

  /** {@code rules} inserted, in order, before the rule at {@code at} (0 = top), or appended when it is null. */
  public static <T> RuleEdit<T> insert(Integer at, List<T> rules) {
    return new RuleEdit<>(List.of(), List.of(), List.of(), at, rules);
  }

  public static <T> RuleEdit<T> append(List<T> rules) {
    return insert(null, rules);
  }

  /** The rule at each position of {@code at} replaced by the rule at the same index of {@code rules}. */
  public static <T> RuleEdit<T> replace(List<Integer> at, List<T> rules) {
    return new RuleEdit<>(at, rules, List.of(), null, List.of());
  }

  public static <T> RuleEdit<T> delete(Collection<Integer> at) {
    return new RuleEdit<>(List.of(), List.of(), List.copyOf(at), null, List.of());
  }

  /** A list of {@code size} rules becomes exactly {@code rules}. */
  public static <T> RuleEdit<T> replaceAll(int size, List<T> rules) {
    return new RuleEdit<>(List.of(), List.of(), IntStream.range(0, size).boxed().toList(), null, rules);
  }

  /** This edit, and then the rule at {@code at} replaced by {@code rule}. */
  public RuleEdit<T> replacing(int at, T rule) {
    return new RuleEdit<>(plus(replacedAt, at), plus(replacements, rule), deletedAt, insertAt, inserted);
  }

  /** This edit, and {@code rule} inserted after those it inserts already. */
  public RuleEdit<T> appending(T rule) {
    return new RuleEdit<>(replacedAt, replacements, deletedAt, insertAt, plus(inserted, rule));
  }

  /** This edit, and the rule at {@code at} deleted. */
  public RuleEdit<T> deleting(int at) {
    return new RuleEdit<>(replacedAt, replacements, plus(deletedAt, at), insertAt, inserted);
  }

  /** The rule at {@code position} of {@code rules} (the list before the edit) as this edit's replacements leave it. */
  public T at(List<T> rules, int position) {
    int k = replacedAt.lastIndexOf(position);
    return k >= 0 ? replacements.get(k) : rules.get(position);
  }

  /** The list {@code rules} as this edit leaves it. */
  public List<T> applyTo(List<T> rules) {
    int at = insertAt == null ? rules.size() : insertAt;
    if (replacedAt.isEmpty() && deletedAt.isEmpty()) {
      return FrozenList.inserting(rules, at, inserted); // the common case, one array copy
    }
    Objects.checkIndex(at, rules.size() + 1);
    List<T> base = new ArrayList<>(rules);
    for (int k = 0; k < replacedAt.size(); k++) {
      base.set(replacedAt.get(k), replacements.get(k));
    }
    Set<Integer> gone = new HashSet<>(deletedAt);
    gone.forEach(i -> Objects.checkIndex(i, rules.size()));
    List<T> out = new ArrayList<>(rules.size() - gone.size() + inserted.size());
    for (int i = 0; i <= base.size(); i++) {
      if (i == at) {
        out.addAll(inserted);
      }
      if (i < base.size() && !gone.contains(i)) {
        out.add(base.get(i));
      }
    }
    return FrozenList.copyOf(out);
  }

  /**
   * The rule each replacement replaced, in request order: the rule that was at its position, or the
   * replacement before it when a position is replaced twice.
   */
  public List<T> replaced(List<T> rules) {
    Map<Integer, T> now = new HashMap<>();
    List<T> out = new ArrayList<>(replacedAt.size());
    for (int k = 0; k < replacedAt.size(); k++) {
      int position = replacedAt.get(k);
      out.add(now.containsKey(position) ? now.get(position) : rules.get(position));
      now.put(position, replacements.get(k));
    }
    return out;
  }

  /** The rules this edit deletes, in request order. */
  public List<T> deleted(List<T> rules) {
    return deletedAt.stream().map(rules::get).toList();
  }

  /** Whether the edit only inserts, leaving every rule there was in place. */
  public boolean insertsOnly() {
    return replacedAt.isEmpty() && deletedAt.isEmpty();
  }

  /**
   * The first position of {@code rules} not in {@code taken} whose rule is {@code wanted}, or -1: how a
   * request that names rules by content or by ID finds them, each name a different rule.
   */
  public static <T> int firstFree(List<T> rules, Predicate<T> wanted, Collection<Integer> taken) {
    for (int i = 0; i < rules.size(); i++) {
      if (!taken.contains(i) && wanted.test(rules.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static <E> List<E> plus(List<E> list, E e) {
    List<E> out = new ArrayList<>(list);
    out.add(e);
    return out;
  }
}
