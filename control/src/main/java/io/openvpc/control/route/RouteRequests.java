package io.openvpc.control.route;

import io.openvpc.control.Ids;
import io.openvpc.control.RuleEdit;
import io.openvpc.control.Validate;
import io.openvpc.model.Cidr;
import io.openvpc.model.GatewayType;
import io.openvpc.model.Rejection;
import io.openvpc.model.Route;
import io.openvpc.model.RouteTable;
import io.openvpc.model.RouteType;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Resolves the route-editing requests of one route table into a {@link RuleEdit} of its routes,
 * checked once: every route named by RouteId or RouteItemId found, every new route's destination and
 * next hop checked, each against the routes as the edit so far leaves them (a table holds one route
 * per destination). Nothing changes here: {@link RouteTableService} applies the edit.
 */
final class RouteRequests {
  private final Topology t;
  private final RouteTable table;
  private final Vpc vpc;
  private final Instant now;

  RouteRequests(Topology t, RouteTable table, Instant now) {
    this.t = t;
    this.table = table;
    this.vpc = t.find(Vpc.class, table.vpcId()).orElseThrow();
    this.now = now;
  }

  /** CreateRoutes: the routes appended, numbered on from the table's next RouteId. */
  RuleEdit<Route> append(List<RouteSpec> specs) {
    return appendAll(RuleEdit.none(), specs);
  }

  /** ResetRoutes: the table's routes become exactly those given. */
  RuleEdit<Route> replaceAll(List<RouteSpec> specs) {
    return appendAll(RuleEdit.replaceAll(table.routes().size(), List.of()), specs);
  }

  private RuleEdit<Route> appendAll(RuleEdit<Route> edit, List<RouteSpec> specs) {
    long next = table.nextRouteId();
    for (int i = 0; i < specs.size(); i++) {
      edit = edit.appending(route(specs.get(i), "Routes." + i + ".", next++, null, edit));
    }
    return edit;
  }

  /** ReplaceRoutes: each named route gets a new destination and next hop, keeping its IDs. */
  RuleEdit<Route> replace(List<RouteSpec> specs) {
    RuleEdit<Route> edit = RuleEdit.none();
    for (int i = 0; i < specs.size(); i++) {
      String prefix = "Routes." + i + ".";
      int at = find(specs.get(i), prefix, List.of());
      edit = edit.replacing(at, route(specs.get(i), prefix, 0, edit.at(table.routes(), at), edit));
    }
    return edit;
  }

  /** DeleteRoutes: the named routes go; a route named twice is not found the second time. */
  RuleEdit<Route> delete(List<RouteSpec> specs) {
    RuleEdit<Route> edit = RuleEdit.none();
    for (int i = 0; i < specs.size(); i++) {
      edit = edit.deleting(find(specs.get(i), "Routes." + i + ".", edit.deletedAt()));
    }
    return edit;
  }

  /** EnableRoutes / DisableRoutes: each route named (once, however often it is named) with the flag set. */
  RuleEdit<Route> enable(List<RouteSpec> specs, String member, boolean enabled) {
    RuleEdit<Route> edit = RuleEdit.none();
    for (int i = 0; i < specs.size(); i++) {
      int at = find(specs.get(i), member + "." + i + ".", List.of());
      if (!edit.replacedAt().contains(at)) {
        Route x = table.routes().get(at);
        edit = edit.replacing(at, new Route(x.routeId(), x.routeItemId(), x.destination(), x.gatewayType(),
            x.gatewayId(), x.description(), enabled, x.routeType(), x.publishedToVbc(), x.createdTime()));
      }
    }
    return edit;
  }

  /** The position, outside {@code taken}, of the route a spec names by RouteItemId or RouteId. */
  private int find(RouteSpec spec, String prefix, Collection<Integer> taken) {
    boolean byItem = spec.routeItemId() != null && !spec.routeItemId().isEmpty();
    if (!byItem && (spec.routeId() == null || spec.routeId() == 0)) {
      if (spec.routeId() != null) {
        throw RouteErrors.localRoute(prefix + "RouteId", table.vpcId());
      }
      throw Rejection.missing(prefix + "RouteId");
    }
    int at = RuleEdit.firstFree(table.routes(), x -> byItem ? x.routeItemId().equals(spec.routeItemId())
        : x.routeId() == spec.routeId(), taken);
    if (at < 0) {
      throw RouteErrors.routeNotFound(prefix + (byItem ? "RouteItemId" : "RouteId"),
          byItem ? spec.routeItemId() : Long.toString(spec.routeId()), table);
    }
    return at;
  }

  /**
   * A checked route: its destination outside the VPC and new to the routes as {@code edit} leaves them,
   * its next hop valid. {@code keep} is the route it replaces (its IDs and creation time carry over), or
   * null for a new route numbered {@code routeId}.
   */
  private Route route(RouteSpec spec, String prefix, long routeId, Route keep, RuleEdit<Route> edit) {
    Cidr destination = destination(spec, prefix);
    GatewayType type = NextHops.type(prefix + "GatewayType", spec.gatewayType());
    String gateway = NextHops.check(t, vpc, type, prefix + "GatewayId", spec.gatewayId());
    String description = Validate.optionalText(prefix + "RouteDescription", spec.description(), 100);
    for (Route o : edit.applyTo(table.routes())) {
      if (o.destination().equals(destination) && (keep == null || o.routeId() != keep.routeId()
          || !o.routeItemId().equals(keep.routeItemId()))) {
        throw RouteErrors.destinationTaken(prefix + (destination.isIpv4() ? "DestinationCidrBlock"
            : "DestinationIpv6CidrBlock"), o, table, destination, o.gatewayType() == type && o.gatewayId().equals(gateway));
      }
    }
    return new Route(keep != null ? keep.routeId() : routeId,
        keep != null ? keep.routeItemId() : Ids.random("rti", 8), destination, type, gateway,
        description == null ? "" : description, keep == null || keep.enabled(), RouteType.USER, false,
        keep != null ? keep.createdTime() : now);
  }

  private Cidr destination(RouteSpec spec, String prefix) {
    boolean v4 = spec.destination() != null && !spec.destination().isEmpty();
    boolean v6 = spec.ipv6Destination() != null && !spec.ipv6Destination().isEmpty();
    if (v4 == v6) {
      throw v4 ? RouteErrors.bothDestinations(prefix + "DestinationIpv6CidrBlock")
          : Rejection.missing(prefix + "DestinationCidrBlock");
    }
    String parameter = prefix + (v4 ? "DestinationCidrBlock" : "DestinationIpv6CidrBlock");
    Cidr d = Validate.cidr(parameter, v4 ? spec.destination() : spec.ipv6Destination());
    if (d.isIpv4() != v4) {
      throw RouteErrors.destinationFamily(parameter, d, v4);
    }
    if (vpc.covers(d)) {
      throw RouteErrors.destinationInsideVpc(parameter, d, vpc);
    }
    return d;
  }
}
