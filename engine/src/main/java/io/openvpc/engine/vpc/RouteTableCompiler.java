package io.openvpc.engine.vpc;

import io.openvpc.engine.compile.Artifact;
import io.openvpc.engine.compile.Compilation;
import io.openvpc.engine.compile.Input;
import io.openvpc.engine.compile.ResourceCompiler;
import io.openvpc.engine.graph.EffectiveRoute;
import io.openvpc.model.Route;
import io.openvpc.model.RouteTable;
import java.util.Comparator;
import java.util.List;

/**
 * A route table becomes the routes its subnets look destinations up in: its enabled routes by
 * descending prefix length (ties keep creation order), each next hop resolved by the resolver of its
 * gateway type, which the product behind that gateway provides. A route is resolved again whenever what
 * its resolver read changes (the ENI of a CVM next hop, the holder of a HAVIP).
 */
public final class RouteTableCompiler implements ResourceCompiler<RouteTable> {
  /** A table's routes in lookup order. */
  public static final Artifact<List<EffectiveRoute>> ROUTES = Artifact.of("route table routes");

  @Override
  public Class<RouteTable> kind() {
    return RouteTable.class;
  }

  @Override
  public List<Input> inputs() {
    return List.of(Input.nextHops());
  }

  @Override
  public void compile(RouteTable rt, Compilation c) {
    List<EffectiveRoute> routes = rt.routes().stream().filter(Route::enabled)
        .sorted(Comparator.comparingInt((Route r) -> r.destination().prefixLength()).reversed())
        .map(r -> new EffectiveRoute(r.destination(), r.gatewayType(), r.gatewayId(), rt.id(), r.routeItemId(),
            r.routeId(), c.nextHop(rt.vpcId(), r)))
        .toList();
    c.artifact(ROUTES, rt.id(), routes);
  }
}
