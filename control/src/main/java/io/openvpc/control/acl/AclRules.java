package io.openvpc.control.acl;

import io.openvpc.control.Ids;
import io.openvpc.control.Validate;
import io.openvpc.model.Direction;
import io.openvpc.model.NetworkAclEntry;
import io.openvpc.model.NetworkAclQuintupleEntry;
import io.openvpc.model.IpProtocol;
import io.openvpc.model.PortSpec;
import io.openvpc.model.Rejection;
import java.time.Instant;
import java.util.Optional;

/**
 * Validation and normalisation of ACL entries: protocol TCP, UDP, ICMP or ALL (upper case); a port
 * ({@code ALL}, one port or one range) only with TCP or UDP; blocks in canonical form; ACCEPT or DROP.
 */
final class AclRules {
  private AclRules() {}

  static NetworkAclEntry entry(String param, AclInputs.Entry in, String entryId, Instant now) {
    Optional<IpProtocol> protocol = protocol(param + ".Protocol", in.protocol());
    String port = port(param + ".Port", protocol, in.port());
    boolean v4 = present(in.cidrBlock());
    boolean v6 = present(in.ipv6CidrBlock());
    if (v4 == v6) {
      throw AclErrors.oneBlock(param, v4);
    }
    String cidr = v4 ? Validate.ruleBlock(param + ".CidrBlock", in.cidrBlock(), true) : "";
    String cidr6 = v6 ? Validate.ruleBlock(param + ".Ipv6CidrBlock", in.ipv6CidrBlock(), false) : "";
    return new NetworkAclEntry(entryId, name(protocol), port, cidr, cidr6, Validate.action(param + ".Action", in.action()),
        Validate.optionalText(param + ".Description", in.description(), 100), now);
  }

  static NetworkAclQuintupleEntry quintuple(String param, Direction direction, AclInputs.Quintuple in, String entryId,
      long priority, Instant now) {
    Optional<IpProtocol> protocol = protocol(param + ".Protocol", in.protocol());
    boolean ipv6 = present(in.sourceIpv6Cidr()) || present(in.destinationIpv6Cidr());
    if (ipv6 && (present(in.sourceCidr()) || present(in.destinationCidr()))) {
      throw AclErrors.familiesMixed(param);
    }
    String any = ipv6 ? "::/0" : "0.0.0.0/0";
    String src = ipv6 ? orAny(param + ".SourceIPv6Cidr", in.sourceIpv6Cidr(), false, any)
        : orAny(param + ".SourceCidr", in.sourceCidr(), true, any);
    String dst = ipv6 ? orAny(param + ".DestinationIPv6Cidr", in.destinationIpv6Cidr(), false, any)
        : orAny(param + ".DestinationCidr", in.destinationCidr(), true, any);
    return new NetworkAclQuintupleEntry(entryId, direction, name(protocol), ipv6 ? "" : src, ipv6 ? src : "",
        port(param + ".SourcePort", protocol, in.sourcePort()), ipv6 ? "" : dst, ipv6 ? dst : "",
        port(param + ".DestinationPort", protocol, in.destinationPort()), Validate.action(param + ".Action", in.action()),
        Validate.optionalText(param + ".Description", in.description(), 100), priority, now);
  }

  private static String orAny(String param, String text, boolean ipv4, String any) {
    return present(text) ? Validate.ruleBlock(param, text, ipv4) : any;
  }

  /** TCP, UDP, ICMP or ALL (empty). */
  static Optional<IpProtocol> protocol(String param, String text) {
    if (!present(text)) {
      throw Rejection.missing(param);
    }
    Optional<IpProtocol> p;
    try {
      p = IpProtocol.parseRule(text);
    } catch (IllegalArgumentException e) {
      p = Optional.of(IpProtocol.GRE);
    }
    if (p.isPresent() && (p.get() == IpProtocol.GRE || p.get() == IpProtocol.ICMPV6)) {
      throw AclErrors.protocolOutOfRange(param, text);
    }
    return p;
  }

  static String name(Optional<IpProtocol> p) {
    return p.map(IpProtocol::name).orElse("ALL");
  }

  /** {@code ALL}, one port or one range, and a port other than ALL only with TCP or UDP. */
  static String port(String param, Optional<IpProtocol> protocol, String text) {
    if (!present(text)) {
      return "ALL";
    }
    PortSpec ports;
    try {
      ports = PortSpec.parse(text);
    } catch (IllegalArgumentException e) {
      throw AclErrors.portMalformed(param, text, e.getMessage());
    }
    if (!ports.isAll() && !ports.isSingleRange()) {
      throw AclErrors.portList(param, text);
    }
    if (!ports.isAll() && (protocol.isEmpty() || !protocol.get().hasPorts())) {
      throw AclErrors.portWithoutTcpOrUdp(param, protocol.map(IpProtocol::text).orElse("ALL"));
    }
    return ports.canonical();
  }

  static String newEntryId() {
    return Ids.random("acle", 8);
  }

  static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
