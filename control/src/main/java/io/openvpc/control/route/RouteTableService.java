package io.openvpc.control.route;

import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Ids;
import io.openvpc.control.Ledger;
import io.openvpc.control.Listing;
import io.openvpc.control.Page;
import io.openvpc.control.Quotas;
import io.openvpc.control.Validate;
import io.openvpc.control.subnet.SubnetService;
import io.openvpc.control.vpc.VpcService;
import io.openvpc.model.Cidr;
import io.openvpc.model.GatewayType;
import io.openvpc.model.Rejection;
import io.openvpc.model.Route;
import io.openvpc.model.RouteTable;
import io.openvpc.model.RouteType;
import io.openvpc.model.Scope;
import io.openvpc.model.Subnet;
import io.openvpc.model.Tag;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Route tables and their routes. The VPC's local routes are implicit (one per VPC block, derived, never
 * stored) and always win for destinations inside the VPC, so a user route to such a destination is
 * refused; a table holds at most one route per destination; next hops are checked by {@link NextHops}.
 */
public final class RouteTableService {
  private final Ledger ledger;
  private final Quotas quotas;
  private final Clock clock;

  public RouteTableService(Ledger ledger, Quotas quotas, Clock clock) {
    this.ledger = ledger;
    this.quotas = quotas;
    this.clock = clock;
  }

  /** A table with the subnets associated with it and the VPC's blocks (for the local routes). */
  public record RouteTableView(RouteTable table, Vpc vpc, List<Subnet> subnets) {
    /** The implicit local routes: one per IPv4 block of the VPC, and its IPv6 block. */
    public List<Cidr> localDestinations() {
      List<Cidr> out = new ArrayList<>(vpc.ipv4Blocks());
      if (vpc.ipv6CidrBlock() != null) {
        out.add(vpc.ipv6CidrBlock());
      }
      return out;
    }
  }

  private static final Filters<RouteTableView> FILTERS = new Filters<RouteTableView>()
      .exact("route-table-id", v -> v.table().id())
      .fuzzy("route-table-name", v -> v.table().name())
      .exact("vpc-id", v -> v.table().vpcId())
      .bool("association.main", v -> v.table().main())
      .exact("association.subnet-id", v -> v.subnets().stream().map(Subnet::id).toList())
      .exact("next-hop-type", v -> v.table().routes().stream().map(r -> r.gatewayType().name()).toList())
      .tags(v -> v.table().tags());

  public RouteTable create(Scope scope, String vpcId, String name, List<Tag> tags) {
    String checked = Validate.name("RouteTableName", name, 60);
    List<Tag> checkedTags = Validate.tags("Tags", tags);
    return ledger.write(scope, change -> {
      Topology t = change.current();
      Vpc vpc = VpcService.require(t, vpcId, "VpcId");
      long limit = quotas.get("vpc-max-route-tables");
      if (t.where(RouteTable.class, r -> r.vpcId().equals(vpc.id())).size() >= limit) {
        throw Rejection.limit("LimitExceeded", "route tables per VPC (vpc-max-route-tables)", limit);
      }
      return change.put(new RouteTable(Ids.next("rtb", t), vpc.id(), checked, false, List.of(), 1, checkedTags,
          clock.instant()));
    });
  }

  public Page<RouteTableView> describe(Scope scope, List<String> tableIds, List<Filter> filters, Long offset, Long limit) {
    List<String> ids = Validate.ids("RouteTableIds", tableIds, "rtb", "InvalidRouteTableId.Malformed", 100);
    Topology t = ledger.read(scope);
    List<RouteTableView> found = Listing.select("RouteTableIds", ids, filters,
        (id, p) -> view(t, SubnetService.requireTable(t, id, p, null)),
        t.all(RouteTable.class).stream().map(r -> view(t, r)).toList(), FILTERS,
        Comparator.comparing((RouteTableView v) -> v.table().createdTime()).reversed().thenComparing(v -> v.table().id()));
    return Page.of(found, offset, limit);
  }

  public RouteTableView view(Scope scope, String tableId) {
    Topology t = ledger.read(scope);
    return view(t, SubnetService.requireTable(t, tableId, "RouteTableId", null));
  }

