package io.openvpc.api.vpc;

import io.openvpc.api.Actions;
import io.openvpc.api.Call;
import io.openvpc.api.Convert;
import io.openvpc.api.HandlerFamily;
import io.openvpc.api.Times;
import io.openvpc.api.types.vpc.CreateRouteTableRequest;
import io.openvpc.api.types.vpc.CreateRouteTableResponse;
import io.openvpc.api.types.vpc.CreateRoutesRequest;
import io.openvpc.api.types.vpc.CreateRoutesResponse;
import io.openvpc.api.types.vpc.DeleteRouteTableRequest;
import io.openvpc.api.types.vpc.DeleteRouteTableResponse;
import io.openvpc.api.types.vpc.DeleteRoutesRequest;
import io.openvpc.api.types.vpc.DeleteRoutesResponse;
import io.openvpc.api.types.vpc.DescribeRouteTablesRequest;
import io.openvpc.api.types.vpc.DescribeRouteTablesResponse;
import io.openvpc.api.types.vpc.DisableRoutesRequest;
import io.openvpc.api.types.vpc.DisableRoutesResponse;
import io.openvpc.api.types.vpc.EnableRoutesRequest;
import io.openvpc.api.types.vpc.EnableRoutesResponse;
import io.openvpc.api.types.vpc.ModifyRouteTableAttributeRequest;
import io.openvpc.api.types.vpc.ModifyRouteTableAttributeResponse;
import io.openvpc.api.types.vpc.ReplaceRouteTableAssociationRequest;
import io.openvpc.api.types.vpc.ReplaceRouteTableAssociationResponse;
import io.openvpc.api.types.vpc.ReplaceRoutesRequest;
import io.openvpc.api.types.vpc.ReplaceRoutesResponse;
import io.openvpc.api.types.vpc.ResetRoutesRequest;
import io.openvpc.api.types.vpc.ResetRoutesResponse;
import io.openvpc.api.types.vpc.RouteTableAssociation;
import io.openvpc.api.types.vpc.VpcActions;
import io.openvpc.control.Page;
import io.openvpc.control.route.RouteSpec;
import io.openvpc.control.route.RouteTableService;
import io.openvpc.control.route.RouteTableService.RouteTableView;
import io.openvpc.model.Cidr;
import io.openvpc.model.Route;
import io.openvpc.model.RouteTable;
import java.util.ArrayList;
import java.util.List;

/** Route tables, their routes and the subnets' association with them. */
public final class RouteTableHandlers implements HandlerFamily {
  private final RouteTableService tables;

  public RouteTableHandlers(RouteTableService tables) {
    this.tables = tables;
  }

  @Override
  public void register(Actions actions) {
    actions.on(VpcActions.CreateRouteTable, this::create)
        .on(VpcActions.DescribeRouteTables, this::describe)
        .on(VpcActions.ModifyRouteTableAttribute, this::modify)
        .on(VpcActions.DeleteRouteTable, this::delete)
        .on(VpcActions.ReplaceRouteTableAssociation, this::associate)
        .on(VpcActions.CreateRoutes, this::createRoutes)
        .on(VpcActions.DeleteRoutes, this::deleteRoutes)
        .on(VpcActions.ReplaceRoutes, this::replaceRoutes)
        .on(VpcActions.ResetRoutes, this::resetRoutes)
        .on(VpcActions.EnableRoutes, this::enable)
        .on(VpcActions.DisableRoutes, this::disable);
  }

  CreateRouteTableResponse create(Call call, CreateRouteTableRequest r) {
    RouteTable t = tables.create(call.scope(), r.getVpcId(), r.getRouteTableName(), Convert.tags(r.getTags()));
    return new CreateRouteTableResponse().setRouteTable(view(tables.view(call.scope(), t.id())));
  }

  DescribeRouteTablesResponse describe(Call call, DescribeRouteTablesRequest r) {
    Page<RouteTableView> page = tables.describe(call.scope(), r.getRouteTableIds(), Convert.filters(r.getFilters()),
        Convert.number("Offset", r.getOffset()), Convert.number("Limit", r.getLimit()));
    return new DescribeRouteTablesResponse().setTotalCount(page.totalCount())
        .setRouteTableSet(page.items().stream().map(RouteTableHandlers::view).toList());
  }

  ModifyRouteTableAttributeResponse modify(Call call, ModifyRouteTableAttributeRequest r) {
    tables.rename(call.scope(), r.getRouteTableId(), r.getRouteTableName());
    return new ModifyRouteTableAttributeResponse();
  }

  DeleteRouteTableResponse delete(Call call, DeleteRouteTableRequest r) {
    tables.delete(call.scope(), r.getRouteTableId());
    return new DeleteRouteTableResponse();
  }

  ReplaceRouteTableAssociationResponse associate(Call call, ReplaceRouteTableAssociationRequest r) {
    tables.associate(call.scope(), r.getSubnetId(), r.getRouteTableId());
    return new ReplaceRouteTableAssociationResponse();
  }

