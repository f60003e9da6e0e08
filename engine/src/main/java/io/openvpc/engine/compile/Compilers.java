package io.openvpc.engine.compile;

import io.openvpc.model.GatewayType;
import io.openvpc.model.Resource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registered compilers, one per resource kind, in the order a full compile runs them (producers of
 * artifacts before their readers, which only saves work: a reader compiled first is compiled again
 * when what it read appears). Also the next-hop resolvers the compilers provide, by gateway type, and
 * which inputs each compiler declared.
 */
public final class Compilers {
  private final List<ResourceCompiler<?>> all;
  private final Map<Class<? extends Resource>, Integer> rank = new HashMap<>();
  private final Map<GatewayType, NextHopResolver> nextHops = new EnumMap<>(GatewayType.class);
  private final Map<Class<? extends Resource>, Set<Object>> declared = new HashMap<>();
  private final Map<Object, List<ResourceCompiler<?>>> recomputeOn = new HashMap<>();

  public Compilers(List<ResourceCompiler<?>> compilers) {
    this.all = List.copyOf(compilers);
    for (int i = 0; i < all.size(); i++) {
      ResourceCompiler<?> c = all.get(i);
      if (rank.put(c.kind(), i) != null) {
        throw new IllegalArgumentException("two compilers for " + c.kind().getSimpleName());
      }
      c.nextHops().forEach((type, resolver) -> {
        if (nextHops.put(type, resolver) != null) {
          throw new IllegalArgumentException("two next-hop resolvers for " + type);
        }
      });
    }
    List<Input> resolverInputs = new ArrayList<>();
    nextHops.values().forEach(r -> resolverInputs.addAll(r.inputs()));
    for (ResourceCompiler<?> c : all) {
      Set<Object> sources = new HashSet<>();
      sources.add(c.kind());
      List<Input> inputs = new ArrayList<>(c.inputs());
      if (inputs.stream().anyMatch(i -> i.source() == Input.NEXT_HOPS)) {
        inputs.addAll(resolverInputs);
      }
      for (Input in : inputs) {
        sources.add(in.source());
        if (in.handling() == Input.Handling.RECOMPUTE) {
          recomputeOn.computeIfAbsent(in.source(), k -> new ArrayList<>()).add(c);
        }
      }
      declared.put(c.kind(), sources);
    }
  }

  public List<ResourceCompiler<?>> all() {
    return all;
  }

  @SuppressWarnings("unchecked")
  <R extends Resource> Optional<ResourceCompiler<R>> of(Class<R> kind) {
    Integer i = rank.get(kind);
    return i == null ? Optional.empty() : Optional.of((ResourceCompiler<R>) all.get(i));
  }

  /** The position of a kind's compiler in the full-compile order (-1: none). */
  int rank(Class<? extends Resource> kind) {
    return rank.getOrDefault(kind, -1);
  }

  Optional<NextHopResolver> nextHop(GatewayType type) {
    return Optional.ofNullable(nextHops.get(type));
  }

  /** Whether the compiler of {@code kind} declared {@code source} among its inputs. */
  boolean declares(Class<? extends Resource> kind, Object source) {
    Set<Object> s = declared.get(kind);
    return s != null && s.contains(source);
  }

  /** The compilers that recompile everything when {@code source} changes. */
  List<ResourceCompiler<?>> recomputeOn(Object source) {
    return recomputeOn.getOrDefault(source, List.of());
  }
}
