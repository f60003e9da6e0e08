package io.openvpc.model;

import java.util.Locale;

/**
 * A protocol with its ports: a security group rule's service, or one member of a service template
 * ({@code tcp:80}, {@code udp:53-60}, {@code tcp:22,80}, {@code icmp}, {@code all}). Ports are
 * {@link PortSpec#ALL} for protocols without ports.
 */
public record ServiceSpec(Protocol protocol, PortSpec ports) {
  public ServiceSpec {
    if (protocol == null || ports == null) {
      throw new IllegalArgumentException("protocol and ports are required");
    }
    if (!protocol.hasPorts() && !ports.isAll()) {
      throw new IllegalArgumentException("ports are allowed only with TCP or UDP, not with " + protocol.apiName());
    }
  }

  /**
   * A rule's Protocol and Port. A port is allowed only for TCP and UDP (where no port means every
   * port); with the other protocols the port must be absent or {@code ALL}.
   *
   * @throws IllegalArgumentException with a reason fit for a user
   */
  public static ServiceSpec of(String protocol, String port) {
    Protocol p = Protocol.parse(protocol);
    if (port == null || port.isBlank()) {
      return new ServiceSpec(p, PortSpec.ALL);
    }
    PortSpec ports = PortSpec.parse(port);
    if (!p.hasPorts() && !ports.isAll()) {
      throw new IllegalArgumentException("a port is allowed only with TCP or UDP, not with " + p.apiName());
    }
    return new ServiceSpec(p, ports);
  }

  /**
   * Parses a service template member: {@code protocol[:ports]}, case-insensitive.
   *
   * @throws IllegalArgumentException with a reason fit for a user
   */
  public static ServiceSpec parseMember(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the service is empty");
    }
    String t = text.trim();
    int colon = t.indexOf(':');
    return colon < 0 ? of(t, null) : of(t.substring(0, colon), t.substring(colon + 1));
  }

  /** The canonical member text: {@code tcp:80}, {@code udp:53-60}, {@code tcp:all}, {@code icmp}. */
  public String memberText() {
    String p = protocol.apiName().toLowerCase(Locale.ROOT);
    return protocol.hasPorts() ? p + ":" + ports.text().toLowerCase(Locale.ROOT) : p;
  }

  public boolean matches(Protocol packetProtocol, int port) {
    if (protocol == Protocol.ALL) {
      return true;
    }
    return protocol == packetProtocol && (!protocol.hasPorts() || ports.contains(port));
  }
}
