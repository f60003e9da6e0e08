package io.openvpc.engine.graph;

import io.openvpc.model.Cidr;
import io.openvpc.model.GatewayType;

/**
 * One route a node uses: a local route of a VPC's blocks, or an enabled route of a route table, with
 * the next hop resolved. {@code routeItemId} is empty for local routes.
 */
public record EffectiveRoute(
    Cidr destination, GatewayType gatewayType, String gatewayId, String routeTableId, String routeItemId,
    long routeId, NextHop nextHop) {

  public boolean local() {
    return gatewayType == GatewayType.LOCAL;
  }

  /** The route as a person reads it: {@code 0.0.0.0/0 -> HAVIP havip-xxx (rti-yyy)}. */
  public String text() {
    return destination + " -> " + gatewayType + (local() ? "" : " " + gatewayId)
        + (routeItemId.isEmpty() ? "" : " (" + routeItemId + ")");
  }
}
