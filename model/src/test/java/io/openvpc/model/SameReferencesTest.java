package io.openvpc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule edit is judged by the rules it changed; the keys are computed in full only when those differ. */
class SameReferencesTest {
  private static final SecurityGroupPolicy CIDR = TopologyIndexPropertyTest.rule("");
  private static final SecurityGroupPolicy PEER_B = TopologyIndexPropertyTest.rule("sg-b");

  @Test
  void insertingACidrRule_keepsTheReferences_whereverItGoes() {
    List<SecurityGroupPolicy> before = List.of(PEER_B, CIDR, CIDR);
    for (int at = 0; at <= before.size(); at++) {
      List<SecurityGroupPolicy> after = new ArrayList<>(before);
      after.add(at, TopologyIndexPropertyTest.rule(""));
      assertThat(Indexes.sameReferences(before, after)).as("CIDR rule at %d", at).isTrue();
    }
  }

  @Test
  void aRuleNamingAGroup_changesThem_insertedOrRemoved() {
    List<SecurityGroupPolicy> before = List.of(CIDR, CIDR);
    List<SecurityGroupPolicy> after = new ArrayList<>(before);
    after.add(1, TopologyIndexPropertyTest.rule("sg-c"));
    assertThat(Indexes.sameReferences(before, after)).isFalse();
    assertThat(Indexes.sameReferences(after, before)).isFalse();
    // replacing a peer rule by another naming the same group changes nothing
    List<SecurityGroupPolicy> replaced = new ArrayList<>(after);
    replaced.set(1, TopologyIndexPropertyTest.rule("sg-c"));
    assertThat(Indexes.sameReferences(after, replaced)).isTrue();
  }

  @Test
  void theIndexFollowsEdits_thatKeepTheOtherRules() {
    Scope scope = new Scope(1, "ap-guangzhou");
    SecurityGroup g = new SecurityGroup("sg-a", "g", "", "0", false, 1, List.of(PEER_B, CIDR), List.of(), List.of(),
        java.time.Instant.EPOCH, java.time.Instant.EPOCH);
    Topology t = Topology.empty(scope).apply(1, List.of(g), List.of());
    assertThat(t.by(Indexes.SECURITY_GROUP_BY_REFERENCE, "sg-b")).extracting(SecurityGroup::id).containsExactly("sg-a");
    SecurityGroup dropped = new SecurityGroup("sg-a", "g", "", "0", false, 2, List.of(CIDR), List.of(), List.of(),
        java.time.Instant.EPOCH, java.time.Instant.EPOCH);
    t = t.apply(2, List.of(dropped), List.of());
    assertThat(t.by(Indexes.SECURITY_GROUP_BY_REFERENCE, "sg-b")).isEmpty();
  }
}
