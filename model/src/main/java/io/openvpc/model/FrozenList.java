package io.openvpc.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list that owns its array, for the lists of the model that grow long (a security
 * group's rules): an edit builds the next list with one array copy, where {@link List#copyOf} of an
 * edited {@code ArrayList} costs four. No element is null.
 */
public final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
  private static final FrozenList<Object> EMPTY = new FrozenList<>(new Object[0]);
  private final Object[] items;

  private FrozenList(Object[] items) {
    this.items = items;
  }

  /** {@code list} itself when it is a FrozenList, else an immutable copy of it. */
  @SuppressWarnings("unchecked")
  public static <E> List<E> copyOf(Collection<? extends E> list) {
    if (list instanceof FrozenList<?> frozen) {
      return (List<E>) frozen;
    }
    if (list.isEmpty()) {
      return (List<E>) EMPTY;
    }
    Object[] items = list.toArray();
    for (Object item : items) {
      Objects.requireNonNull(item, "element");
    }
    return new FrozenList<>(items);
  }

  /** {@code list} with {@code added} inserted, in order, at {@code at} (0 = first). */
  public static <E> List<E> inserting(List<? extends E> list, int at, List<? extends E> added) {
    Objects.checkIndex(at, list.size() + 1);
    Object[] extra = added.toArray();
    for (Object item : extra) {
      Objects.requireNonNull(item, "element");
    }
    Object[] items = new Object[list.size() + extra.length];
    if (list instanceof FrozenList<?> frozen) {
      System.arraycopy(frozen.items, 0, items, 0, at);
      System.arraycopy(frozen.items, at, items, at + extra.length, frozen.items.length - at);
    } else {
      for (int i = 0; i < list.size(); i++) {
        items[i < at ? i : i + extra.length] = Objects.requireNonNull(list.get(i), "element");
      }
    }
    System.arraycopy(extra, 0, items, at, extra.length);
    return new FrozenList<>(items);
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    return (E) items[index];
  }

  @Override
  public int size() {
    return items.length;
  }

  @Override
  public Object[] toArray() {
    return Arrays.copyOf(items, items.length);
  }
}
