package io.openvpc.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A service: a protocol (empty for any) and, for TCP and UDP, destination ports. It is what a rule's
 * {@code Protocol}+{@code Port} pair means, and what one member of a service template ({@code tcp:80},
 * {@code udp:53-60}, {@code tcp:22,80}, {@code icmp}, {@code all}) parses to.
 */
public record ServiceSpec(Optional<IpProtocol> protocol, PortSpec ports) {
  public static final ServiceSpec ANY = new ServiceSpec(Optional.empty(), PortSpec.ALL);

  public ServiceSpec {
    if (ports == null) {
      ports = PortSpec.ALL;
    }
    if (!ports.isAll() && (protocol.isEmpty() || !protocol.get().hasPorts())) {
      throw new IllegalArgumentException("ports are allowed only with TCP or UDP, not with "
          + protocol.map(IpProtocol::text).orElse("ALL"));
    }
  }

  /**
   * A rule's protocol and port text ({@code TCP} + {@code 22,80}); empty port text means all ports.
   *
   * @throws IllegalArgumentException with a reason fit for a user
   */
  public static ServiceSpec of(String protocol, String port) {
    return new ServiceSpec(IpProtocol.parseRule(protocol), PortSpec.parse(port));
  }

  /**
   * One service template member: {@code protocol[:ports]}, case-insensitive.
   *
   * @throws IllegalArgumentException with a reason fit for a user
   */
  public static ServiceSpec parseMember(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("an empty service; expected e.g. tcp:80, udp:53-60, icmp or all");
    }
    String t = text.trim();
    int colon = t.indexOf(':');
    String proto = colon < 0 ? t : t.substring(0, colon);
    String port = colon < 0 ? "" : t.substring(colon + 1);
    if (colon >= 0 && port.isBlank()) {
      throw new IllegalArgumentException("`" + text + "` names no port after the colon");
    }
    try {
      return of(proto, port);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("`" + text + "` is not a service (" + e.getMessage() + ")");
    }
  }

  /** The canonical template member text: {@code tcp:80}, {@code udp:53-60}, {@code tcp:all}, {@code icmp}, {@code all}. */
  public String memberText() {
    return protocol.map(p -> p.text().toLowerCase(Locale.ROOT) + (p.hasPorts() ? ":" + ports.canonical().toLowerCase(Locale.ROOT) : ""))
        .orElse("all");
  }

  /** The protocol as a rule stores it: {@code TCP}, {@code ICMPV6}, or {@code ALL} for any. */
  public String ruleProtocol() {
    return protocol.map(IpProtocol::name).orElse("ALL");
  }

  /** The ports as a rule stores them ({@link PortSpec#canonical()}): {@code ALL}, {@code 80}, {@code 22,80}. */
  public String rulePort() {
    return ports.canonical();
  }

  public boolean matches(int protocolNumber, int destinationPort) {
    if (protocol.isEmpty()) {
      return true;
    }
    IpProtocol p = protocol.get();
    return p.number() == protocolNumber && (!p.hasPorts() || ports.contains(destinationPort));
  }

  /** {@code TCP:80}, {@code ICMP}, {@code ALL}. */
  @Override
  public String toString() {
    return protocol.map(p -> p.text() + (ports.isAll() ? "" : ":" + ports)).orElse("ALL").toUpperCase(Locale.ROOT)
        .replace("ICMPV6", "ICMPv6");
  }
}
