package io.openvpc.control.security;

import io.openvpc.model.Direction;
import io.openvpc.model.Rejection;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.SnapshotFile;
import io.openvpc.model.SnapshotPolicy;
import java.util.List;
import java.util.Locale;

/**
 * Every refusal of security group rule editing and of snapshot policies, in English and Chinese, one
 * factory per mistake: the same mistake gives the same code and text from whichever action makes it.
 * {@code member} is the request member at fault, e.g. {@code SecurityGroupPolicySet.Ingress.2}.
 */
final class SecurityErrors {
  static final String SG_MALFORMED = "InvalidSecurityGroupID.Malformed";
  static final String SG_NOT_FOUND = "InvalidSecurityGroupID.NotFound";
  /** The code for a malformed template or snapshot policy ID. */
  static final String ID_MALFORMED = "InvalidParameterValue.Malformed";
  private static final String COEXIST = "InvalidParameter.Coexist";

  private SecurityErrors() {}

  private static String name(Direction d) {
    return d.name().toLowerCase(Locale.ROOT);
  }

  // ---- the request's shape

  static Rejection bothDirections(String set) {
    return new Rejection(COEXIST, "`" + set + ".Ingress` and `" + set
        + ".Egress` cannot both be given: this action edits one direction per call.", "`Ingress` 与 `Egress` 不能同时指定。");
  }

  static Rejection noRules(String set) {
    return new Rejection("MissingParameter", "`" + set + "` has no rules: give `Ingress` or `Egress`.",
        "`" + set + "` 缺少 `Ingress` 或 `Egress` 规则。");
  }

  static Rejection replacesOneRule(String member, int given) {
    return Rejection.value("InvalidParameterValue.LimitExceeded", member, "this action replaces exactly one rule; got "
        + given + ". Use ReplaceSecurityGroupPolicies for several.");
  }

  static Rejection policyIndexDiffers(String member, Long first) {
    return Rejection.value("InvalidParameterValue", member + ".PolicyIndex",
        "every rule of one call must name the same PolicyIndex (or none); the first names " + first + ".");
  }

  static Rejection policyIndexInWholeSet(String member) {
    return Rejection.value("InvalidParameter", member + ".PolicyIndex",
        "ModifySecurityGroupPolicies replaces the whole set, in the order given; PolicyIndex is not allowed.");
  }

  static Rejection indexAndContentMixed(String member) {
    return new Rejection(COEXIST, "`" + member + "` mixes rules given by PolicyIndex and rules given by "
        + "content; delete either by index or by content in one call.", "不能同时按索引和按内容删除规则。");
  }

  static Rejection indexWithContent(String member) {
    return new Rejection(COEXIST, "`" + member + "` gives a PolicyIndex and rule content; give only "
        + "the PolicyIndex to delete by index.", "按索引删除时只能指定 PolicyIndex。");
  }

  // ---- the positions a request names

  /** An insertion point outside 0 ... {@code size} (the top to the end). */
  static Rejection insertIndexOutOfRange(String member, long index, int size, Direction d) {
    return Rejection.value("InvalidParameterValue.Range", member + ".PolicyIndex", "must be from 0 to " + size
        + " (the number of " + name(d) + " rules), got " + index + ".");
  }

  /** A PolicyIndex that names no existing rule. */
  static Rejection policyIndexOutOfRange(String member, long index, int size, Direction d) {
    return Rejection.value("InvalidParameterValue.Range", member + ".PolicyIndex", "must be from 0 to " + (size - 1)
        + " (an existing " + name(d) + " rule), got " + index + ".");
  }

  static Rejection ruleNamedTwice(String member, int at) {
    return Rejection.value("InvalidParameterValue.Duplicate", member + ".PolicyIndex", "rule " + at
        + " is named twice in one call.");
  }

  static Rejection noRuleMatches(String member, Direction d, String groupId) {
    return new Rejection("ResourceNotFound", "`" + member + "` matches no " + name(d) + " rule of " + groupId + ".",
        "`" + member + "` 未匹配到规则。");
  }

  // ---- the resulting rules

