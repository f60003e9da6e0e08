package io.openvpc.dataplane.render;

import static io.openvpc.dataplane.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.dataplane.Fixtures;
import io.openvpc.dataplane.host.Address;
import io.openvpc.dataplane.host.HostState;
import io.openvpc.dataplane.host.Link;
import io.openvpc.dataplane.host.Netns;
import io.openvpc.dataplane.host.NftTable;
import io.openvpc.dataplane.host.Route;
import io.openvpc.engine.Products;
import io.openvpc.engine.compile.CompiledGraph;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderTest {
  private final Fixtures f = new Fixtures();
  private final Vpc vpc = f.vpc("10.0.0.0/16", "fd00:1::/56");
  private final Subnet s1 = f.subnet(vpc, "10.0.1.0/24", "fd00:1:0:1::/64");

  private HostState render() {
    Topology t = f.topology();
    return ScopeRender.whole(CompiledGraph.compile(t, Products.compilers()));
  }

  @Test
  void render_runningInstance_getsNamespaceVethAddressesAndDefaultRoutes() {
    Instance a = f.instance(s1, "10.0.1.5", "fd00:1:0:1::5");
    NetworkInterface eni = f.primaryEni(a);
    HostState h = render();

    Netns ns = h.namespace("ovpc-" + a.id()).orElseThrow();
    assertThat(ns.role()).isEqualTo(Netns.Role.INSTANCE);
    assertThat(ns.links()).containsExactly(Link.peerEnd("ovpc-eth0", eni.id() + "@ovpc-" + a.id()));
    assertThat(ns.addresses()).containsExactly(new Address("ovpc-eth0", "10.0.1.5", 24, true),
        new Address("ovpc-eth0", "fd00:1:0:1::5", 64, true));
    assertThat(ns.routes()).containsExactly(Route.via(Route.MAIN, "0.0.0.0/0", "10.0.1.1", "ovpc-eth0"),
        Route.via(Route.MAIN, "::/0", "fe80::1", "ovpc-eth0"));
    assertThat(ns.resolvConf()).doesNotContain("nameserver");

    String port = "ovpc-" + eni.id().substring(4);
    Netns router = h.namespace(Names.routerNamespace(vpc.id())).orElseThrow();
    assertThat(router.links()).containsExactly(Link.pair(port, eni.id() + "@ovpc-" + a.id(), "ovpc-" + a.id(),
        "ovpc-eth0"));
    assertThat(router.addresses()).contains(new Address("lo", "10.0.1.1", 32, false),
        new Address(port, "fe80::1", 64, false));
    assertThat(router.routes()).contains(Route.link(Route.MAIN, "10.0.1.5/32", port),
        Route.link(Route.MAIN, "fd00:1:0:1::5/128", port), Route.blackhole(Route.MAIN, "10.0.0.0/16"),
        Route.blackhole(Route.MAIN, "fd00:1::/56"));
    assertThat(router.sysctls()).contains("net.ipv4.ip_forward=1");
    assertThat(h.namespaces()).hasSize(2);
  }

  @Test
  void render_stoppedInstance_hasNoNamespace() {
    f.instance(s1, "10.0.1.5", null, InstanceState.STOPPED);
    assertThat(render().namespaces()).isEmpty();
  }

  @Test
  void render_boundHaVip_isAnsweredOnItsEni() {
    Instance a = f.instance(s1, "10.0.1.5", null);
    f.havip(s1, "10.0.1.100", f.primaryEni(a));
    HostState h = render();
    assertThat(h.namespace("ovpc-" + a.id()).orElseThrow().addresses())
        .contains(new Address("ovpc-eth0", "10.0.1.100", 24, true));
    assertThat(h.namespace(Names.routerNamespace(vpc.id())).orElseThrow().routes())
        .contains(Route.link(Route.MAIN, "10.0.1.100/32", "ovpc-" + f.primaryEni(a).id().substring(4)));
  }

  @Test
  void render_groupReference_isASetOfTheMembersAddresses() {
    Instance a = f.instance(s1, "10.0.1.5", null);
    Instance b = f.instance(s1, "10.0.1.6", null);
    SecurityGroup web = f.securityGroup(List.of(), List.of(rule("ACCEPT", "ALL", "ALL", "0.0.0.0/0")));
    SecurityGroup db = f.securityGroup(List.of(rule("ACCEPT", "TCP", "5432", web.id())),
        List.of(rule("ACCEPT", "ALL", "ALL", "0.0.0.0/0")));
    f.bind(f.primaryEni(a), web.id());
    f.bind(f.primaryEni(b), db.id());
    NftTable nft = render().namespace(Names.routerNamespace(vpc.id())).orElseThrow().nftables();
    String members = Names.addressSet(web.id(), false);
    assertThat(nft.set(members).orElseThrow().elements()).containsExactly("10.0.1.5/32");
    assertThat(nft.text()).contains("ip saddr @" + members + " meta l4proto 6 th dport { 5432 } accept comment \""
        + db.id() + " ingress #0\"");

    // A new member of the referenced group shows up in the set, and only there.
    Instance c = f.instance(s1, "10.0.1.7", null);
    f.bind(f.primaryEni(c), web.id());
    NftTable after = render().namespace(Names.routerNamespace(vpc.id())).orElseThrow().nftables();
    assertThat(after.set(members).orElseThrow().elements()).containsExactly("10.0.1.5/32", "10.0.1.7/32");
    assertThat(after.chain(Names.segmentChain(db.id() + "/ingress"))).isEqualTo(
        nft.chain(Names.segmentChain(db.id() + "/ingress")));
  }

  @Test
  void render_identicalFilters_shareOneChain() {
    SecurityGroup web = f.securityGroup(List.of(rule("ACCEPT", "TCP", "80", "0.0.0.0/0")),
        List.of(rule("ACCEPT", "ALL", "ALL", "0.0.0.0/0")));
    for (int i = 0; i < 50; i++) {
      f.bind(f.primaryEni(f.instance(s1, "10.0.1." + (10 + i), null)), web.id());
    }
    f.instance(s1, "10.0.1.99", null); // no group: passes everything, so needs no chain
    NftTable nft = render().namespace(Names.routerNamespace(vpc.id())).orElseThrow().nftables();
    assertThat(nft.chains().stream().map(c -> c.name()).filter(n -> n.startsWith("f-"))).hasSize(2);
    assertThat(nft.chains().stream().map(c -> c.name()).filter(n -> n.startsWith("sg-"))).hasSize(2);
    assertThat(nft.set(RouterTable.SG_IN).orElseThrow().elements()).hasSize(50);
    assertThat(render().namespace(Names.routerNamespace(vpc.id())).orElseThrow().nftables()).isEqualTo(nft);
  }

  @Test
  void render_overlappingVpcs_getSeparateRouters() {
    Vpc other = f.vpc("10.0.0.0/16", null);
    Subnet s2 = f.subnet(other, "10.0.1.0/24", null);
    f.instance(s1, "10.0.1.5", null);
    f.instance(s2, "10.0.1.5", null);
    HostState h = render();
    assertThat(h.namespaces().keySet()).contains(Names.routerNamespace(vpc.id()), Names.routerNamespace(other.id()));
  }

  @Test
  void names_fitIfnamsiz() {
    assertThat(Names.routerPort("eni-abcdefgh")).isEqualTo("ovpc-abcdefgh").hasSizeLessThanOrEqualTo(15);
    assertThat(Names.routerNamespace("vpc-2ln96dly")).isEqualTo("ovpc-r-2ln96dly");
  }
}
