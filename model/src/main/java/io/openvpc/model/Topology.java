package io.openvpc.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An immutable snapshot of every resource of one {@link Scope} at one revision. Writers derive the
 * next snapshot with {@link #apply}, which copies only the kinds that changed; readers never lock.
 */
public final class Topology {
  private final Scope scope;
  private final long revision;
  private final Map<Class<? extends Resource>, Map<String, Resource>> byType;

  private Topology(Scope scope, long revision, Map<Class<? extends Resource>, Map<String, Resource>> byType) {
    this.scope = scope;
    this.revision = revision;
    this.byType = byType;
  }

  public static Topology empty(Scope scope) {
    return new Topology(scope, 0, Map.of());
  }

  /** Builds a snapshot from loaded resources. */
  public static Topology of(Scope scope, long revision, Collection<? extends Resource> resources) {
    Map<Class<? extends Resource>, Map<String, Resource>> m = new HashMap<>();
    for (Resource r : resources) {
      m.computeIfAbsent(r.getClass(), k -> new HashMap<>()).put(r.id(), r);
    }
    m.replaceAll((k, v) -> Collections.unmodifiableMap(v));
    return new Topology(scope, revision, Collections.unmodifiableMap(m));
  }

  public Scope scope() {
    return scope;
  }

  public long revision() {
    return revision;
  }

  public <R extends Resource> Optional<R> find(Class<R> type, String id) {
    if (id == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(type.cast(byType.getOrDefault(type, Map.of()).get(id)));
  }

  /** All resources of a type, in no particular order. */
  @SuppressWarnings("unchecked")
  public <R extends Resource> Collection<R> all(Class<R> type) {
    return (Collection<R>) byType.getOrDefault(type, Map.of()).values();
  }

  public <R extends Resource> List<R> where(Class<R> type, Predicate<? super R> filter) {
    List<R> out = new ArrayList<>();
    for (R r : all(type)) {
      if (filter.test(r)) {
        out.add(r);
      }
    }
    return out;
  }

  public int count(Class<? extends Resource> type) {
    return byType.getOrDefault(type, Map.of()).size();
  }

  /** Any resource with this ID, whatever its type. */
  public Optional<Resource> anyById(String id) {
    for (Map<String, Resource> m : byType.values()) {
      Resource r = m.get(id);
      if (r != null) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The next snapshot: {@code puts} replace or add resources by ID, {@code deletes} remove them. */
  public Topology apply(long newRevision, Collection<? extends Resource> puts, Collection<ResourceKey> deletes) {
    Map<Class<? extends Resource>, Map<String, Resource>> copy = new HashMap<>(byType);
    Map<Class<? extends Resource>, Map<String, Resource>> touched = new HashMap<>();
    for (ResourceKey d : deletes) {
      touched.computeIfAbsent(d.type(), k -> new HashMap<>(byType.getOrDefault(k, Map.of()))).remove(d.id());
    }
    for (Resource r : puts) {
      touched.computeIfAbsent(r.getClass(), k -> new HashMap<>(byType.getOrDefault(k, Map.of()))).put(r.id(), r);
    }
    touched.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(v)));
    return new Topology(scope, newRevision, Collections.unmodifiableMap(copy));
  }
}
