package io.openvpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GatewayTest {
  @Test
  void requestId_isARandomVersion4Uuid() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = Gateway.requestId();
      UUID u = UUID.fromString(id);
      assertThat(u.version()).isEqualTo(4);
      assertThat(u.variant()).isEqualTo(2);
      assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      seen.add(id);
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void millis_twoDecimals() {
    assertThat(Gateway.millis(0)).isEqualTo("0.00");
    assertThat(Gateway.millis(1_234_567)).isEqualTo("1.23");
    assertThat(Gateway.millis(50_000)).isEqualTo("0.05");
    assertThat(Gateway.millis(12_000_000_000L)).isEqualTo("12000.00");
  }
}