  static Rejection duplicatePolicy(String member, SecurityGroupPolicy p, Direction d) {
    return new Rejection("UnsupportedOperation.DuplicatePolicy", "`" + member + "` duplicates an existing "
        + name(d) + " rule: " + p.text(d) + ".", "`" + member + "` 与已有规则重复：" + p.text(d) + "。");
  }

  static Rejection tooManyRules(SecurityGroup g, Direction d, int count, long max) {
    return new Rejection("LimitExceeded.SecurityGroupPolicySet", "The " + name(d) + " rules of " + g.id()
        + " would number " + count + "; at most " + max + " per direction (security-group-max-policies).",
        "安全组 " + g.id() + " 的规则数超出配额（每个方向最多 " + max + " 条）。");
  }

  static Rejection tooManyGroupReferences(SecurityGroup g, Direction d, long refs, long max) {
    return new Rejection("LimitExceeded", "The " + name(d) + " rules of " + g.id() + " would reference "
        + "security groups " + refs + " times; at most " + max + " (security-group-max-referred-groups).",
        "安全组 " + g.id() + " 引用安全组的规则数超出配额（最多 " + max + " 条）。");
  }

  static Rejection versionMismatch(String member, long expected, SecurityGroup g) {
    return new Rejection("UnsupportedOperation.VersionMismatch", "`" + member + "` is " + expected + " but "
        + g.id() + " is at version " + g.version() + "; describe the rules again and retry.",
        "安全组 " + g.id() + " 的当前版本为 " + g.version() + "，与请求的版本 " + expected + " 不一致。");
  }

  static Rejection versionMalformed(String member, String text) {
    return Rejection.malformed(member, text, "the group's version, a whole number as text");
  }

  /** A rule copied to another region that names something absent there. */
  static Rejection cloneReferenceMissing(String direction, int index, String sourceId, String ref, String region) {
    return Rejection.value("UnsupportedOperation", "RemoteRegion", direction + " rule " + index + " of " + sourceId
        + " references `" + ref + "`, which does not exist in " + region + ".");
  }

  /** A backup's rule that names something deleted since. */
  static Rejection backupReferenceGone(Direction d, int index, String ref) {
    return Rejection.value("UnsupportedOperation", "SnapshotFileId", "the backup's " + name(d) + " rule " + index
        + " references `" + ref + "`, which no longer exists; the rules cannot be restored.");
  }

  // ---- one rule

  static Rejection icmpWithIpv6(String member) {
    return Rejection.value("InvalidParameterValue.Combination", member + ".Protocol",
        "ICMP cannot be used with an IPv6 peer (`Ipv6CidrBlock`); use ICMPv6.");
  }

  static Rejection icmpv6WithIpv4(String member) {
    return Rejection.value("InvalidParameterValue.Combination", member + ".Protocol",
        "ICMPv6 cannot be used with an IPv4 peer (`CidrBlock`); use ICMP.");
  }

  static Rejection serviceTemplateWithProtocol(String member) {
    return new Rejection(COEXIST, "`" + member + ".ServiceTemplate` cannot be given together with `" + member
        + ".Protocol` or `" + member + ".Port`: a rule names either a service template or a protocol and port.",
        "`" + member + ".ServiceTemplate` 与 `Protocol`/`Port` 不能同时指定。");
  }

  static Rejection serviceIdAndGroupId(String member) {
    return new Rejection(COEXIST, "`" + member + ".ServiceTemplate.ServiceId` and `.ServiceGroupId` cannot both be given.",
        "`ServiceId` 与 `ServiceGroupId` 不能同时指定。");
  }

  static Rejection protocolOutOfRange(String member, String why) {
    return Rejection.value("InvalidParameterValue.Range", member + ".Protocol", why + ".");
  }

  static Rejection portMalformed(String member, String port, String why) {
    return Rejection.malformed(member + ".Port", port,
        "ALL, a port (80), a range (8000-8010) or a comma list (22,80,443), and a port only with TCP or UDP: " + why);
  }

  static Rejection noPeer(String member) {
    return new Rejection("MissingParameter", "`" + member + "` names no peer: give exactly one of CidrBlock, "
        + "Ipv6CidrBlock, SecurityGroupId or AddressTemplate.", "`" + member + "` 缺少源/目的地址。");
  }

