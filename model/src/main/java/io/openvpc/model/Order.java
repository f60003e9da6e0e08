package io.openvpc.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/**
 * A sort order of one resource kind that listings page through: every {@link Topology} keeps the
 * resources of each order declared in {@link Indexes} sorted, so a page (at any offset, in either
 * direction) is found without sorting the kind. The comparator must be total: two different resources
 * never compare equal (every order ends with the ID).
 */
public final class Order<R extends Resource> {
  private final String name;
  private final Class<R> type;
  private final Comparator<? super R> comparator;
  int slot = -1;

  private Order(String name, Class<R> type, Comparator<? super R> comparator) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.comparator = Objects.requireNonNull(comparator);
  }

  /** {@code comparator}, then the ID. */
  public static <R extends Resource> Order<R> of(String name, Class<R> type, Comparator<? super R> comparator) {
    Comparator<R> first = comparator::compare;
    return new Order<>(name, type, first.thenComparing(Resource::id));
  }

  /** Newest first (by creation time, descending), then by ID: the order of most Describe actions. */
  public static <R extends Resource> Order<R> newestFirst(Class<R> type, Function<? super R, Instant> created) {
    return new Order<>("newest first", type,
        Comparator.<R, Instant>comparing(created).reversed().thenComparing(Resource::id));
  }

  public String name() {
    return name;
  }

  public Class<R> type() {
    return type;
  }

  public Comparator<? super R> comparator() {
    return comparator;
  }

  @Override
  public String toString() {
    return type.getSimpleName() + " " + name;
  }
}
