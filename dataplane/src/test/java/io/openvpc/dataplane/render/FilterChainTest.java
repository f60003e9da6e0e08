package io.openvpc.dataplane.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.dataplane.host.NftTable;
import io.openvpc.dataplane.render.Filter.Peers;
import io.openvpc.dataplane.render.Filter.Rule;
import io.openvpc.dataplane.render.Filter.Service;
import io.openvpc.dataplane.render.Filter.Verdict;
import io.openvpc.model.Cidr;
import io.openvpc.model.PortRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterChainTest {
  static Rule tcp(String ref, Verdict v, String peer, int from, int to) {
    return new Rule(ref, v, Peers.of(List.of(Cidr.parse(peer))), Peers.ANY,
        List.of(new Service(6, List.of(), List.of(new PortRange(from, to)))));
  }

  /** The chain and its sets as nftables text. */
  private static String text(String name, Filter filter) {
    FilterChain.Parts parts = FilterChain.render(name, filter);
    return new NftTable(parts.sets(), List.of(parts.chain())).text();
  }

  @Test
  void render_tenThousandAcceptRules_becomeOneSetLookup() {
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      rules.add(tcp("sg-1 ingress #" + i, Verdict.ACCEPT, "10." + (i / 256) + "." + (i % 256) + ".0/24", 80, 80));
    }
    String text = text("sg-x", new Filter(rules, Verdict.DROP));
    String chain = text.substring(text.indexOf("chain sg-x"));
    assertThat(chain.lines().filter(l -> l.contains(" accept") || l.contains(" drop"))).hasSize(1);
    assertThat(text).contains("type ipv4_addr . inet_proto . inet_service");
    assertThat(text).contains("10.0.0.0/24 . 6 . 80").contains("10.39.15.0/24 . 6 . 80");
    assertThat(chain).contains("comment \"sg-1 ingress #0 .. sg-1 ingress #9999\"");
  }

  @Test
  void render_alternatingVerdicts_keepFirstMatchOrder() {
    Filter f = new Filter(List.of(
        tcp("r0", Verdict.DROP, "10.0.0.5/32", 22, 22),
        tcp("r1", Verdict.ACCEPT, "10.0.0.0/8", 22, 22),
        tcp("r2", Verdict.ACCEPT, "0.0.0.0/0", 443, 443),
        tcp("r3", Verdict.DROP, "0.0.0.0/0", 1, 65535)), Verdict.ACCEPT);
    String text = text("c", f);
    List<String> lines = text.substring(text.indexOf("chain c")).lines()
        .filter(l -> l.contains("comment")).map(String::strip).toList();
    // the filter's default is its filter chain's (RouterTable), so a segment ends with its last run
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("ip saddr . meta l4proto . th dport @c-0 drop").contains("\"r0\"");
    assertThat(lines.get(1)).contains("@c-1 accept").contains("\"r1 .. r2\"");
    assertThat(lines.get(2)).contains("@c-2 drop");
  }

  @Test
  void render_protocolShapesAndFamilies_getTheirOwnSets() {
    Filter f = new Filter(List.of(new Rule("r0", Verdict.ACCEPT, Peers.of(List.of(Cidr.parse("10.0.0.0/8"),
        Cidr.parse("fd00::/8"))), Peers.ANY, List.of(new Service(1, List.of(), List.of()),
        new Service(58, List.of(), List.of()), new Service(17, List.of(), List.of(new PortRange(53, 53)))))),
        Verdict.DROP);
    String text = text("c", f);
    assertThat(text).contains("ip saddr . meta l4proto . th dport @c-0 accept")
        .contains("ip saddr . meta l4proto @c-1 accept")
        .contains("ip6 saddr . meta l4proto . th dport @c-2 accept")
        .contains("ip6 saddr . meta l4proto @c-3 accept");
    assertThat(text).contains("10.0.0.0/8 . 1").doesNotContain("10.0.0.0/8 . 58").doesNotContain("fd00::/8 . 1 ");
  }

  @Test
  void render_anyPeerAnyProtocol_isUnconditionalPerFamily() {
    Filter f = new Filter(List.of(new Rule("all", Verdict.ACCEPT, Peers.ANY, Peers.ANY, List.of(Service.ANY))),
        Verdict.DROP);
    String text = text("c", f);
    assertThat(text).contains("meta nfproto ipv4 accept").contains("meta nfproto ipv6 accept").doesNotContain("set ");
  }

  @Test
  void render_ruleWithoutAddresses_matchesNothing() {
    Filter f = new Filter(List.of(new Rule("empty", Verdict.ACCEPT, Peers.of(List.of()), Peers.ANY,
        List.of(Service.ANY))), Verdict.DROP);
    String text = text("c", f);
    assertThat(text.strip().lines().filter(l -> l.contains("comment"))).isEmpty();
  }

  @Test
  void render_namedPeer_looksItsSetUp_andLeavesTheRestInSets() {
    Filter f = new Filter(List.of(
        new Rule("r0", Verdict.ACCEPT, Peers.named("sg-web"), Peers.ANY,
            List.of(new Service(6, List.of(), List.of(new PortRange(5432, 5432))))),
        tcp("r1", Verdict.ACCEPT, "10.0.0.0/8", 22, 22)), Verdict.DROP);
    FilterChain.Parts parts = FilterChain.render("c", f);
    assertThat(parts.namedSets()).containsExactly("sg-web");
    assertThat(parts.chain().rules()).contains(
        "ip saddr @" + Names.addressSet("sg-web", false) + " meta l4proto 6 th dport { 5432 } accept comment \"r0\"",
        "ip6 saddr @" + Names.addressSet("sg-web", true) + " meta l4proto 6 th dport { 5432 } accept comment \"r0\"");
    assertThat(new NftTable(parts.sets(), List.of(parts.chain())).text()).contains("10.0.0.0/8 . 6 . 22");
  }
}
