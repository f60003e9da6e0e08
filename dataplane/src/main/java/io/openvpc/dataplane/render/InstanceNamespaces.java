package io.openvpc.dataplane.render;

import java.util.List;

/** What every instance namespace shares. */
final class InstanceNamespaces {
  /** The gateway every router port answers to for IPv6. */
  static final String IPV6_GATEWAY = "fe80::1";
  /** The resolver file of every namespace: no resolver, so nothing ever asks the host's. */
  static final String RESOLV_CONF = "# OpenVPC: this VPC has no resolver; names do not resolve here.\n"
      + "options timeout:1 attempts:1\n";
  /** An instance that is a route's next hop forwards what it receives, as the engine models it. */
  static final List<String> SYSCTLS = List.of("net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1");

  private InstanceNamespaces() {}
}
