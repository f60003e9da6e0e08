package io.openvpc.dataplane.render;

import io.openvpc.engine.graph.NodeKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The renderer of each node kind the Linux data plane realises, listed once. */
public final class Renderers {
  private final Map<NodeKind, NodeRenderer> byKind = new EnumMap<>(NodeKind.class);

  public Renderers(List<NodeRenderer> renderers) {
    for (NodeRenderer r : renderers) {
      if (byKind.put(r.kind(), r) != null) {
        throw new IllegalArgumentException("two renderers for " + r.kind());
      }
    }
  }

  public static Renderers linux() {
    return new Renderers(List.of(new VpcRouterRenderer(), new SubnetRenderer(), new NetworkInterfaceRenderer()));
  }

  public Optional<NodeRenderer> of(NodeKind kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  public java.util.Set<NodeKind> kinds() {
    return byKind.keySet();
  }
}