  private static RouteTableView view(Topology t, RouteTable r) {
    List<Subnet> subnets = t.where(Subnet.class, s -> s.routeTableId().equals(r.id()));
    subnets.sort(Comparator.comparing(Subnet::id));
    return new RouteTableView(r, t.find(Vpc.class, r.vpcId()).orElseThrow(), subnets);
  }

  public RouteTable rename(Scope scope, String tableId, String name) {
    String checked = Validate.name("RouteTableName", name, 60);
    return ledger.write(scope, change -> {
      RouteTable r = SubnetService.requireTable(change.current(), tableId, "RouteTableId", null);
      return change.put(with(r, checked, r.routes(), r.nextRouteId()));
    });
  }

  /** Deletes a custom table no subnet uses. */
  public void delete(Scope scope, String tableId) {
    ledger.write(scope, change -> {
      Topology t = change.current();
      RouteTable r = SubnetService.requireTable(t, tableId, "RouteTableId", null);
      if (r.main()) {
        throw Rejection.value("UnsupportedOperation.NotSupportDeleteDefaultRouteTable", "RouteTableId", r.id()
            + " is the default route table of " + r.vpcId() + "; it goes with the VPC.");
      }
      List<String> subnets = t.where(Subnet.class, s -> s.routeTableId().equals(r.id())).stream().map(Subnet::id)
          .sorted().toList();
      if (!subnets.isEmpty()) {
        throw Rejection.inUse("ResourceInUse", r.id(), "subnets " + String.join(", ", subnets)
            + "; associate them with another table first (ReplaceRouteTableAssociation)");
      }
      change.delete(r);
      return null;
    });
  }

  /** ReplaceRouteTableAssociation: the subnet now uses {@code tableId}, a table of its VPC. */
  public Subnet associate(Scope scope, String subnetId, String tableId) {
    return ledger.write(scope, change -> {
      Topology t = change.current();
      Subnet s = SubnetService.require(t, subnetId, "SubnetId");
      RouteTable r = SubnetService.requireTable(t, tableId, "RouteTableId", s.vpcId());
      return SubnetService.withRouteTable(change, s, r.id());
    });
  }

  /** CreateRoutes: adds routes to a table; returns the table as changed. */
  public RouteTable createRoutes(Scope scope, String tableId, List<RouteSpec> specs) {
    requireSpecs(specs);
    return ledger.write(scope, change -> {
      RouteTable r = SubnetService.requireTable(change.current(), tableId, "RouteTableId", null);
      List<Route> routes = new ArrayList<>(r.routes());
      long next = r.nextRouteId();
      for (int i = 0; i < specs.size(); i++) {
        Route route = route(change.current(), r, specs.get(i), "Routes." + i + ".", next++, null, routes);
        routes.add(route);
      }
      requireQuota(routes.size());
      return change.put(with(r, r.name(), routes, next));
    });
  }

  private static void requireSpecs(List<RouteSpec> specs) {
    if (specs == null || specs.isEmpty()) {
      throw Rejection.missing("Routes");
    }
    if (specs.size() > 200) {
      throw Rejection.value("InvalidParameterValue.LimitExceeded", "Routes", "at most 200 routes per call.");
    }
  }

  private void requireQuota(int count) {
    long limit = quotas.get("route-table-max-policies");
    if (count > limit) {
      throw Rejection.limit("LimitExceeded", "routes per route table (route-table-max-policies)", limit);
    }
  }

