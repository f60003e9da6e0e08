package io.openvpc.model;

import java.time.Instant;

/** One route of a route table: destination block, next-hop type and next hop. */
public record Route(
    long routeId,
    String routeItemId,
    Cidr destination,
    GatewayType gatewayType,
    String gatewayId,
    String description,
    boolean enabled,
    RouteType routeType,
    boolean publishedToVbc,
    Instant createdTime) {

  public Route {
    description = description == null ? "" : description;
  }
}
