package io.openvpc.engine.security;

import io.openvpc.engine.policy.Action;
import io.openvpc.engine.policy.AddressMatch;
import io.openvpc.engine.policy.PolicyRule;
import io.openvpc.engine.policy.Prefix;
import io.openvpc.engine.policy.RuleRef;
import io.openvpc.engine.policy.ServiceMatch;
import io.openvpc.engine.compile.Compilation;
import io.openvpc.engine.compile.Input;
import io.openvpc.engine.compile.ResourceCompiler;
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
 * Compiles a network ACL into one rule segment per direction, relative to the subnet:
 * {@code acl-.../ingress} filters packets entering the subnet, {@code acl-.../egress} packets leaving it.
 * The filters of the subnets associated with it name the segments and end in the ACL's immutable
 * default {@code DROP ALL} ({@link #defaultRule}); a subnet without an ACL lets everything pass
 * ({@link #noAcl}).
 */
public final class NetworkAclCompiler implements ResourceCompiler<NetworkAcl> {
  @Override
  public Class<NetworkAcl> kind() {
    return NetworkAcl.class;
  }

  @Override
  public List<Input> inputs() {
    return List.of();
  }

  @Override
  public void compile(NetworkAcl acl, Compilation c) {
    for (Direction d : Direction.values()) {
      c.segment(segment(acl.id(), d), rules(acl, d));
    }
  }

  /** The name of an ACL's segment of one direction. */
  public static String segment(String networkAclId, Direction direction) {
    return networkAclId + (direction == Direction.INGRESS ? "/ingress" : "/egress");
  }

  /** An ACL's entries of one direction as first-match rules, without the default. */
  public static List<PolicyRule> rules(NetworkAcl acl, Direction direction) {
    return "QUINTUPLE".equalsIgnoreCase(acl.type()) ? quintuple(acl, direction) : triple(acl, direction);
  }

  /** The ACL's immutable default entry of a direction: DROP ALL. */
  public static RuleRef defaultRule(String networkAclId, Direction direction) {
    String peer = direction == Direction.INGRESS ? "from" : "to";
    return new RuleRef(RuleRef.NETWORK_ACL, networkAclId, direction, -1,
        "DROP ALL " + peer + " 0.0.0.0/0 and ::/0 (default entry)");
  }

  /** What decides for a subnet with no ACL: every packet passes. */
  public static RuleRef noAcl(String subnetId, Direction direction) {
    return new RuleRef("Subnet", subnetId, direction, -1, "no network ACL is associated: all traffic passes");
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