  /**
   * Builds a checked route: its destination outside the VPC and new to {@code others}, its next hop
   * valid. {@code keep} is the route it replaces (its IDs and creation time carry over), or null.
   */
  private Route route(Topology t, RouteTable table, RouteSpec spec, String prefix, long routeId, Route keep,
      List<Route> others) {
    Vpc vpc = t.find(Vpc.class, table.vpcId()).orElseThrow();
    Cidr destination = destination(vpc, spec, prefix);
    GatewayType type = NextHops.type(prefix + "GatewayType", spec.gatewayType());
    String gateway = NextHops.check(t, vpc, type, prefix + "GatewayId", spec.gatewayId());
    String description = Validate.optionalText(prefix + "RouteDescription", spec.description(), 100);
    for (Route o : others) {
      if (o.destination().equals(destination) && (keep == null || o.routeId() != keep.routeId()
          || !o.routeItemId().equals(keep.routeItemId()))) {
        boolean same = o.gatewayType() == type && o.gatewayId().equals(gateway);
        throw Rejection.value(same ? "InvalidParameterValue.Duplicate" : "UnsupportedOperation.EcmpWithUserRoute",
            prefix + (destination.isIpv4() ? "DestinationCidrBlock" : "DestinationIpv6CidrBlock"), "route "
                + o.routeItemId() + " of " + table.id() + " already goes to " + destination + " via " + o.gatewayType()
                + " " + o.gatewayId() + "; a table holds one route per destination.");
      }
    }
    return new Route(keep != null ? keep.routeId() : routeId,
        keep != null ? keep.routeItemId() : Ids.random("rti", 8), destination, type, gateway,
        description == null ? "" : description, keep == null || keep.enabled(), RouteType.USER, false,
        keep != null ? keep.createdTime() : clock.instant());
  }

  private static Cidr destination(Vpc vpc, RouteSpec spec, String prefix) {
    boolean v4 = spec.destination() != null && !spec.destination().isEmpty();
    boolean v6 = spec.ipv6Destination() != null && !spec.ipv6Destination().isEmpty();
    if (v4 == v6) {
      throw v4 ? Rejection.value("InvalidParameterValue.Combination", prefix + "DestinationIpv6CidrBlock",
          "give either DestinationCidrBlock or DestinationIpv6CidrBlock, not both.")
          : Rejection.missing(prefix + "DestinationCidrBlock");
    }
    String parameter = prefix + (v4 ? "DestinationCidrBlock" : "DestinationIpv6CidrBlock");
    Cidr d = Validate.cidr(parameter, v4 ? spec.destination() : spec.ipv6Destination());
    if (d.isIpv4() != v4) {
      throw Rejection.malformed(parameter, d.toString(), v4 ? "an IPv4 block" : "an IPv6 block");
    }
    if (vpc.covers(d)) {
      throw Rejection.value("InvalidParameterValue.VpcCidrConflict", parameter, "`" + d + "` lies inside "
          + vpc.id() + "'s own blocks, which its local route always serves.");
    }
    return d;
  }

