package io.openvpc.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {
  @Test
  void local_isBeijingTimeToTheSecond() {
    assertThat(Times.local(Instant.parse("2026-11-27T02:25:43.999Z"))).isEqualTo("2026-11-27 10:25:43");
    assertThat(Times.local(Instant.parse("2026-12-31T16:00:00Z"))).isEqualTo("2027-01-01 00:00:00");
    assertThat(Times.local(null)).isEqualTo("0000-00-00 00:00:00");
  }

  @Test
  void iso_isUtc() {
    assertThat(Times.iso(Instant.parse("2026-11-27T02:25:43.999Z"))).isEqualTo("2026-11-27T02:25:43Z");
    assertThat(Times.iso(null)).isNull();
  }
}
