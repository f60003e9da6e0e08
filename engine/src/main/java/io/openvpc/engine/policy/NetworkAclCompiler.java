package io.openvpc.engine.policy;

import io.openvpc.model.Direction;
import io.openvpc.model.NetworkAcl;
import io.openvpc.model.NetworkAclEntry;
import io.openvpc.model.NetworkAclQuintupleEntry;
import io.openvpc.model.PortSpec;
import io.openvpc.model.ServiceSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compiles a network ACL into one first-match list per direction, relative to the subnet: INGRESS
 * filters packets entering the subnet, EGRESS packets leaving it. Each list ends in the ACL's
 * immutable default {@code DROP ALL}; a subnet without an ACL gets {@link #allowAll}.
 */
public final class NetworkAclCompiler {
  private NetworkAclCompiler() {}

  public static RuleList compile(NetworkAcl acl, Direction direction) {
    List<PolicyRule> rules = "QUINTUPLE".equalsIgnoreCase(acl.type()) ? quintuple(acl, direction) : triple(acl, direction);
    String peer = direction == Direction.INGRESS ? "from" : "to";
    return new RuleList(rules, Action.DROP,
        new RuleRef(RuleRef.NETWORK_ACL, acl.id(), direction, -1, "DROP ALL " + peer + " 0.0.0.0/0 and ::/0 (default entry)"));
  }

  /** The list of a subnet with no ACL: every packet passes. */
  public static RuleList allowAll(String subnetId, Direction direction) {
    return new RuleList(List.of(), Action.ACCEPT,
        new RuleRef("Subnet", subnetId, direction, -1, "no network ACL is associated: all traffic passes"));
  }

  private static List<PolicyRule> triple(NetworkAcl acl, Direction direction) {
    List<NetworkAclEntry> entries = direction == Direction.INGRESS ? acl.ingress() : acl.egress();
    List<PolicyRule> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      NetworkAclEntry e = entries.get(i);
      RuleRef ref = new RuleRef(RuleRef.NETWORK_ACL, acl.id(), direction, i, e.text(direction));
      List<String> warnings = new ArrayList<>();
      AddressMatch peer = block(e.cidrBlock(), e.ipv6CidrBlock(), warnings);
      List<ServiceMatch> services = service(e.protocol(), PortSpec.ALL.text(), e.port(), warnings);
      if (peer == null) {
        peer = AddressMatch.ANY;
        services = List.of();
      }
      out.add(new PolicyRule(ref, Action.parse(e.action()),
          direction == Direction.INGRESS ? peer : AddressMatch.ANY,
          direction == Direction.INGRESS ? AddressMatch.ANY : peer, services, String.join("; ", warnings)));
    }
    return out;
  }

  private static List<PolicyRule> quintuple(NetworkAcl acl, Direction direction) {
    List<NetworkAclQuintupleEntry> entries = acl.quintupleEntries().stream()
        .filter(e -> e.direction() == direction)
        .sorted(Comparator.comparingLong(NetworkAclQuintupleEntry::priority)).toList();
    List<PolicyRule> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      NetworkAclQuintupleEntry e = entries.get(i);
      RuleRef ref = new RuleRef(RuleRef.NETWORK_ACL, acl.id(), direction, i, text(e));
      List<String> warnings = new ArrayList<>();
      AddressMatch src = e.sourceCidr().isEmpty() && e.sourceIpv6Cidr().isEmpty() ? AddressMatch.ANY
          : block(e.sourceCidr(), e.sourceIpv6Cidr(), warnings);
      AddressMatch dst = e.destinationCidr().isEmpty() && e.destinationIpv6Cidr().isEmpty() ? AddressMatch.ANY
          : block(e.destinationCidr(), e.destinationIpv6Cidr(), warnings);
      List<ServiceMatch> services = service(e.protocol(), e.sourcePort(), e.destinationPort(), warnings);
      if (src == null || dst == null) {
        src = AddressMatch.ANY;
        dst = AddressMatch.ANY;
        services = List.of();
      }
      out.add(new PolicyRule(ref, Action.parse(e.action()), src, dst, services, String.join("; ", warnings)));
    }
    return out;
  }

  /** The text of a five-tuple entry, e.g. {@code ACCEPT TCP 10.0.0.0/8:ALL -> 0.0.0.0/0:22 (acli-...)}. */
  public static String text(NetworkAclQuintupleEntry e) {
    String src = e.sourceCidr().isEmpty() ? (e.sourceIpv6Cidr().isEmpty() ? "any" : e.sourceIpv6Cidr()) : e.sourceCidr();
    String dst = e.destinationCidr().isEmpty() ? (e.destinationIpv6Cidr().isEmpty() ? "any" : e.destinationIpv6Cidr())
        : e.destinationCidr();
    String sp = e.sourcePort().isEmpty() ? "ALL" : e.sourcePort();
    String dp = e.destinationPort().isEmpty() ? "ALL" : e.destinationPort();
    return e.action() + " " + e.protocol() + " " + src + ":" + sp + " -> " + dst + ":" + dp
        + (e.entryId().isEmpty() ? "" : " (" + e.entryId() + ")")
        + (e.description().isEmpty() ? "" : " " + e.description());
  }

  private static AddressMatch block(String v4, String v6, List<String> warnings) {
    List<Prefix> cidrs = new ArrayList<>();
    try {
      if (!v4.isEmpty()) {
        cidrs.add(Prefix.parse(v4));
      }
      if (!v6.isEmpty()) {
        cidrs.add(Prefix.parse(v6));
      }
    } catch (IllegalArgumentException e) {
      warnings.add("block does not parse: " + e.getMessage());
      return null;
    }
    if (cidrs.isEmpty()) {
      warnings.add("the entry names no block");
      return null;
    }
    return new AddressMatch.Blocks(cidrs);
  }

  private static List<ServiceMatch> service(String protocol, String sourcePort, String destinationPort,
      List<String> warnings) {
    try {
      ServiceSpec dst = ServiceSpec.of(protocol == null || protocol.isEmpty() ? "ALL" : protocol, destinationPort);
      PortSpec sp = PortSpec.parse(sourcePort);
      return List.of(new ServiceMatch(dst.protocol(), sp, dst.ports()));
    } catch (IllegalArgumentException e) {
      warnings.add(e.getMessage());
      return List.of();
    }
  }
}
