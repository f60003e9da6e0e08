package io.openvpc.engine.graph;

import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Prefix;
import io.openvpc.model.Cidr;
import io.openvpc.model.GatewayType;
import io.openvpc.model.Route;
import io.openvpc.model.RouteTable;
import io.openvpc.model.Vpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The routing part of the compiled model: each VPC's local routes and each table's enabled routes in
 * lookup order (longest prefix first, ties in creation order), with destinations in matching form.
 * Next hops are resolved by the caller at lookup time, so ENI and HAVIP moves recompile nothing here.
 */
final class RouteTables {
  /** A route with its destination in matching form; the route is null for a VPC's local route. */
  private record Entry(Route route, Prefix prefix, Cidr cidr) {}

  private final Map<String, List<Entry>> tables = new ConcurrentHashMap<>();
  private final Map<String, List<Entry>> local = new ConcurrentHashMap<>();

  void putVpc(Vpc v) {
    List<Entry> out = new ArrayList<>();
    for (Cidr c : v.ipv4Blocks()) {
      out.add(new Entry(null, Prefix.of(c), c));
    }
    if (v.ipv6CidrBlock() != null) {
      out.add(new Entry(null, Prefix.of(v.ipv6CidrBlock()), v.ipv6CidrBlock()));
    }
    local.put(v.id(), List.copyOf(out));
  }

  void removeVpc(String id) {
    local.remove(id);
  }

  void putTable(RouteTable rt) {
    tables.put(rt.id(), rt.routes().stream().filter(Route::enabled)
        .sorted(Comparator.comparingInt((Route x) -> x.destination().prefixLength()).reversed())
        .map(x -> new Entry(x, Prefix.of(x.destination()), x.destination())).toList());
  }

  void removeTable(String id) {
    tables.remove(id);
  }

  /** Every route of a subnet in lookup order; {@code resolve} gives a route's next hop. */
  List<EffectiveRoute> routes(CompiledSubnet s, BiFunction<String, Route, NextHop> resolve) {
    List<EffectiveRoute> out = new ArrayList<>();
    for (Entry e : local.getOrDefault(s.vpcId(), List.of())) {
      out.add(local(s, e));
    }
    for (Entry e : tables.getOrDefault(s.routeTableId(), List.of())) {
      out.add(effective(s, e.route(), resolve));
    }
    return out;
  }

  /** The route of a subnet that a packet to {@code destination} takes: local routes always win. */
  Optional<EffectiveRoute> lookup(CompiledSubnet s, Addr destination, BiFunction<String, Route, NextHop> resolve) {
    for (Entry e : local.getOrDefault(s.vpcId(), List.of())) {
      if (e.prefix().contains(destination)) {
        return Optional.of(local(s, e));
      }
    }
    for (Entry e : tables.getOrDefault(s.routeTableId(), List.of())) {
      if (e.prefix().contains(destination)) {
        return Optional.of(effective(s, e.route(), resolve));
      }
    }
    return Optional.empty();
  }

  private static EffectiveRoute local(CompiledSubnet s, Entry e) {
    return new EffectiveRoute(e.cidr(), GatewayType.LOCAL, s.vpcId(), s.routeTableId(), "", 0, new NextHop.Local());
  }

  private static EffectiveRoute effective(CompiledSubnet s, Route r, BiFunction<String, Route, NextHop> resolve) {
    return new EffectiveRoute(r.destination(), r.gatewayType(), r.gatewayId(), s.routeTableId(), r.routeItemId(),
        r.routeId(), resolve.apply(s.vpcId(), r));
  }
}
