package io.openvpc.model;

import java.time.Instant;
import java.util.List;

/**
 * A route table of a VPC. The VPC's local routes are implicit (they are derived from the VPC's
 * blocks, never stored); {@code routes} holds the user's and learned routes in creation order.
 */
public record RouteTable(
    String id,
    String vpcId,
    String name,
    boolean main,
    List<Route> routes,
    long nextRouteId,
    List<Tag> tags,
    Instant createdTime) implements Resource {

  public RouteTable {
    routes = List.copyOf(routes == null ? List.of() : routes);
    tags = List.copyOf(tags == null ? List.of() : tags);
  }
}
