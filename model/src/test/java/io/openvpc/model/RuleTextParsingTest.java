package io.openvpc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The canonical texts OpenVPC stores for ports, services and address template members. */
class RuleTextParsingTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"ALL, ALL", "all, ALL", "80, 80", "8000-8010, 8000-8010", "'443,22,80', '22,80,443'",
      "'80,80', 80", "1-65535, ALL", "' 22 , 80-81 ', '22,80-81'", "5-5, 5", "'80,81', 80-81"})
  void parse_canonicalText(String text, String canonical) {
    assertThat(PortSpec.parse(text).canonical()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "90-80", "abc", "80,", "-80", "80-", "123456"})
  void parse_refusesMalformed(String text) {
    assertThatThrownBy(() -> PortSpec.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void parse_textRoundTrips(@ForAll @IntRange(min = 1, max = 65535) int a, @ForAll @IntRange(min = 1, max = 65535) int b) {
    PortSpec s = PortSpec.parse(Math.min(a, b) + "-" + Math.max(a, b));
    assertThat(PortSpec.parse(s.canonical()).canonical()).isEqualTo(s.canonical());
    assertThat(s.contains(a)).isTrue();
    assertThat(s.contains(b)).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"tcp:80, tcp:80", "'TCP:22,80', 'tcp:22,80'", "udp:53-60, udp:53-60", "icmp, icmp", "ALL, all",
      "tcp, tcp:all", "ICMPv6, icmpv6", "gre, gre"})
  void serviceMember_canonicalText(String text, String canonical) {
    assertThat(ServiceSpec.parseMember(text).memberText()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"icmp:8", "sctp:80", "tcp:0", "", ":80", "all:22"})
  void serviceMember_refusesMalformed(String text) {
    assertThatThrownBy(() -> ServiceSpec.parseMember(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"10.0.0.1, 10.0.0.1", "10.0.0.0/24, 10.0.0.0/24", "10.0.0.1-10.0.0.9, 10.0.0.1-10.0.0.9",
      "2402:4e00::/32, 2402:4e00::/32", "2402:4e00::1, 2402:4e00::1"})
  void addressMember_canonicalText(String text, String canonical) {
    assertThat(AddressSpec.parse(text).text()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.9-10.0.0.1", "10.0.0.1-::1", "10.0.0.1/24", "10.0.0", "host.example"})
  void addressMember_refusesMalformed(String text) {
    assertThatThrownBy(() -> AddressSpec.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} port {1} matches {2}")
  @CsvSource({"tcp:80-90, TCP, 85, true", "tcp:80-90, UDP, 85, false", "all, UDP, 1, true", "icmp, ICMP, 0, true",
      "'tcp:22,443', TCP, 80, false"})
  void service_matches(String member, IpProtocol protocol, int port, boolean matches) {
    assertThat(ServiceSpec.parseMember(member).matches(protocol.number(), port)).isEqualTo(matches);
  }
}
