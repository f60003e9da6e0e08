package io.openvpc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CidrTest {
  @Test
  void parse_networkForm() {
    Cidr c = Cidr.parse("10.0.0.0/16");
    assertThat(c.toString()).isEqualTo("10.0.0.0/16");
    assertThat(c.prefixLength()).isEqualTo(16);
    assertThat(c.size()).isEqualTo(BigInteger.valueOf(65536));
    assertThat(c.first().toString()).isEqualTo("10.0.0.0");
    assertThat(c.last().toString()).isEqualTo("10.0.255.255");
  }

  @Test
  void parse_hostBitsSet_refusedWithTheNetwork() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.1/16")).hasMessageContaining("10.0.0.0/16");
    assertThat(Cidr.parseLenient("10.0.0.1/16").toString()).isEqualTo("10.0.0.0/16");
  }

  @Test
  void parse_bareAddress_isSingleAddressBlock() {
    assertThat(Cidr.parse("10.0.0.7").toString()).isEqualTo("10.0.0.7/32");
    assertThat(Cidr.parse("2402:4e00::1").prefixLength()).isEqualTo(128);
  }

  @Test
  void parse_garbage_refused() {
    for (String bad : new String[] {"", "10.0.0.0/33", "abc", "10.0.0/8", "1.2.3.4.5/8", "010.0.0.0/8", "10.0.0.0/-1"}) {
      assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void containsAndOverlaps() {
    Cidr vpc = Cidr.parse("10.0.0.0/16");
    assertThat(vpc.contains(Cidr.parse("10.0.1.0/24"))).isTrue();
    assertThat(vpc.contains(Cidr.parse("10.1.0.0/24"))).isFalse();
    assertThat(vpc.overlaps(Cidr.parse("10.0.0.0/8"))).isTrue();
    assertThat(vpc.overlaps(Cidr.parse("::/0"))).isFalse();
    assertThat(vpc.contains(IpAddr.parse("10.0.3.4"))).isTrue();
  }

  @Test
  void ipv6() {
    Cidr c = Cidr.parse("2402:4e00:1000::/56");
    assertThat(c.isIpv6()).isTrue();
    assertThat(c.contains(Cidr.parse("2402:4e00:1000:1::/64"))).isTrue();
  }

  @Test
  void ipAddr_nextAndAt() {
    assertThat(IpAddr.parse("10.0.0.255").next().toString()).isEqualTo("10.0.1.0");
    assertThat(Cidr.parse("10.0.0.0/24").at(BigInteger.valueOf(5)).toString()).isEqualTo("10.0.0.5");
    assertThat(IpAddr.parse("255.255.255.254").next().toString()).isEqualTo("255.255.255.255");
  }
}
