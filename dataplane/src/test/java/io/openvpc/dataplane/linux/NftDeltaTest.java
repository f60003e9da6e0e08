package io.openvpc.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.dataplane.host.NftChain;
import io.openvpc.dataplane.host.NftSet;
import io.openvpc.dataplane.host.NftTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delta on pure values: which statements, in which order; the kernel test checks their effect. */
class NftDeltaTest {
  private static final String FORWARD = "type filter hook forward priority filter; policy drop;";

  /** A router's table: one security-group chain per digest, its set, and a map from ports to chains. */
  private static NftTable table(String chain, List<String> entries, List<String> ports) {
    List<String> map = new ArrayList<>();
    for (String p : ports) {
      map.add("\"" + p + "\" : jump " + chain);
    }
    return new NftTable(
        List.of(new NftSet(chain + "-0", "type ipv4_addr . inet_proto . inet_service; flags interval;", entries),
            new NftSet("dispatch-sg-in", "type ifname : verdict;", map)),
        List.of(new NftChain(chain, "", List.of("ip saddr . meta l4proto . th dport @" + chain + "-0 return comment \"x\"",
            "drop comment \"default drop\"")),
            new NftChain("forward", FORWARD, List.of("oifname vmap @dispatch-sg-in", "accept"))));
  }

