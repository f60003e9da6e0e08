package io.openvpc.dataplane.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisjointSetsTest {
  private static DisjointSets.Box box(String text, long lo0, long hi0, long lo1, long hi1) {
    return new DisjointSets.Box(new BigInteger[] {BigInteger.valueOf(lo0), BigInteger.valueOf(lo1)},
        new BigInteger[] {BigInteger.valueOf(hi0), BigInteger.valueOf(hi1)}, text);
  }

  @Test
  void split_coveredBox_isDropped() {
    // Regression (differential seed 100): ::/0 . icmpv6 and fd00:155:0:2::/64 . icmpv6 in one set made nft fail.
    List<List<DisjointSets.Box>> sets = DisjointSets.split(List.of(box("small", 10, 20, 58, 58),
        box("all", 0, 100, 58, 58)));
    assertThat(sets).hasSize(1);
    assertThat(sets.get(0)).extracting(DisjointSets.Box::text).containsExactly("all");
  }

  @Test
  void split_partialOverlap_goesToASecondSet() {
    List<List<DisjointSets.Box>> sets = DisjointSets.split(List.of(box("a", 0, 100, 20, 30), box("b", 50, 60, 25, 40)));
    assertThat(sets).hasSize(2);
  }

  @Test
  void split_disjointBoxes_shareOneSet() {
    List<List<DisjointSets.Box>> sets = DisjointSets.split(List.of(box("a", 0, 10, 1, 1), box("b", 0, 10, 2, 2),
        box("c", 11, 20, 1, 1)));
    assertThat(sets).hasSize(1);
    assertThat(sets.get(0)).hasSize(3);
  }
}
