package io.openvpc.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.dataplane.host.Address;
import io.openvpc.dataplane.host.Link;
import io.openvpc.dataplane.host.Netns;
import io.openvpc.dataplane.host.NftChain;
import io.openvpc.dataplane.host.NftTable;
import io.openvpc.dataplane.host.Route;
import io.openvpc.dataplane.host.RoutingRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetnsPlanTest {
  private static Netns ns(List<Link> links, List<Address> addrs, List<Route> routes, List<RoutingRule> rules) {
    return new Netns("ovpc-r-x", Netns.Role.ROUTER, List.of("net.ipv4.ip_forward=1"), links, addrs, routes, rules,
        TABLE, "r");
  }

  private static final NftTable TABLE = new NftTable(List.of(),
      List.of(new NftChain("forward", "type filter hook forward priority filter; policy drop;", List.of("accept"))));
  private final Link port = Link.pair("ovpc-p1", "eni-1@ovpc-ins-1", "ovpc-ins-1", "ovpc-eth0");
  private final Address gw = new Address("lo", "10.0.1.1", 32, false);
  private final Route host = Route.link(Route.MAIN, "10.0.1.5/32", "ovpc-p1");
  private final RoutingRule v6rule = new RoutingRule(true, 2000, "", "", "ovpc-p1", 10001);

  @Test
  void between_sameState_isEmpty() {
    Netns n = ns(List.of(port), List.of(gw), List.of(host), List.of(v6rule));
    assertThat(NetnsPlan.between(n, n).isEmpty()).isTrue();
  }

  @Test
  void between_freshNamespace_createsPairThenConfigures() {
    Netns n = ns(List.of(port), List.of(gw), List.of(host), List.of(v6rule));
    Netns empty = ns(List.of(), List.of(), List.of(), List.of());
    NetnsPlan p = NetnsPlan.between(n, Netns.empty("ovpc-r-x", Netns.Role.ROUTER));
    assertThat(p.createLinks()).containsExactly("link add ovpc-p1 type veth peer name ovpc-eth0 netns ovpc-ins-1");
    assertThat(p.batch()).containsExactly("link set ovpc-p1 alias eni-1@ovpc-ins-1", "link set ovpc-p1 up",
        "address replace 10.0.1.1/32 dev lo", "route replace 10.0.1.5/32 dev ovpc-p1 table 254 proto 77");
    assertThat(p.batch6()).containsExactly("rule add pref 2000 iif ovpc-p1 lookup 10001 proto 77");
    assertThat(p.sysctls()).containsExactly("net.ipv4.ip_forward=1");
    assertThat(p.nftables()).contains("chain forward").contains("set openvpc");
    assertThat(p.nftablesFull()).as("the delta is a whole load already").isNull();
    assertThat(NetnsPlan.between(n, empty).nftables()).isNull();
    assertThat(NetnsPlan.between(n, empty).sysctls()).isEmpty();
  }

  @Test
  void between_eniMovedToAnotherInstance_rebuildsThePairAndForgetsItsRoutes() {
    Link moved = Link.pair("ovpc-p1", "eni-1@ovpc-ins-2", "ovpc-ins-2", "ovpc-eth0");
    NetnsPlan p = NetnsPlan.between(ns(List.of(moved), List.of(gw), List.of(host), List.of()),
        ns(List.of(port), List.of(gw), List.of(host), List.of()));
    assertThat(p.removeLinks()).containsExactly("link del ovpc-p1");
    assertThat(p.createLinks()).containsExactly("link add ovpc-p1 type veth peer name ovpc-eth0 netns ovpc-ins-2");
    assertThat(p.batch()).contains("route replace 10.0.1.5/32 dev ovpc-p1 table 254 proto 77")
        .noneMatch(l -> l.startsWith("route del"));
  }

  @Test
  void between_removedAddressAndRoute_areDeleted() {
    Netns want = ns(List.of(port), List.of(), List.of(), List.of());
    Netns have = ns(List.of(port), List.of(gw), List.of(host), List.of(v6rule));
    NetnsPlan p = NetnsPlan.between(want, have);
    assertThat(p.batch()).containsExactly("address del 10.0.1.1/32 dev lo", "route del 10.0.1.5/32 dev ovpc-p1 table 254");
    assertThat(p.batch6()).containsExactly("rule del pref 2000 iif ovpc-p1 lookup 10001");
    assertThat(p.removeLinks()).isEmpty();
  }
}
