package io.openvpc.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.model.Cidr;
import io.openvpc.model.Vpc;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceCodecTest {
  private final ResourceCodec codec = new ResourceCodec();
  private final Vpc vpc = new Vpc("vpc-abcdefgh", "v", Cidr.parse("10.0.0.0/16"), List.of(), null, false, false, false,
      List.of(), "", List.of(), Instant.parse("2026-11-27T04:10:11.123Z"));

  @Test
  void roundTrip_keepsTimesToTheMillisecond() {
    String body = codec.encode(vpc);
    assertThat(body).contains("1795752611123");
    assertThat(codec.decode("Vpc", body)).isEqualTo(vpc);
  }

  @Test
  void decode_rowsWrittenWithIsoTimes_stillRead() {
    String iso = codec.encode(vpc).replace("1795752611123", "\"2026-11-27T04:10:11.123Z\"");
    assertThat(codec.decode("Vpc", iso)).isEqualTo(vpc);
  }

  @Test
  void securityGroupRule_emptyMembersOmittedAndRestored() {
    var rule = new io.openvpc.model.SecurityGroupPolicy("TCP", "22", null, null, "10.0.0.0/8", null, null, null, null,
        "ACCEPT", null, Instant.parse("2026-11-27T04:10:11.123Z"));
    var group = new io.openvpc.model.SecurityGroup("sg-abcdefgh", "g", "", "0", false, 3, List.of(rule), List.of(),
        List.of(), Instant.parse("2026-11-27T04:10:11.123Z"), Instant.parse("2026-11-27T04:10:11.123Z"));
    String body = codec.encode(group);
    assertThat(body).doesNotContain("serviceTemplateId").contains("\"cidrBlock\":\"10.0.0.0/8\"");
    assertThat(codec.decode("SecurityGroup", body)).isEqualTo(group);
  }
}
