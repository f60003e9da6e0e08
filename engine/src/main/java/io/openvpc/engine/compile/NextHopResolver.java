package io.openvpc.engine.compile;

import io.openvpc.engine.graph.NextHop;
import io.openvpc.model.Route;
import java.util.List;

/**
 * Resolves the next hop of a route of one gateway type ({@code CVM}, {@code HAVIP}, ...) against the
 * graph, reading through the route table's {@link Compilation} so that a route is resolved again when
 * what it points at changes. The product that provides the gateway provides its resolver.
 */
public interface NextHopResolver {
  NextHop resolve(String vpcId, Route route, Compilation c);

  /** What {@link #resolve} reads. */
  List<Input> inputs();
}