  private static List<String> ports(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("ovpc-p" + i);
    }
    return out;
  }

  private static List<String> lines(String script) {
    return script.lines().toList();
  }

  @Test
  void between_equalTables_isNothing() {
    NftTable t = table("sg-a", List.of("10.0.0.0/8 . 6 . 22"), ports(3));
    assertThat(NftDelta.between(t, t)).isEmpty();
    assertThat(NftDelta.between(NftTable.EMPTY, NftTable.EMPTY)).isEmpty();
  }

  @Test
  void between_securityGroupChanged_isTheChainAndItsSetsWhateverTheNumberOfPorts() {
    NftTable before = table("sg-a", List.of("10.0.0.0/8 . 6 . 22"), ports(1000));
    NftTable after = table("sg-b", List.of("10.0.0.0/8 . 6 . 22", "10.0.0.0/8 . 6 . 80"), ports(1000));
    String script = NftDelta.between(after, before);
    assertThat(lines(script)).containsExactly(
        "add set inet ovpc sg-b-0 { type ipv4_addr . inet_proto . inet_service; flags interval; }",
        "add element inet ovpc sg-b-0 { 10.0.0.0/8 . 6 . 22, 10.0.0.0/8 . 6 . 80 }",
        "flush chain inet ovpc sg-a",
        "add rule inet ovpc sg-a ip saddr . meta l4proto . th dport @sg-b-0 return comment \"x\"",
        "add rule inet ovpc sg-a drop comment \"default drop\"",
        "delete set inet ovpc sg-a-0",
        "rename chain inet ovpc sg-a sg-b",
        "flush set inet ovpc openvpc",
        "add element inet ovpc openvpc { 1 comment \"" + after.digest() + "\" }");
    assertThat(script).doesNotContain("ovpc-p");
  }

  @Test
  void between_portAdded_isOneMapElement() {
    NftTable before = table("sg-a", List.of("10.0.0.0/8 . 6 . 22"), ports(3));
    NftTable after = table("sg-a", List.of("10.0.0.0/8 . 6 . 22"), ports(4));
    assertThat(lines(NftDelta.between(after, before))).containsExactly(
        "add element inet ovpc dispatch-sg-in { \"ovpc-p3\" : jump sg-a }",
        "flush set inet ovpc openvpc",
        "add element inet ovpc openvpc { 1 comment \"" + after.digest() + "\" }");
    assertThat(lines(NftDelta.between(before, after))).startsWith(
        "delete element inet ovpc dispatch-sg-in { \"ovpc-p3\" }");
  }

  @Test
  void between_someOfTheChainsPortsMove_keepsTheOldChainAndMovesThoseElements() {
    NftTable before = table("sg-a", List.of("10.0.0.0/8 . 6 . 22"), ports(2));
    NftChain b = new NftChain("sg-b", "", List.of("drop"));
    NftTable after = new NftTable(before.sets().stream().map(s -> s.name().equals("dispatch-sg-in")
        ? new NftSet(s.name(), s.declaration(), List.of("\"ovpc-p0\" : jump sg-a", "\"ovpc-p1\" : jump sg-b")) : s)
        .toList(), List.of(before.chains().get(0), b, before.chains().get(1)));
    List<String> script = lines(NftDelta.between(after, before));
    assertThat(script).startsWith("add chain inet ovpc sg-b")
        .contains("delete element inet ovpc dispatch-sg-in { \"ovpc-p1\" }",
            "add element inet ovpc dispatch-sg-in { \"ovpc-p1\" : jump sg-b }", "add rule inet ovpc sg-b drop")
        .noneMatch(l -> l.startsWith("rename"));
    assertThat(script.indexOf("add chain inet ovpc sg-b"))
        .isLessThan(script.indexOf("add element inet ovpc dispatch-sg-in { \"ovpc-p1\" : jump sg-b }"));
  }

  @Test
  void between_intervalSetChanged_isFlushedAndRefilled() {
    NftTable before = new NftTable(List.of(new NftSet("s", "type ipv4_addr; flags interval; auto-merge;",
        List.of("10.0.0.0/24", "10.0.1.0/24"))), List.of(new NftChain("c", "", List.of("ip saddr @s drop"))));
    NftTable after = new NftTable(List.of(new NftSet("s", "type ipv4_addr; flags interval; auto-merge;",
        List.of("10.0.0.0/24"))), before.chains());
    assertThat(lines(NftDelta.between(after, before))).startsWith("flush set inet ovpc s",
        "add element inet ovpc s { 10.0.0.0/24 }");
  }

  @Test
  void between_setDeclarationChanged_replacesTheSetAndRefillsItsReferrers() {
    NftTable before = new NftTable(List.of(new NftSet("s", "type ipv4_addr;", List.of("10.0.0.1"))),
        List.of(new NftChain("c", "", List.of("ip saddr @s drop")), new NftChain("d", "", List.of("accept"))));
    NftTable after = new NftTable(List.of(new NftSet("s", "type ipv4_addr; flags interval;", List.of("10.0.0.0/8"))),
        before.chains());
    List<String> script = lines(NftDelta.between(after, before));
    assertThat(script).containsSubsequence("flush chain inet ovpc c", "delete set inet ovpc s",
        "add set inet ovpc s { type ipv4_addr; flags interval; }", "add element inet ovpc s { 10.0.0.0/8 }",
        "add rule inet ovpc c ip saddr @s drop");
    assertThat(script).noneMatch(l -> l.contains("ovpc d"));
  }

  @Test
  void between_partsGone_areDeletedLastSetsBeforeChains() {
    NftTable before = table("sg-a", List.of("10.0.0.0/8 . 6 . 22"), ports(1));
    NftTable after = new NftTable(List.of(), List.of(new NftChain("forward", FORWARD, List.of("accept"))));
    List<String> script = lines(NftDelta.between(after, before));
    assertThat(script).containsSubsequence("flush chain inet ovpc sg-a", "flush map inet ovpc dispatch-sg-in",
        "add rule inet ovpc forward accept", "delete set inet ovpc sg-a-0", "delete map inet ovpc dispatch-sg-in",
        "delete chain inet ovpc sg-a");
  }

  @Test
  void between_unknownOrAbsentTable_loadsItWhole_andEmptyDeletesIt() {
    NftTable t = table("sg-a", List.of("10.0.0.0/8 . 6 . 22"), ports(2));
    String whole = NftDelta.between(t, NftTable.UNKNOWN);
    assertThat(whole).startsWith("table inet ovpc\ndelete table inet ovpc\ntable inet ovpc {\n")
        .contains("set openvpc {").contains("elements = { 1 comment \"" + t.digest() + "\" }");
    assertThat(NftDelta.between(t, NftTable.EMPTY)).isEqualTo(whole).isEqualTo(NftDelta.full(t));
    assertThat(NftDelta.between(NftTable.EMPTY, t)).isEqualTo("table inet ovpc\ndelete table inet ovpc\n");
  }

  @Test
  void between_baseChainPolicyChanged_replacesTheChain() {
    NftTable before = new NftTable(List.of(), List.of(new NftChain("forward", FORWARD, List.of("accept"))));
    NftTable after = new NftTable(List.of(), List.of(new NftChain("forward",
        "type filter hook forward priority filter; policy accept;", List.of("accept"))));
    assertThat(lines(NftDelta.between(after, before))).startsWith("flush chain inet ovpc forward",
        "delete chain inet ovpc forward",
        "add chain inet ovpc forward { type filter hook forward priority filter; policy accept; }",
        "add rule inet ovpc forward accept");
  }

  @Test
  void between_renamedChainJumpedToByAChangedPart_isNotRenamed() {
    NftTable before = table("sg-a", List.of("10.0.0.0/8 . 6 . 22"), ports(2));
    NftTable after = table("sg-b", List.of("10.0.0.0/8 . 6 . 80"), ports(3));
    String script = NftDelta.between(after, before);
    assertThat(script).doesNotContain("rename").contains("add chain inet ovpc sg-b")
        .contains("delete chain inet ovpc sg-a");
  }
}
