package io.openvpc.model;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A secondary index of one resource kind: the resources by a key they carry (the ENIs of an instance,
 * the subnets of a VPC, the groups whose rules name a group). Every {@link Topology} keeps each index
 * declared in {@link Indexes} up to date as it is written, so a lookup costs the same whatever the
 * region's size. A resource may carry several keys of one index, or none (a null or empty key is none).
 */
public final class Index<R extends Resource> {
  private final String name;
  private final Class<R> type;
  private final Function<? super R, ? extends Collection<String>> keys;
  private final BiPredicate<? super R, ? super R> sameKeys;
  int slot = -1;

  private Index(String name, Class<R> type, Function<? super R, ? extends Collection<String>> keys,
      BiPredicate<? super R, ? super R> sameKeys) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.keys = Objects.requireNonNull(keys);
    this.sameKeys = sameKeys;
  }

  private Index(String name, Class<R> type, Function<? super R, ? extends Collection<String>> keys) {
    this(name, type, keys, null);
  }

  /**
   * This index, told that two versions of a resource for which {@code same} holds carry the same keys,
   * so that a write need not compute them (a group's peers when its rule lists are the same objects).
   */
  public Index<R> sameKeysWhen(BiPredicate<? super R, ? super R> same) {
    return new Index<>(name, type, keys, same);
  }

  /** Whether {@code before} and {@code after} are known to carry the same keys without computing them. */
  boolean knownSame(R before, R after) {
    return sameKeys != null && sameKeys.test(before, after);
  }

  /** An index on one key of each resource. */
  public static <R extends Resource> Index<R> by(String name, Class<R> type, Function<? super R, String> key) {
    return new Index<>(name, type, r -> {
      String k = key.apply(r);
      return k == null || k.isEmpty() ? List.of() : List.of(k);
    });
  }

  /** An index on any number of keys of each resource (a group's peer groups, an ENI's security groups). */
  public static <R extends Resource> Index<R> byEach(String name, Class<R> type,
      Function<? super R, ? extends Collection<String>> keys) {
    return new Index<>(name, type, keys);
  }

  public String name() {
    return name;
  }

  public Class<R> type() {
    return type;
  }

  /** The keys {@code r} is found by. */
  public Collection<String> keys(R r) {
    return keys.apply(r);
  }

  @Override
  public String toString() {
    return type.getSimpleName() + " by " + name;
  }
}
