package io.openvpc.engine.symbolic;

import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortRange;
import io.openvpc.model.PortSpec;
import java.util.List;
import java.util.Locale;

/**
 * One port of an instance port check as the console writes it: {@code 22} or {@code 20-21} (TCP),
 * {@code UDP:53}, {@code TCP:8000-8100}, {@code ICMP} or {@code ICMPv6}.
 */
public record PortProbe(String text, IpProtocol protocol, PortRange ports) {
  /** What the console checks when no ports are given. */
  public static final List<String> DEFAULTS = List.of("22", "3389", "80", "443", "20-21", "ICMP");

  /**
   * @throws IllegalArgumentException with a reason fit for a user
   */
  public static PortProbe parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("an empty port; expected e.g. 22, 20-21, UDP:53 or ICMP");
    }
    String t = text.trim();
    String upper = t.toUpperCase(Locale.ROOT);
    if (upper.equals("ICMP") || upper.equals("ICMPV6")) {
      return new PortProbe(t, upper.equals("ICMP") ? IpProtocol.ICMP : IpProtocol.ICMPV6, null);
    }
    IpProtocol proto = IpProtocol.TCP;
    String ports = t;
    int colon = t.indexOf(':');
    if (colon >= 0) {
      String p = upper.substring(0, colon);
      if (!p.equals("TCP") && !p.equals("UDP")) {
        throw new IllegalArgumentException("`" + t + "`: only TCP and UDP carry ports");
      }
      proto = IpProtocol.valueOf(p);
      ports = t.substring(colon + 1);
    }
    if (ports.contains(",") || ports.equalsIgnoreCase("ALL")) {
      throw new IllegalArgumentException("`" + t + "` is not one port or range; expected e.g. 22 or 20-21");
    }
    PortSpec spec = PortSpec.parse(ports);
    return new PortProbe(t, proto, spec.ranges().get(0));
  }
}