  /** DeleteRoutes: by RouteId or RouteItemId; returns the deleted routes. */
  public List<Route> deleteRoutes(Scope scope, String tableId, List<RouteSpec> specs) {
    requireSpecs(specs);
    return ledger.write(scope, change -> {
      RouteTable r = SubnetService.requireTable(change.current(), tableId, "RouteTableId", null);
      List<Route> routes = new ArrayList<>(r.routes());
      List<Route> deleted = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        Route found = find(r, routes, specs.get(i), "Routes." + i + ".");
        routes.remove(found);
        deleted.add(found);
      }
      change.put(with(r, r.name(), routes, r.nextRouteId()));
      return deleted;
    });
  }

  private static Route find(RouteTable r, List<Route> routes, RouteSpec spec, String prefix) {
    boolean byItem = spec.routeItemId() != null && !spec.routeItemId().isEmpty();
    if (!byItem && (spec.routeId() == null || spec.routeId() == 0)) {
      if (spec.routeId() != null) {
        throw Rejection.value("UnsupportedOperation.SystemRoute", prefix + "RouteId", "route 0 is a local route of "
            + r.vpcId() + "; local routes cannot change.");
      }
      throw Rejection.missing(prefix + "RouteId");
    }
    String name = byItem ? spec.routeItemId() : Long.toString(spec.routeId());
    return routes.stream().filter(x -> byItem ? x.routeItemId().equals(spec.routeItemId()) : x.routeId() == spec.routeId())
        .findFirst().orElseThrow(() -> Rejection.notFound("InvalidRouteId.NotFound",
            prefix + (byItem ? "RouteItemId" : "RouteId"), name + " in " + r.id()));
  }

  public record Replaced(List<Route> before, List<Route> after) {}

  /** ReplaceRoutes: each named route gets a new destination and next hop, keeping its IDs. */
  public Replaced replaceRoutes(Scope scope, String tableId, List<RouteSpec> specs) {
    requireSpecs(specs);
    return ledger.write(scope, change -> {
      RouteTable r = SubnetService.requireTable(change.current(), tableId, "RouteTableId", null);
      List<Route> routes = new ArrayList<>(r.routes());
      List<Route> before = new ArrayList<>();
      List<Route> after = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        String prefix = "Routes." + i + ".";
        Route old = find(r, routes, specs.get(i), prefix);
        Route replacement = route(change.current(), r, specs.get(i), prefix, 0, old, routes);
        routes.set(routes.indexOf(old), replacement);
        before.add(old);
        after.add(replacement);
      }
      change.put(with(r, r.name(), routes, r.nextRouteId()));
      return new Replaced(before, after);
    });
  }

  /** ResetRoutes: renames the table and replaces all its routes with {@code specs}. */
  public RouteTable resetRoutes(Scope scope, String tableId, String name, List<RouteSpec> specs) {
    String checked = Validate.name("RouteTableName", name, 60);
    List<RouteSpec> all = specs == null ? List.of() : specs;
    return ledger.write(scope, change -> {
      RouteTable r = SubnetService.requireTable(change.current(), tableId, "RouteTableId", null);
      List<Route> routes = new ArrayList<>();
      long next = r.nextRouteId();
      for (int i = 0; i < all.size(); i++) {
        routes.add(route(change.current(), r, all.get(i), "Routes." + i + ".", next++, null, routes));
      }
      requireQuota(routes.size());
      return change.put(with(r, checked, routes, next));
    });
  }

  /** EnableRoutes / DisableRoutes, by RouteIds or RouteItemIds (one of them). */
  public void setEnabled(Scope scope, String tableId, List<Long> routeIds, List<String> routeItemIds, boolean enabled) {
    boolean byIds = routeIds != null && !routeIds.isEmpty();
    boolean byItems = routeItemIds != null && !routeItemIds.isEmpty();
    if (byIds == byItems) {
      throw byIds ? new Rejection("InvalidParameterValue.Combination", "`RouteIds` and `RouteItemIds` cannot be given "
          + "together.", "`RouteIds` 与 `RouteItemIds` 不能同时指定。") : Rejection.missing("RouteIds");
    }
    int n = byIds ? routeIds.size() : routeItemIds.size();
    if (n > 100) {
      throw Rejection.value("InvalidParameterValue.LimitExceeded", byIds ? "RouteIds" : "RouteItemIds",
          "at most 100 routes per call.");
    }
    ledger.write(scope, change -> {
      RouteTable r = SubnetService.requireTable(change.current(), tableId, "RouteTableId", null);
      List<Route> routes = new ArrayList<>(r.routes());
      Set<Integer> seen = new HashSet<>();
      for (int i = 0; i < n; i++) {
        RouteSpec spec = byIds ? new RouteSpec(null, null, null, null, null, routeIds.get(i), null)
            : new RouteSpec(null, null, null, null, null, null, routeItemIds.get(i));
        Route x = find(r, routes, spec, (byIds ? "RouteIds." : "RouteItemIds.") + i + ".");
        int at = routes.indexOf(x);
        if (!seen.add(at)) {
          continue;
        }
        routes.set(at, new Route(x.routeId(), x.routeItemId(), x.destination(), x.gatewayType(), x.gatewayId(),
            x.description(), enabled, x.routeType(), x.publishedToVbc(), x.createdTime()));
      }
      change.put(with(r, r.name(), routes, r.nextRouteId()));
      return null;
    });
  }

  private static RouteTable with(RouteTable r, String name, List<Route> routes, long nextRouteId) {
    return new RouteTable(r.id(), r.vpcId(), name, r.main(), routes, nextRouteId, r.tags(), r.createdTime());
  }

  /** For other services: the routes of a VPC's tables whose next hop is {@code type} {@code gatewayId}. */
  public static List<String> routesVia(Topology t, String vpcId, GatewayType type, String gatewayId) {
    List<String> out = new ArrayList<>();
    for (RouteTable rt : t.where(RouteTable.class, r -> r.vpcId().equals(vpcId))) {
      for (Route r : rt.routes()) {
        if (r.gatewayType() == type && r.gatewayId().equals(gatewayId)) {
          out.add("route " + r.routeItemId() + " of " + rt.id());
        }
      }
    }
    return out;
  }

}
