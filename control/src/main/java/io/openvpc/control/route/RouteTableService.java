package io.openvpc.control.route;

import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Ids;
import io.openvpc.control.Ledger;
import io.openvpc.control.Listing;
import io.openvpc.control.Page;
import io.openvpc.control.Quotas;
import io.openvpc.control.RuleEdit;
import io.openvpc.control.Validate;
import io.openvpc.control.subnet.SubnetService;
import io.openvpc.control.vpc.VpcService;
import io.openvpc.model.Cidr;
import io.openvpc.model.GatewayType;
import io.openvpc.model.Indexes;
import io.openvpc.model.Rejection;
import io.openvpc.model.Route;
import io.openvpc.model.RouteTable;
import io.openvpc.model.Scope;
import io.openvpc.model.Subnet;
import io.openvpc.model.Tag;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Route tables and their routes. The VPC's local routes are implicit (one per VPC block, derived, never
 * stored) and always win for destinations inside the VPC, so a user route to such a destination is
 * refused; a table holds at most one route per destination; next hops are checked by {@link NextHops}.
 */
public final class RouteTableService {
  /** Routes CreateRoutes, DeleteRoutes, ReplaceRoutes and ResetRoutes take per call. */
  static final int MAX_ROUTES_PER_CALL = 200;
  /** Routes EnableRoutes and DisableRoutes take per call. */
  static final int MAX_SWITCHED_PER_CALL = 100;

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
      // every table holds the VPC's local routes, whose next hop type is LOCAL
      .exact("next-hop-type", v -> java.util.stream.Stream.concat(java.util.stream.Stream.of("LOCAL"),
          v.table().routes().stream().map(r -> r.gatewayType().name())).toList())
      .bool("visible", v -> true)
      .tags(v -> v.table().tags());

  public RouteTable create(Scope scope, String vpcId, String name, List<Tag> tags) {
    String checked = Validate.name("RouteTableName", name, 60);
    List<Tag> checkedTags = Validate.tags("Tags", tags);
    return ledger.write(scope, change -> {
      Topology t = change.current();
      Vpc vpc = VpcService.require(t, vpcId, "VpcId");
      long limit = quotas.get("vpc-max-route-tables");
      if (t.countBy(Indexes.ROUTE_TABLE_BY_VPC, vpc.id()) >= limit) {
        throw RouteErrors.tooManyTables(limit);
      }
      return change.put(new RouteTable(Ids.next("rtb", t), vpc.id(), checked, false, List.of(), 1, checkedTags,
          clock.instant()));
    });
  }

  public Page<RouteTableView> describe(Scope scope, List<String> tableIds, List<Filter> filters, Long offset, Long limit) {
    List<String> ids = Validate.ids("RouteTableIds", tableIds, "rtb", "InvalidRouteTableId.Malformed", 100);
    Topology t = ledger.read(scope);
    if (ids.isEmpty() && (filters == null || filters.isEmpty())) {
      return Page.of(t, Indexes.ROUTE_TABLE_NEWEST, false, offset, limit).map(r -> view(t, r));
    }
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
    List<Subnet> subnets = t.by(Indexes.SUBNET_BY_ROUTE_TABLE, r.id());  // sorted by ID
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
        throw RouteErrors.defaultTableUndeletable(r);
      }
      List<String> subnets = t.by(Indexes.SUBNET_BY_ROUTE_TABLE, r.id()).stream().map(Subnet::id).toList();
      if (!subnets.isEmpty()) {
        throw RouteErrors.tableInUse(r, subnets);
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
    return edit(scope, tableId, null, requests -> requests.append(specs)).after();
  }

  /** DeleteRoutes: by RouteId or RouteItemId; returns the deleted routes. */
  public List<Route> deleteRoutes(Scope scope, String tableId, List<RouteSpec> specs) {
    requireSpecs(specs);
    Edited e = edit(scope, tableId, null, requests -> requests.delete(specs));
    return e.edit().deleted(e.before().routes());
  }

  public record Replaced(List<Route> before, List<Route> after) {}

