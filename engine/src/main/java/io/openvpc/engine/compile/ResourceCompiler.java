package io.openvpc.engine.compile;

import io.openvpc.model.GatewayType;
import io.openvpc.model.Resource;
import java.util.List;
import java.util.Map;

/**
 * Compiles one kind of resource into the forwarding graph: nodes, edges, routes, address owners, rule
 * segments, named sets, and artifacts for other compilers. A product plugs in with one of these,
 * listed once in {@link Compilers}; nothing else in the engine changes.
 *
 * <p>{@link #compile} writes everything one resource contributes, reading other resources and the
 * graph only through the {@link Compilation}. Whatever it wrote last time and does not write now is
 * removed, so a compiler never undoes its own output. It must be a function of what it reads: the
 * incremental property test checks that any sequence of changes gives exactly a full compile.
 */
public interface ResourceCompiler<R extends Resource> {
  /** The kind of resource it compiles. */
  Class<R> kind();

  /** What it reads besides the resource it compiles, and how changes to each are handled. */
  List<Input> inputs();

  void compile(R resource, Compilation c);

  /** The next hops this product provides, by the gateway type routes name them with. */
  default Map<GatewayType, NextHopResolver> nextHops() {
    return Map.of();
  }
}