  static List<RouteSpec> specs(List<io.openvpc.api.types.vpc.Route> routes) {
    return routes == null ? null : routes.stream().map(x -> new RouteSpec(x.getDestinationCidrBlock(),
        x.getDestinationIpv6CidrBlock(), x.getGatewayType(), x.getGatewayId(), x.getRouteDescription(), x.getRouteId(),
        x.getRouteItemId())).toList();
  }

  CreateRoutesResponse createRoutes(Call call, CreateRoutesRequest r) {
    RouteTable t = tables.createRoutes(call.scope(), r.getRouteTableId(), specs(r.getRoutes()));
    return new CreateRoutesResponse().setTotalCount(1L).setRouteTableSet(List.of(view(tables.view(call.scope(), t.id()))));
  }

  DeleteRoutesResponse deleteRoutes(Call call, DeleteRoutesRequest r) {
    List<Route> deleted = tables.deleteRoutes(call.scope(), r.getRouteTableId(), specs(r.getRoutes()));
    return new DeleteRoutesResponse().setRouteSet(deleted.stream().map(x -> view(x, r.getRouteTableId())).toList());
  }

  ReplaceRoutesResponse replaceRoutes(Call call, ReplaceRoutesRequest r) {
    RouteTableService.Replaced replaced = tables.replaceRoutes(call.scope(), r.getRouteTableId(), specs(r.getRoutes()));
    return new ReplaceRoutesResponse()
        .setOldRouteSet(replaced.before().stream().map(x -> view(x, r.getRouteTableId())).toList())
        .setNewRouteSet(replaced.after().stream().map(x -> view(x, r.getRouteTableId())).toList());
  }

  ResetRoutesResponse resetRoutes(Call call, ResetRoutesRequest r) {
    tables.resetRoutes(call.scope(), r.getRouteTableId(), r.getRouteTableName(), specs(r.getRoutes()));
    return new ResetRoutesResponse();
  }

  EnableRoutesResponse enable(Call call, EnableRoutesRequest r) {
    tables.setEnabled(call.scope(), r.getRouteTableId(), r.getRouteIds(), r.getRouteItemIds(), true);
    return new EnableRoutesResponse();
  }

  DisableRoutesResponse disable(Call call, DisableRoutesRequest r) {
    tables.setEnabled(call.scope(), r.getRouteTableId(), r.getRouteIds(), r.getRouteItemIds(), false);
    return new DisableRoutesResponse();
  }

  /** The API shape of a table: the implicit local routes first, as Tencent lists them, then the user's. */
  static io.openvpc.api.types.vpc.RouteTable view(RouteTableView v) {
    RouteTable t = v.table();
    List<io.openvpc.api.types.vpc.Route> routes = new ArrayList<>();
    for (Cidr local : v.localDestinations()) {
      io.openvpc.api.types.vpc.Route r = new io.openvpc.api.types.vpc.Route()
          .setGatewayType("LOCAL").setGatewayId("Local").setRouteId(0L).setRouteItemId("")
          .setRouteDescription("local route of " + t.vpcId()).setEnabled(true)
          // not USER, the only type a caller may edit: NETD is Tencent's type for the routes the system installs
          // and nobody may edit or delete (its Route.RouteType lists USER, NETD and CCN)
          .setRouteType("NETD")
          .setRouteTableId(t.id()).setPublishedToVbc(false).setCreatedTime(Times.local(v.vpc().createdTime()))
          .setCdcId("");
      if (local.isIpv4()) {
        r.setDestinationCidrBlock(local.toString()).setDestinationIpv6CidrBlock("");
      } else {
        r.setDestinationCidrBlock("").setDestinationIpv6CidrBlock(local.toString());
      }
      routes.add(r);
    }
    t.routes().forEach(x -> routes.add(view(x, t.id())));
    return new io.openvpc.api.types.vpc.RouteTable()
        .setVpcId(t.vpcId())
        .setRouteTableId(t.id())
        .setRouteTableName(t.name())
        .setAssociationSet(v.subnets().stream().map(s -> new RouteTableAssociation().setSubnetId(s.id())
            .setRouteTableId(t.id())).toList())
        .setRouteSet(routes)
        .setMain(t.main())
        .setCreatedTime(Times.local(t.createdTime()))
        .setTagSet(Convert.tagSet(t.tags()))
        .setLocalCidrForCcn(List.of());
  }

  static io.openvpc.api.types.vpc.Route view(Route x, String tableId) {
    boolean v4 = x.destination().isIpv4();
    return new io.openvpc.api.types.vpc.Route()
        .setDestinationCidrBlock(v4 ? x.destination().toString() : "")
        .setDestinationIpv6CidrBlock(v4 ? "" : x.destination().toString())
        .setGatewayType(x.gatewayType().name())
        .setGatewayId(x.gatewayId())
        .setRouteId(v4 ? x.routeId() : 0L)
        .setRouteItemId(x.routeItemId())
        .setRouteDescription(x.description())
        .setEnabled(x.enabled())
        .setRouteType(x.routeType().name())
        .setRouteTableId(tableId)
        .setPublishedToVbc(x.publishedToVbc())
        .setCreatedTime(Times.local(x.createdTime()))
        .setCdcId("");
  }
}