  /** ReplaceRoutes: each named route gets a new destination and next hop, keeping its IDs. */
  public Replaced replaceRoutes(Scope scope, String tableId, List<RouteSpec> specs) {
    requireSpecs(specs);
    Edited e = edit(scope, tableId, null, requests -> requests.replace(specs));
    return new Replaced(e.edit().replaced(e.before().routes()), e.edit().replacements());
  }

  /** ResetRoutes: renames the table and replaces all its routes with {@code specs}. */
  public RouteTable resetRoutes(Scope scope, String tableId, String name, List<RouteSpec> specs) {
    String checked = Validate.name("RouteTableName", name, 60);
    List<RouteSpec> all = specs == null ? List.of() : specs;
    return edit(scope, tableId, checked, requests -> requests.replaceAll(all)).after();
  }

  /** EnableRoutes / DisableRoutes, by RouteIds or RouteItemIds (one of them). */
  public void setEnabled(Scope scope, String tableId, List<Long> routeIds, List<String> routeItemIds, boolean enabled) {
    boolean byIds = routeIds != null && !routeIds.isEmpty();
    boolean byItems = routeItemIds != null && !routeItemIds.isEmpty();
    if (byIds == byItems) {
      throw byIds ? RouteErrors.routeIdsAndItemIds() : Rejection.missing("RouteIds");
    }
    String member = byIds ? "RouteIds" : "RouteItemIds";
    List<RouteSpec> specs = byIds
        ? routeIds.stream().map(id -> new RouteSpec(null, null, null, null, null, id, null)).toList()
        : routeItemIds.stream().map(id -> new RouteSpec(null, null, null, null, null, null, id)).toList();
    if (specs.size() > MAX_SWITCHED_PER_CALL) {
      throw RouteErrors.tooManyRoutesPerCall(member, MAX_SWITCHED_PER_CALL);
    }
    edit(scope, tableId, null, requests -> requests.enable(specs, member, enabled));
  }

  private static void requireSpecs(List<RouteSpec> specs) {
    if (specs == null || specs.isEmpty()) {
      throw Rejection.missing("Routes");
    }
    if (specs.size() > MAX_ROUTES_PER_CALL) {
      throw RouteErrors.tooManyRoutesPerCall("Routes", MAX_ROUTES_PER_CALL);
    }
  }

  /** A table's routes edited: the table before and after, and the edit between them. */
  private record Edited(RouteTable before, RouteTable after, RuleEdit<Route> edit) {}

  /**
   * The one path of every route edit, in one transaction: the request resolved into an edit of the
   * table's routes ({@link RouteRequests}), applied, the quota checked when routes were added, new
   * routes numbered on from the table's next RouteId, and the table renamed when {@code name} is given.
   */
  private Edited edit(Scope scope, String tableId, String name, Function<RouteRequests, RuleEdit<Route>> request) {
    return ledger.write(scope, change -> {
      RouteTable r = SubnetService.requireTable(change.current(), tableId, "RouteTableId", null);
      RuleEdit<Route> edit = request.apply(new RouteRequests(change.current(), r, clock.instant()));
      List<Route> routes = edit.applyTo(r.routes());
      if (!edit.inserted().isEmpty()) {
        long limit = quotas.get("route-table-max-policies");
        if (routes.size() > limit) {
          throw RouteErrors.tooManyRoutes(limit);
        }
      }
      RouteTable next = change.put(with(r, name != null ? name : r.name(), routes,
          r.nextRouteId() + edit.inserted().size()));
      return new Edited(r, next, edit);
    });
  }

  private static RouteTable with(RouteTable r, String name, List<Route> routes, long nextRouteId) {
    return new RouteTable(r.id(), r.vpcId(), name, r.main(), routes, nextRouteId, r.tags(), r.createdTime());
  }

  /** For other services: the routes of a VPC's tables whose next hop is {@code type} {@code gatewayId}. */
  public static List<String> routesVia(Topology t, String vpcId, GatewayType type, String gatewayId) {
    List<String> out = new ArrayList<>();
    for (RouteTable rt : t.by(Indexes.ROUTE_TABLE_BY_VPC, vpcId)) {
      for (Route r : rt.routes()) {
        if (r.gatewayType() == type && r.gatewayId().equals(gatewayId)) {
          out.add("route " + r.routeItemId() + " of " + rt.id());
        }
      }
    }
    return out;
  }

}
