package io.openvpc.api;

import io.openvpc.api.types.ActionSpec;
import io.openvpc.api.types.clb.ClbActions;
import io.openvpc.api.types.cvm.CvmActions;
import io.openvpc.api.types.dc.DcActions;
import io.openvpc.api.types.openvpc.OpenvpcActions;
import io.openvpc.api.types.vpc.VpcActions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The registry of actions: every action Tencent defines for the products served (from the generated
 * descriptors) and the handler of each one OpenVPC implements. Registration is type-checked: a
 * handler must take the action's request type and return its response type.
 */
public final class Actions {
  /** An action with its handler, or none when OpenVPC does not implement it yet. */
  public record Entry<Q, R>(ActionSpec<Q, R> spec, ApiHandler<Q, R> handler, boolean regional) {}

  private static final Map<String, ActionSpec<?, ?>> KNOWN = known();
  private final Map<String, Entry<?, ?>> registered = new HashMap<>();

  private static Map<String, ActionSpec<?, ?>> known() {
    Map<String, ActionSpec<?, ?>> m = new HashMap<>();
    Stream.of(VpcActions.ALL, CvmActions.ALL, ClbActions.ALL, DcActions.ALL, OpenvpcActions.ALL).flatMap(List::stream)
        .forEach(s -> m.put(s.key(), s));
    return Map.copyOf(m);
  }

  public <Q, R> Actions on(ActionSpec<Q, R> spec, ApiHandler<Q, R> handler) {
    return put(new Entry<>(spec, handler, true));
  }

  /** Registers an action that needs no region ({@code DescribeRegions}). */
  public <Q, R> Actions onGlobal(ActionSpec<Q, R> spec, ApiHandler<Q, R> handler) {
    return put(new Entry<>(spec, handler, false));
  }

  private Actions put(Entry<?, ?> e) {
    if (registered.putIfAbsent(e.spec().key(), e) != null) {
      throw new IllegalStateException(e.spec().action() + " is registered twice");
    }
    return this;
  }

  /** The spec of an action Tencent defines for this version, whether implemented or not. */
  public static Optional<ActionSpec<?, ?>> spec(String version, String action) {
    return Optional.ofNullable(KNOWN.get(version + "/" + action));
  }

  /** Every action Tencent defines for the products served, implemented or not. */
  public static java.util.Collection<ActionSpec<?, ?>> defined() {
    return KNOWN.values();
  }

  /** Whether any product served uses this version. */
  public static boolean knownVersion(String version) {
    return KNOWN.values().stream().anyMatch(s -> s.version().equals(version));
  }

  public Optional<Entry<?, ?>> find(String version, String action) {
    return Optional.ofNullable(registered.get(version + "/" + action));
  }

  /** Names of the implemented actions of a product. */
  public Set<String> implemented(String service) {
    Set<String> out = new TreeSet<>();
    for (Entry<?, ?> e : registered.values()) {
      if (e.spec().service().equals(service)) {
        out.add(e.spec().action());
      }
    }
    return out;
  }

  public List<Entry<?, ?>> all() {
    return new ArrayList<>(registered.values());
  }
}
