package io.openvpc.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Node IDs compare by packed characters when they are short and Latin-1; whatever the IDs (long ones,
 * other scripts, NUL characters, prefixes of each other), two node IDs are equal exactly when their
 * kinds and ID strings are.
 */
class NodeIdTest {
  private static final List<String> PARTS = List.of("eni-", "subnet-", "vpc-", "0", "1", "a", "\u0000", "\u00e9",
      "\u4e2d", "xxxxxxxx", "12345678901234567");

  @Property(tries = 2000)
  void equals_isStringEquality(@ForAll long seed) {
    Random r = new Random(seed);
    String a = id(r);
    String b = r.nextInt(3) == 0 ? new String(a.toCharArray()) : id(r);
    NodeKind ka = NodeKind.values()[r.nextInt(NodeKind.values().length)];
    NodeKind kb = r.nextBoolean() ? ka : NodeKind.values()[r.nextInt(NodeKind.values().length)];
    NodeId x = new NodeId(ka, a);
    NodeId y = new NodeId(kb, b);
    assertThat(x.equals(y)).as("%s / %s", x, y).isEqualTo(ka == kb && a.equals(b));
    assertThat(y.equals(x)).isEqualTo(x.equals(y));
    if (x.equals(y)) {
      assertThat(x.hashCode()).isEqualTo(y.hashCode());
    }
  }

  @Test
  void equals_sameHashOtherCharacters_differ() {
    // "Aa" and "BB" hash alike as strings, so their node IDs do too: only the characters tell them apart
    for (String[] pair : new String[][] {{"Aa", "BB"}, {"AaAa", "BBBB"}, {"eni-AaBBAaBB", "eni-BBAaBBAa"},
        {"subnet-AaAaAaAaAaAaAaAa", "subnet-BBBBBBBBBBBBBBBB"}}) {
      NodeId a = new NodeId(NodeKind.SUBNET, pair[0]);
      NodeId b = new NodeId(NodeKind.SUBNET, pair[1]);
      assertThat(a.hashCode()).isEqualTo(b.hashCode());
      assertThat(a).isNotEqualTo(b);
    }
  }

  private static String id(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1 + r.nextInt(4); i > 0; i--) {
      sb.append(PARTS.get(r.nextInt(PARTS.size())));
    }
    return sb.toString();
  }
}
