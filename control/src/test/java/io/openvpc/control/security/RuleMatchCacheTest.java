package io.openvpc.control.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.model.Direction;
import io.openvpc.model.SecurityGroupPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleMatchCacheTest {
  private static List<SecurityGroupPolicy> rules(int n) {
    List<SecurityGroupPolicy> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new SecurityGroupPolicy("TCP", String.valueOf(1 + i), "", "", "10.0.0.0/8", "", "", "", "", "ACCEPT", "",
          Instant.EPOCH));
    }
    return List.copyOf(out);
  }

  @Test
  void anEntryServesOnlyTheListItWasBuiltFrom() {
    RuleMatchCache cache = new RuleMatchCache();
    List<SecurityGroupPolicy> a = rules(3);
    RuleMatches m = cache.of("sg-1", Direction.INGRESS, a);
    assertThat(cache.of("sg-1", Direction.INGRESS, a)).isSameAs(m);
    assertThat(cache.of("sg-1", Direction.INGRESS, List.copyOf(new ArrayList<>(a)))).isNotSameAs(m);
    assertThat(cache.of("sg-1", Direction.EGRESS, a)).isNotSameAs(m);
    assertThat(m.count(a.get(0).matchKey())).isEqualTo(1);
  }

  @Test
  void theLeastRecentlyUsedGoWhenTooManyRulesAreIndexed() {
    RuleMatchCache cache = new RuleMatchCache(10);
    List<SecurityGroupPolicy> four = rules(4);
    RuleMatches first = cache.of("sg-1", Direction.INGRESS, four);
    RuleMatches second = cache.of("sg-2", Direction.INGRESS, four);
    assertThat(cache.of("sg-1", Direction.INGRESS, four)).isSameAs(first); // sg-1 is now the most recent
    cache.of("sg-3", Direction.INGRESS, four); // 12 > 10: sg-2, the least recently used, goes
    assertThat(cache.indexed()).isEqualTo(8);
    assertThat(cache.of("sg-1", Direction.INGRESS, four)).isSameAs(first);
    assertThat(cache.of("sg-2", Direction.INGRESS, four)).isNotSameAs(second);
  }
}
