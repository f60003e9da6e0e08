package io.openvpc.dataplane.host;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every namespace the data plane wants on this host, by name. */
public record HostState(Map<String, Netns> namespaces) {
  public static final HostState EMPTY = new HostState(Map.of());

  public HostState {
    namespaces = Collections.unmodifiableMap(new TreeMap<>(namespaces));
  }

  public static HostState of(Collection<Netns> namespaces) {
    Map<String, Netns> m = new TreeMap<>();
    for (Netns n : namespaces) {
      if (m.put(n.name(), n) != null) {
        throw new IllegalArgumentException("namespace " + n.name() + " rendered twice");
      }
    }
    return new HostState(m);
  }

  public Optional<Netns> namespace(String name) {
    return Optional.ofNullable(namespaces.get(name));
  }

  /** This state with {@code other}'s namespaces added (names must not clash). */
  public HostState plus(HostState other) {
    Map<String, Netns> m = new TreeMap<>(namespaces);
    for (Netns n : other.namespaces.values()) {
      if (m.put(n.name(), n) != null) {
        throw new IllegalArgumentException("namespace " + n.name() + " rendered twice");
      }
    }
    return new HostState(m);
  }
}