  static Rejection severalPeers(String member, List<String> given) {
    return new Rejection(COEXIST, "`" + member + "` names several peers (" + String.join(", ", given)
        + "); give exactly one.", "`" + member + "` 只能指定一种源/目的地址（" + String.join("、", given) + "）。");
  }

  static Rejection groupNotFound(String member, String id) {
    return Rejection.notFound(SG_NOT_FOUND, member, id);
  }

  /** An address or service template (or group) that does not exist. */
  static Rejection templateNotFound(String member, String id) {
    return Rejection.notFound("ResourceNotFound", member, id);
  }

  // ---- snapshot policies

  static Rejection snapshotPolicyNotFound(String member, String id) {
    return Rejection.notFound("ResourceNotFound", member, id);
  }

  static Rejection backupTypeOutOfRange(String member, String type) {
    return Rejection.value("InvalidParameterValue.Range", member, "`" + type + "` is not `operate` (back up on "
        + "every change) or `time` (back up at the BackupPolicies times).");
  }

  static Rejection keepTimeOutOfRange(String member, long days) {
    return Rejection.value("InvalidParameterValue.Range", member, "must be from 1 to 365 days, got " + days + ".");
  }

  static Rejection schedulelessTimePolicy(String member) {
    return new Rejection("MissingParameter", "`" + member + "` is required when BackupType is `time`: give at least one "
        + "weekday and time.", "BackupType 为 time 时必须指定 `" + member + "`。");
  }

  static Rejection backupDayOutOfRange(String member, String day) {
    return Rejection.value("InvalidParameterValue.Range", member, "`" + day + "` is not one of monday ... sunday.");
  }

  static Rejection backupTimeMalformed(String member, String time) {
    return Rejection.malformed(member, time, "a time of day as HH:mm:ss, e.g. 01:00:00");
  }

  static Rejection backupTimeGivenTwice(String member, String day, String time) {
    return Rejection.value("InvalidParameterValue.Duplicate", member, day + " " + time + " is given twice.");
  }

  static Rejection snapshotPolicyInUse(SnapshotPolicy p) {
    return Rejection.inUse("ResourceInUse", p.id(), "security groups " + String.join(", ", p.securityGroupIds())
        + "; detach them first (DetachSnapshotInstances)");
  }

  static Rejection groupUnderAnotherPolicy(String groupId, String otherPolicyId) {
    return Rejection.inUse("ResourceInUse", groupId, "snapshot policy " + otherPolicyId
        + "; a security group follows one snapshot policy");
  }

  static Rejection groupNotAttached(String member, String groupId, String policyId) {
    return Rejection.value("InvalidParameterValue", member, "`" + groupId + "` is not attached to " + policyId + ".");
  }

  static Rejection instanceTypeOutOfRange(String member, String type) {
    return Rejection.value("InvalidParameterValue.Range", member, "`" + type
        + "` is not supported; snapshot policies cover `securitygroup` instances.");
  }

  static Rejection regionDiffers(String member, String given, String region) {
    return Rejection.value("InvalidParameterValue.Range", member, "`" + given + "` differs from the region of the call, "
        + region + ".");
  }

  static Rejection givenTwice(String member, String id) {
    return Rejection.value("InvalidParameterValue.Duplicate", member, "`" + id + "` is given twice.");
  }

  static Rejection businessTypeOutOfRange(String type) {
    return Rejection.value("InvalidParameterValue.Range", "BusinessType", "`" + type
        + "` is not supported; use `securitygroup`.");
  }

  static Rejection endBeforeStart() {
    return Rejection.value("InvalidParameterValue.Range", "EndDate", "is before StartDate.");
  }

  static Rejection dateMalformed(String member, String text) {
    return Rejection.malformed(member, text, "a date as YYYY-MM-DD or YYYY-MM-DD hh:mm:ss");
  }

  static Rejection snapshotFileNotFound(String fileId) {
    return Rejection.notFound("ResourceNotFound", "SnapshotFileId", fileId);
  }

  static Rejection snapshotFileOfAnother(SnapshotFile f, String groupId, String policyId) {
    return Rejection.value("InvalidParameterValue", "SnapshotFileId", "`" + f.id() + "` is a backup of "
        + f.securityGroupId() + " under " + f.snapshotPolicyId() + ", not of " + groupId + " under " + policyId + ".");
  }
}
