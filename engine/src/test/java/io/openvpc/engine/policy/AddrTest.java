package io.openvpc.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvpc.model.IpAddr;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** An address reads as its canonical text, which IPv4 addresses write without the address library. */
class AddrTest {
  @Property(tries = 500)
  void toString_ipv4_isCanonical(@ForAll int bits) {
    IpAddr ip = IpAddr.fromValue(BigInteger.valueOf(bits & 0xFFFFFFFFL), true);
    assertThat(Addr.of(ip).toString()).isEqualTo(ip.toString());
  }

  @Test
  void toString_edges() {
    for (String s : new String[] {"0.0.0.0", "255.255.255.255", "10.0.1.7", "192.168.100.200", "2402:4e00::1", "::"}) {
      assertThat(Addr.of(IpAddr.parse(s)).toString()).isEqualTo(IpAddr.parse(s).toString());
    }
  }
}
