package io.openvpc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortSpecTest {
  @Test
  void parse_forms() {
    assertThat(PortSpec.parse("ALL").isAll()).isTrue();
    assertThat(PortSpec.parse("all").isAll()).isTrue();
    assertThat(PortSpec.parse("").isAll()).isTrue();
    assertThat(PortSpec.parse("80").ranges()).containsExactly(PortRange.single(80));
    assertThat(PortSpec.parse("80-90").ranges()).containsExactly(new PortRange(80, 90));
    assertThat(PortSpec.parse("443,22,80").ranges())
        .containsExactly(PortRange.single(22), PortRange.single(80), PortRange.single(443));
    assertThat(PortSpec.parse("443,22,80").text()).isEqualTo("443,22,80");
  }

  @Test
  void parse_adjacentRanges_merge() {
    assertThat(PortSpec.parse("80-90,91,85").ranges()).containsExactly(new PortRange(80, 91));
  }

  @Test
  void parse_canonicalText_readsAsWritten() {
    // canonical text takes a one-pass path; what it gives must be what the general reading gives
    assertThat(PortSpec.parse("22,80-81,443").ranges())
        .containsExactly(PortRange.single(22), new PortRange(80, 81), PortRange.single(443));
    assertThat(PortSpec.parse("1-65535").ranges()).containsExactly(new PortRange(1, 65535));
    assertThat(PortSpec.parse("65535").ranges()).containsExactly(PortRange.single(65535));
    assertThat(PortSpec.parse("080").ranges()).containsExactly(PortRange.single(80));
    assertThat(PortSpec.parse("80-80").ranges()).containsExactly(PortRange.single(80));
    assertThat(PortSpec.parse("80,81").ranges()).containsExactly(new PortRange(80, 81));
    assertThat(PortSpec.parse(" 22 ").text()).isEqualTo("22");
    for (String bad : List.of("123456", "80-65536", "22,,80", "22-", ",22")) {
      assertThatThrownBy(() -> PortSpec.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void contains_checksEveryRange() {
    PortSpec s = PortSpec.parse("22,8000-8010");
    assertThat(s.contains(22)).isTrue();
    assertThat(s.contains(8005)).isTrue();
    assertThat(s.contains(23)).isFalse();
    assertThat(s.contains(8011)).isFalse();
    assertThat(s.contains(21)).isFalse();
  }

  @Test
  void parse_badText_saysWhy() {
    for (String bad : List.of("0", "65536", "90-80", "8o", "80,", "-1", "1-2-3", "abc", " , ")) {
      assertThatThrownBy(() -> PortSpec.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("`");
    }
    assertThatThrownBy(() -> PortSpec.parse("90-80")).hasMessageContaining("ends before it starts");
  }

  @Test
  void service_members() {
    assertThat(ServiceSpec.parseMember("tcp:80")).isEqualTo(new ServiceSpec(Optional.of(IpProtocol.TCP), PortSpec.parse("80")));
    assertThat(ServiceSpec.parseMember("UDP:53-60").ports().ranges()).containsExactly(new PortRange(53, 60));
    assertThat(ServiceSpec.parseMember("icmp").protocol()).contains(IpProtocol.ICMP);
    assertThat(ServiceSpec.parseMember("all")).isEqualTo(ServiceSpec.ANY);
    assertThat(ServiceSpec.parseMember("tcp").ports().isAll()).isTrue();
    assertThat(ServiceSpec.parseMember("tcp:22,80").toString()).isEqualTo("TCP:22,80");
    assertThat(ServiceSpec.parseMember("icmpv6").toString()).isEqualTo("ICMPv6");
  }

  @Test
  void service_badMembers_saysWhy() {
    assertThatThrownBy(() -> ServiceSpec.parseMember("icmp:80")).hasMessageContaining("only with TCP or UDP");
    assertThatThrownBy(() -> ServiceSpec.parseMember("sctp:80")).hasMessageContaining("not a protocol");
    assertThatThrownBy(() -> ServiceSpec.parseMember("tcp:")).hasMessageContaining("no port");
    assertThatThrownBy(() -> ServiceSpec.of("ALL", "80")).hasMessageContaining("only with TCP or UDP");
  }

  @Test
  void service_matches() {
    ServiceSpec web = ServiceSpec.of("TCP", "80,443");
    assertThat(web.matches(6, 443)).isTrue();
    assertThat(web.matches(17, 443)).isFalse();
    assertThat(ServiceSpec.of("ICMP", "").matches(1, 0)).isTrue();
    assertThat(ServiceSpec.ANY.matches(47, 0)).isTrue();
  }
}
