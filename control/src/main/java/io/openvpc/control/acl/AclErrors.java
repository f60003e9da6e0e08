package io.openvpc.control.acl;

import io.openvpc.model.NetworkAcl;
import io.openvpc.model.Rejection;
import io.openvpc.model.Subnet;
import java.util.List;

/**
 * Every refusal of network ACLs and their entries, in English and Chinese, one factory per mistake:
 * the same mistake gives the same code and text from whichever action makes it. {@code member} is the
 * request member at fault, e.g. {@code NetworkAclEntrySet.Ingress.1}.
 */
final class AclErrors {
  static final String MALFORMED = "InvalidParameterValue.Malformed";
  private static final String COEXIST = "InvalidParameter.Coexist";

  private AclErrors() {}

  // ---- ACLs

  static Rejection aclTypeOutOfRange(String type) {
    return Rejection.value("InvalidParameterValue.Range", "NetworkAclType", "`" + type + "` is not TRIPLE or QUINTUPLE.");
  }

  static Rejection tooManyAcls(long limit) {
    return Rejection.limit("LimitExceeded", "network ACLs per VPC (vpc-max-network-acls)", limit);
  }

  static Rejection aclNotFound(String member, String id) {
    return Rejection.notFound("ResourceNotFound", member, id);
  }

  static Rejection aclInUse(NetworkAcl a, List<String> subnets) {
    return Rejection.inUse("ResourceInUse", a.id(), "subnets " + String.join(", ", subnets)
        + "; disassociate them first (DisassociateNetworkAclSubnets)");
  }

  /** An entry action for the other kind of ACL (three-tuple entries on a five-tuple ACL, or the reverse). */
  static Rejection wrongAclType(NetworkAcl a, String type, String member) {
    return Rejection.value("UnsupportedOperation", member, a.id() + " is a " + a.type() + " ACL; `" + member
        + "` applies to " + type + " ACLs.");
  }

  // ---- the request's shape

  /** ModifyNetworkAclEntries with neither or both of its entry sets. */
  static Rejection oneEntrySet(boolean bothGiven) {
    return new Rejection(bothGiven ? COEXIST : "MissingParameter",
        "Give exactly one of `NetworkAclEntrySet` (three-tuple ACLs) and `NetworkAclQuintupleSet` (five-tuple ACLs).",
        "须且只能指定 `NetworkAclEntrySet` 或 `NetworkAclQuintupleSet` 之一。");
  }

  static Rejection entryNamesNoId(String member) {
    return new Rejection("MissingParameter", "`" + member + "` must name the entry by NetworkAclIpv4EntryId or "
        + "NetworkAclIpv6EntryId.", "`" + member + "` 须指定 NetworkAclIpv4EntryId 或 NetworkAclIpv6EntryId。");
  }

  /** An entry ID that names no entry (of that direction, for three-tuple entries). */
  static Rejection entryNotFound(String member, String id) {
    return Rejection.notFound("ResourceNotFound", member, id);
  }

  // ---- the resulting entries

  static Rejection tooManyInbound(long max) {
    return Rejection.limit("LimitExceeded", "inbound entries per network ACL (network-acl-max-inbound-policies)", max);
  }

  static Rejection tooManyOutbound(long max) {
    return Rejection.limit("LimitExceeded", "outbound entries per network ACL (network-acl-max-outbound-policies)", max);
  }

  // ---- one entry

  /** A three-tuple entry with both or neither of its blocks. */
  static Rejection oneBlock(String member, boolean bothGiven) {
    return new Rejection(bothGiven ? COEXIST : "MissingParameter", "`" + member
        + "` must give exactly one of CidrBlock and Ipv6CidrBlock.", "`" + member + "` 须指定 CidrBlock 或 Ipv6CidrBlock 之一。");
  }

  static Rejection familiesMixed(String member) {
    return new Rejection(COEXIST, "`" + member + "` mixes IPv4 and IPv6 blocks; an entry is one family.",
        "`" + member + "` 不能同时包含 IPv4 与 IPv6 地址。");
  }

  static Rejection protocolOutOfRange(String member, String text) {
    return Rejection.value("InvalidParameterValue.Range", member, "`" + text + "` is not one of TCP, UDP, ICMP, ALL.");
  }

  static Rejection portMalformed(String member, String text, String why) {
    return Rejection.malformed(member, text, "ALL, a port (80) or a range (8000-8010): " + why);
  }

  static Rejection portList(String member, String text) {
    return Rejection.malformed(member, text, "ALL, a port (80) or a range (8000-8010); ACL entries take no port lists");
  }

  static Rejection portWithoutTcpOrUdp(String member, String protocol) {
    return Rejection.value("InvalidParameterValue.Combination", member, "a port is allowed only with TCP or UDP, not with "
        + protocol + ".");
  }

  static Rejection priorityOutOfRange(String member, long given) {
    return Rejection.value("InvalidParameterValue.Range", member, "must be from 1 to 32766, got " + given + ".");
  }

  // ---- subnets

  static Rejection subnetNotFound(String member, String id) {
    return Rejection.notFound("ResourceNotFound", member, id);
  }

  static Rejection subnetGivenTwice(String member, String id) {
    return Rejection.value("InvalidParameterValue.Duplicate", member, "`" + id + "` is given twice.");
  }

  static Rejection subnetInAnotherVpc(String member, Subnet s, NetworkAcl a) {
    return Rejection.value("UnsupportedOperation.VpcMismatch", member, "`" + s.id() + "` is in " + s.vpcId() + " but "
        + a.id() + " belongs to " + a.vpcId() + ".");
  }

  static Rejection subnetNotAssociated(String member, Subnet s, NetworkAcl a) {
    return Rejection.value("InvalidParameterValue", member, "`" + s.id() + "` is not associated with " + a.id()
        + (s.networkAclId().isEmpty() ? "." : " but with " + s.networkAclId() + "."));
  }
}
