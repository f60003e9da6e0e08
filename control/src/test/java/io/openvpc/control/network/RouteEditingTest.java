package io.openvpc.control.network;

import static io.openvpc.control.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.control.route.RouteSpec;
import io.openvpc.control.route.RouteTableService;
import io.openvpc.model.Instance;
import io.openvpc.model.Route;
import io.openvpc.model.RouteTable;
import io.openvpc.model.Subnet;
import io.openvpc.model.Vpc;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Route editing: each action names routes against the table as the call before it left them. */
class RouteEditingTest {
  final Network n = new Network();
  final Vpc v = n.vpc("10.0.0.0/16");
  final Subnet s = n.subnet(v, "10.0.1.0/24");
  final Instance i = n.instance(s, "S5.SMALL2", null);
  final RouteTable t = n.routes.create(n.scope, v.id(), "t", null);

  RouteSpec to(String destination) {
    return new RouteSpec(destination, null, "CVM", i.id(), null, null, null);
  }

  static RouteSpec byId(Route r, String destination, String gateway) {
    return new RouteSpec(destination, null, destination == null ? null : "CVM", gateway, null, r.routeId(), null);
  }

  @Test
  void deleteRoutes_sameRouteTwice_notFoundTheSecondTime_nothingDeleted() {
    Route a = n.routes.createRoutes(n.scope, t.id(), List.of(to("1.1.1.0/24"))).routes().get(0);
    assertRejected(() -> n.routes.deleteRoutes(n.scope, t.id(), List.of(byId(a, null, null), byId(a, null, null))),
        "InvalidRouteId.NotFound", "Routes.1.RouteId");
    assertThat(n.routes.deleteRoutes(n.scope, t.id(), List.of(byId(a, null, null)))).containsExactly(a);
    assertThat(n.routes.view(n.scope, t.id()).table().routes()).isEmpty();
  }

  @Test
  void replaceRoutes_checksEachAgainstTheRoutesTheCallLeftSoFar() {
    List<Route> made = n.routes.createRoutes(n.scope, t.id(), List.of(to("1.1.1.0/24"), to("2.2.2.0/24"))).routes();
    // a swap: the first replacement meets the second route, still at 2.2.2.0/24
    assertRejected(() -> n.routes.replaceRoutes(n.scope, t.id(), List.of(byId(made.get(0), "2.2.2.0/24", i.id()),
        byId(made.get(1), "1.1.1.0/24", i.id()))), "InvalidParameterValue.Duplicate", made.get(1).routeItemId());
    RouteTableService.Replaced r = n.routes.replaceRoutes(n.scope, t.id(), List.of(
        byId(made.get(0), "3.3.3.0/24", i.id()), byId(made.get(0), "4.4.4.0/24", i.id())));
    assertThat(r.before()).extracting(x -> x.destination().toString()).containsExactly("1.1.1.0/24", "3.3.3.0/24");
    assertThat(r.after()).extracting(Route::routeItemId).containsOnly(made.get(0).routeItemId());
    assertThat(n.routes.view(n.scope, t.id()).table().routes()).extracting(x -> x.destination().toString())
        .containsExactly("4.4.4.0/24", "2.2.2.0/24");
  }

  @Test
  void resetRoutes_numbersOnFromTheTablesNextRouteId() {
    n.routes.createRoutes(n.scope, t.id(), List.of(to("1.1.1.0/24"), to("2.2.2.0/24")));
    RouteTable after = n.routes.resetRoutes(n.scope, t.id(), "renamed", List.of(to("2.2.2.0/24")));
    assertThat(after.name()).isEqualTo("renamed");
    assertThat(after.routes()).extracting(Route::routeId).containsExactly(3L);
    assertThat(after.nextRouteId()).isEqualTo(4);
  }

  @Test
  void enableRoutes_idsAndItemIds_coexist_andARouteNamedTwiceIsSwitchedOnce() {
    Route a = n.routes.createRoutes(n.scope, t.id(), List.of(to("1.1.1.0/24"))).routes().get(0);
    assertRejected(() -> n.routes.setEnabled(n.scope, t.id(), List.of(a.routeId()), List.of(a.routeItemId()), false),
        "InvalidParameter.Coexist", "`RouteIds` and `RouteItemIds`");
    assertRejected(() -> n.routes.setEnabled(n.scope, t.id(), List.of(0L), null, false), "UnsupportedOperation.SystemRoute",
        "RouteIds.0.RouteId");
    n.routes.setEnabled(n.scope, t.id(), List.of(a.routeId(), a.routeId()), null, false);
    assertThat(n.routes.view(n.scope, t.id()).table().routes()).singleElement().satisfies(r -> {
      assertThat(r.enabled()).isFalse();
      assertThat(r.routeItemId()).isEqualTo(a.routeItemId());
    });
  }
}
