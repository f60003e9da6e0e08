package io.openvpc.control.acl;

import io.openvpc.control.Change;
import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Ids;
import io.openvpc.control.Ledger;
import io.openvpc.control.Listing;
import io.openvpc.control.Page;
import io.openvpc.control.Quotas;
import io.openvpc.control.Validate;
import io.openvpc.control.vpc.VpcService;
import io.openvpc.model.Direction;
import io.openvpc.model.NetworkAcl;
import io.openvpc.model.NetworkAclEntry;
import io.openvpc.model.NetworkAclQuintupleEntry;
import io.openvpc.model.Rejection;
import io.openvpc.model.Scope;
import io.openvpc.model.Subnet;
import io.openvpc.model.Tag;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Network ACLs: creation per VPC (three- or five-tuple), listing, renaming, deletion (refused while
 * subnets use it), entry editing (whole direction or incremental by entry ID), five-tuple entries by
 * ID, and association with subnets, each of which has at most one ACL. Past the entries, each
 * direction ends in an implicit DROP of everything.
 */
public final class NetworkAclService {
  static final String MALFORMED = "InvalidParameterValue.Malformed";
  private static final Filters<NetworkAcl> FILTERS = new Filters<NetworkAcl>()
      .exact("vpc-id", NetworkAcl::vpcId)
      .exact("network-acl-id", NetworkAcl::id)
      .fuzzy("network-acl-name", NetworkAcl::name)
      .exact("network-acl-type", NetworkAcl::type)
      .tags(NetworkAcl::tags);

  private final Ledger ledger;
  private final Quotas quotas;
  private final Clock clock;

  public NetworkAclService(Ledger ledger, Quotas quotas, Clock clock) {
    this.ledger = ledger;
    this.quotas = quotas;
    this.clock = clock;
  }

  public NetworkAcl create(Scope scope, String vpcId, String name, String type, List<Tag> tags) {
    String n = Validate.name("NetworkAclName", name, 60);
    String ty = type == null || type.isEmpty() ? "TRIPLE" : type.toUpperCase(Locale.ROOT);
    if (!ty.equals("TRIPLE") && !ty.equals("QUINTUPLE")) {
      throw Rejection.value("InvalidParameterValue.Range", "NetworkAclType", "`" + type + "` is not TRIPLE or QUINTUPLE.");
    }
    List<Tag> tg = Validate.tags("Tags", tags);
    return ledger.write(scope, change -> {
      Topology t = change.current();
      Vpc vpc = VpcService.require(t, vpcId, "VpcId");
      long limit = quotas.get("vpc-max-network-acls");
      if (t.where(NetworkAcl.class, a -> a.vpcId().equals(vpc.id())).size() >= limit) {
        throw Rejection.limit("LimitExceeded", "network ACLs per VPC (vpc-max-network-acls)", limit);
      }
      return change.put(new NetworkAcl(Ids.next("acl", t), vpc.id(), n, ty, List.of(), List.of(), List.of(), tg,
          clock.instant()));
    });
  }

  public Page<NetworkAcl> describe(Scope scope, List<String> ids, List<Filter> filters, Long offset, Long limit) {
    List<String> wanted = Validate.ids("NetworkAclIds", ids, "acl", MALFORMED, 100);
    Topology t = ledger.read(scope);
    return Page.of(Listing.select("NetworkAclIds", wanted, filters, (id, p) -> require(t, id, p),
        t.all(NetworkAcl.class), FILTERS,
        Comparator.comparing(NetworkAcl::createdTime).reversed().thenComparing(NetworkAcl::id)), offset, limit);
  }

  /** The subnets that use an ACL, sorted by ID. */
  public static List<Subnet> subnets(Topology t, String aclId) {
    return t.where(Subnet.class, s -> s.networkAclId().equals(aclId)).stream()
        .sorted(Comparator.comparing(Subnet::id)).toList();
  }

  public Topology snapshot(Scope scope) {
    return ledger.read(scope);
  }

  public static NetworkAcl require(Topology t, String id, String param) {
    Ids.requireWellFormed("acl", id, param, MALFORMED);
    return t.find(NetworkAcl.class, id).orElseThrow(() -> Rejection.notFound("ResourceNotFound", param, id));
  }

  public void rename(Scope scope, String aclId, String name) {
    String n = Validate.name("NetworkAclName", name, 60);
    ledger.write(scope, change -> change.put(with(require(change.current(), aclId, "NetworkAclId"), n, null, null, null)));
  }

  public void delete(Scope scope, String aclId) {
    ledger.write(scope, change -> {
      NetworkAcl a = require(change.current(), aclId, "NetworkAclId");
      List<String> used = subnets(change.current(), a.id()).stream().map(Subnet::id).toList();
      if (!used.isEmpty()) {
        throw Rejection.inUse("ResourceInUse", a.id(), "subnets " + String.join(", ", used)
            + "; disassociate them first (DisassociateNetworkAclSubnets)");
      }
      change.delete(a);
      return null;
    });
  }

  /**
   * ModifyNetworkAclEntries: by default each direction given is replaced whole; with
   * {@code incremental}, entries naming an existing entry ID replace it in place and the others are
   * appended. Five-tuple ACLs take {@code quintuples} instead (each direction given replaced whole).
   */
  public void modifyEntries(Scope scope, String aclId, AclInputs.EntrySet entries, AclInputs.QuintupleSet quintuples,
      Boolean incremental) {
    if ((entries == null) == (quintuples == null)) {
      throw new Rejection(entries == null ? "MissingParameter" : "InvalidParameter.Coexist",
          "Give exactly one of `NetworkAclEntrySet` (three-tuple ACLs) and `NetworkAclQuintupleSet` (five-tuple ACLs).",
          "须且只能指定 `NetworkAclEntrySet` 或 `NetworkAclQuintupleSet` 之一。");
    }
    ledger.write(scope, change -> {
      NetworkAcl a = require(change.current(), aclId, "NetworkAclId");
      Instant now = clock.instant();
      if (entries != null) {
        boolean inc = Boolean.TRUE.equals(incremental);
        return putEntries(change, a, entries, (current, param, given) -> entries(inc ? current : List.of(), param, given,
            inc, now));
      }
      requireType(a, "QUINTUPLE", "NetworkAclQuintupleSet");
      List<NetworkAclQuintupleEntry> next = new ArrayList<>();
      for (Direction d : Direction.values()) {
        List<AclInputs.Quintuple> given = d == Direction.INGRESS ? quintuples.ingress() : quintuples.egress();
        if (given == null) {
          next.addAll(direction(a, d));
        } else {
          next.addAll(quintuples(d, "NetworkAclQuintupleSet." + cap(d), given, List.of(), now));
        }
      }
      return change.put(checked(with(a, null, null, null, next)));
    });
  }

  /** How one direction's three-tuple entries change: from the current list, the parameter name and the given entries. */
  @FunctionalInterface
  private interface EntryEdit {
    List<NetworkAclEntry> apply(List<NetworkAclEntry> current, String param, List<AclInputs.Entry> given);
  }

  /**
   * The one path of every three-tuple entry edit: the ACL must be a TRIPLE one, each direction given
   * is edited (a direction left out stays), and the result must fit the entry quotas.
   */
  private NetworkAcl putEntries(Change change, NetworkAcl a, AclInputs.EntrySet entries,
      EntryEdit edit) {
    requireType(a, "TRIPLE", "NetworkAclEntrySet");
    List<NetworkAclEntry> in = entries.ingress() == null ? a.ingress()
        : edit.apply(a.ingress(), "NetworkAclEntrySet.Ingress", entries.ingress());
    List<NetworkAclEntry> out = entries.egress() == null ? a.egress()
        : edit.apply(a.egress(), "NetworkAclEntrySet.Egress", entries.egress());
    checkQuota(in.size(), out.size());
    return change.put(with(a, null, in, out, null));
  }

  /**
   * {@code base} followed by the given entries, each validated; with {@code byId}, an entry naming an
   * existing entry ID replaces that entry in place instead of being appended.
   */
  private static List<NetworkAclEntry> entries(List<NetworkAclEntry> base, String param, List<AclInputs.Entry> given,
      boolean byId, Instant now) {
    List<NetworkAclEntry> out = new ArrayList<>(base);
    for (int i = 0; i < given.size(); i++) {
      AclInputs.Entry e = given.get(i);
      if (byId && entryId(e) != null) {
        int at = entryIndex(out, e, param + "." + i);
        out.set(at, AclRules.entry(param + "." + i, e, out.get(at).entryId(), now));
      } else {
        out.add(AclRules.entry(param + "." + i, e, AclRules.newEntryId(), now));
      }
    }
    return out;
  }

  /** The entry ID an entry names ({@code NetworkAclIpv4EntryId}, else {@code NetworkAclIpv6EntryId}), or null. */
  private static String entryId(AclInputs.Entry e) {
    return AclRules.present(e.ipv4EntryId()) ? e.ipv4EntryId() : AclRules.present(e.ipv6EntryId()) ? e.ipv6EntryId() : null;
  }

  /** The position of the entry that {@code e} names by ID, or {@code MissingParameter}/{@code ResourceNotFound}. */
  private static int entryIndex(List<NetworkAclEntry> entries, AclInputs.Entry e, String param) {
    String id = entryId(e);
    String idParam = param + (AclRules.present(e.ipv4EntryId()) || !AclRules.present(e.ipv6EntryId())
        ? ".NetworkAclIpv4EntryId" : ".NetworkAclIpv6EntryId");
    if (id == null) {
      throw new Rejection("MissingParameter", "`" + param + "` must name the entry by NetworkAclIpv4EntryId or "
          + "NetworkAclIpv6EntryId.", "`" + param + "` 须指定 NetworkAclIpv4EntryId 或 NetworkAclIpv6EntryId。");
    }
    for (int j = 0; j < entries.size(); j++) {
      if (entries.get(j).entryId().equals(id)) {
        return j;
      }
    }
    throw Rejection.notFound("ResourceNotFound", idParam, id);
  }

  /**
   * CreateNetworkAclEntries: appends the given entries to each direction of a three-tuple ACL; each
   * gets a new entry ID (an ID given with an entry is not used).
   */
  public void createEntries(Scope scope, String aclId, AclInputs.EntrySet entries) {
    requireSomeEntries(entries);
    ledger.write(scope, change -> {
      NetworkAcl a = require(change.current(), aclId, "NetworkAclId");
      Instant now = clock.instant();
      return putEntries(change, a, entries, (current, param, given) -> entries(current, param, given, false, now));
    });
  }

  /** DeleteNetworkAclEntries: removes the entries of a three-tuple ACL named by their entry IDs, per direction. */
  public void deleteEntries(Scope scope, String aclId, AclInputs.EntrySet entries) {
    requireSomeEntries(entries);
    ledger.write(scope, change -> {
      NetworkAcl a = require(change.current(), aclId, "NetworkAclId");
      return putEntries(change, a, entries, (current, param, given) -> {
        List<NetworkAclEntry> out = new ArrayList<>(current);
        for (int i = 0; i < given.size(); i++) {
          out.remove(entryIndex(out, given.get(i), param + "." + i));
        }
        return out;
      });
    });
  }

  private static void requireSomeEntries(AclInputs.EntrySet set) {
    if (set == null || ((set.ingress() == null || set.ingress().isEmpty()) && (set.egress() == null || set.egress().isEmpty()))) {
      throw Rejection.missing("NetworkAclEntrySet");
    }
  }

  private void checkQuota(long in, long out) {
    long maxIn = quotas.get("network-acl-max-inbound-policies");
    long maxOut = quotas.get("network-acl-max-outbound-policies");
    if (in > maxIn) {
      throw Rejection.limit("LimitExceeded", "inbound entries per network ACL (network-acl-max-inbound-policies)", maxIn);
    }
    if (out > maxOut) {
      throw Rejection.limit("LimitExceeded", "outbound entries per network ACL (network-acl-max-outbound-policies)", maxOut);
    }
  }

  private NetworkAcl checked(NetworkAcl a) {
    checkQuota(direction(a, Direction.INGRESS).size(), direction(a, Direction.EGRESS).size());
    return a;
  }

  private static void requireType(NetworkAcl a, String type, String param) {
    if (!a.type().equals(type)) {
      throw Rejection.value("UnsupportedOperation", param, a.id() + " is a " + a.type() + " ACL; `" + param
          + "` applies to " + type + " ACLs.");
    }
  }

  private static List<NetworkAclQuintupleEntry> direction(NetworkAcl a, Direction d) {
    return a.quintupleEntries().stream().filter(e -> e.direction() == d).toList();
  }

  private static String cap(Direction d) {
    return d == Direction.INGRESS ? "Ingress" : "Egress";
  }

  /** New five-tuple entries, prioritised after {@code existing} unless they name a priority. */
  private static List<NetworkAclQuintupleEntry> quintuples(Direction d, String param, List<AclInputs.Quintuple> given,
      List<NetworkAclQuintupleEntry> existing, Instant now) {
    long next = existing.stream().mapToLong(NetworkAclQuintupleEntry::priority).max().orElse(0) + 1;
    List<NetworkAclQuintupleEntry> out = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      AclInputs.Quintuple q = given.get(i);
      long priority = priority(param + "." + i + ".Priority", q.priority(), next);
      next = Math.max(next, priority + 1);
      out.add(AclRules.quintuple(param + "." + i, d, q, AclRules.newEntryId(), priority, now));
    }
    return out;
  }

  private static long priority(String param, Long given, long fallback) {
    if (given == null) {
      return fallback;
    }
    if (given < 1 || given > 32766) {
      throw Rejection.value("InvalidParameterValue.Range", param, "must be from 1 to 32766, got " + given + ".");
    }
    return given;
  }

  /** CreateNetworkAclQuintupleEntries: appends entries to each direction. */
  public void createQuintuples(Scope scope, String aclId, AclInputs.QuintupleSet set) {
    requireSome(set);
    ledger.write(scope, change -> {
      NetworkAcl a = require(change.current(), aclId, "NetworkAclId");
      requireType(a, "QUINTUPLE", "NetworkAclQuintupleSet");
      Instant now = clock.instant();
      List<NetworkAclQuintupleEntry> next = new ArrayList<>();
      for (Direction d : Direction.values()) {
        List<NetworkAclQuintupleEntry> have = direction(a, d);
        next.addAll(have);
        List<AclInputs.Quintuple> given = d == Direction.INGRESS ? set.ingress() : set.egress();
        if (given != null) {
          next.addAll(quintuples(d, "NetworkAclQuintupleSet." + cap(d), given, have, now));
        }
      }
      return change.put(checked(with(a, null, null, null, sorted(next))));
    });
  }

  /** ModifyNetworkAclQuintupleEntries: each entry names its NetworkAclQuintupleEntryId and replaces it. */
  public void modifyQuintuples(Scope scope, String aclId, AclInputs.QuintupleSet set) {
    requireSome(set);
    ledger.write(scope, change -> {
      NetworkAcl a = require(change.current(), aclId, "NetworkAclId");
      requireType(a, "QUINTUPLE", "NetworkAclQuintupleSet");
      List<NetworkAclQuintupleEntry> next = new ArrayList<>(a.quintupleEntries());
      Instant now = clock.instant();
      for (Direction d : Direction.values()) {
        List<AclInputs.Quintuple> given = d == Direction.INGRESS ? set.ingress() : set.egress();
        for (int i = 0; given != null && i < given.size(); i++) {
          String p = "NetworkAclQuintupleSet." + cap(d) + "." + i;
          AclInputs.Quintuple q = given.get(i);
          int at = indexOf(next, q.entryId(), p + ".NetworkAclQuintupleEntryId");
          NetworkAclQuintupleEntry old = next.get(at);
          next.set(at, AclRules.quintuple(p, d, q, old.entryId(),
              priority(p + ".Priority", q.priority(), old.priority()), now));
        }
      }
      return change.put(checked(with(a, null, null, null, sorted(next))));
    });
  }

  /** DeleteNetworkAclQuintupleEntries: removes the entries named by ID. */
  public void deleteQuintuples(Scope scope, String aclId, AclInputs.QuintupleSet set) {
    requireSome(set);
    ledger.write(scope, change -> {
      NetworkAcl a = require(change.current(), aclId, "NetworkAclId");
      requireType(a, "QUINTUPLE", "NetworkAclQuintupleSet");
      List<NetworkAclQuintupleEntry> next = new ArrayList<>(a.quintupleEntries());
      for (Direction d : Direction.values()) {
        List<AclInputs.Quintuple> given = d == Direction.INGRESS ? set.ingress() : set.egress();
        for (int i = 0; given != null && i < given.size(); i++) {
          next.remove(indexOf(next, given.get(i).entryId(),
              "NetworkAclQuintupleSet." + cap(d) + "." + i + ".NetworkAclQuintupleEntryId"));
        }
      }
      return change.put(with(a, null, null, null, next));
    });
  }

  private static void requireSome(AclInputs.QuintupleSet set) {
    if (set == null || ((set.ingress() == null || set.ingress().isEmpty()) && (set.egress() == null || set.egress().isEmpty()))) {
      throw Rejection.missing("NetworkAclQuintupleSet");
    }
  }

  private static int indexOf(List<NetworkAclQuintupleEntry> entries, String id, String param) {
    if (!AclRules.present(id)) {
      throw Rejection.missing(param);
    }
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).entryId().equals(id)) {
        return i;
      }
    }
    throw Rejection.notFound("ResourceNotFound", param, id);
  }

  private static List<NetworkAclQuintupleEntry> sorted(List<NetworkAclQuintupleEntry> entries) {
    List<NetworkAclQuintupleEntry> out = new ArrayList<>(entries);
    out.sort(Comparator.comparing(NetworkAclQuintupleEntry::direction)
        .thenComparingLong(NetworkAclQuintupleEntry::priority));
    return out;
  }

  private static final Filters<NetworkAclQuintupleEntry> QUINTUPLE_FILTERS = new Filters<NetworkAclQuintupleEntry>()
      .exact("protocol", NetworkAclQuintupleEntry::protocol)
      .fuzzy("description", NetworkAclQuintupleEntry::description)
      .exact("destination-cidr", NetworkAclQuintupleEntry::destinationCidr)
      .exact("source-cidr", NetworkAclQuintupleEntry::sourceCidr)
      .exact("action", NetworkAclQuintupleEntry::action)
      .exact("network-acl-quintuple-entry-id", NetworkAclQuintupleEntry::entryId)
      .exact("network-acl-direction", NetworkAclQuintupleEntry::direction);

  public Page<NetworkAclQuintupleEntry> describeQuintuples(Scope scope, String aclId, List<Filter> filters, Long offset,
      Long limit) {
    NetworkAcl a = require(ledger.read(scope), aclId, "NetworkAclId");
    return Page.of(QUINTUPLE_FILTERS.apply(a.quintupleEntries(), filters), offset, limit);
  }

  /** Associates subnets of the ACL's VPC with it; a subnet that had another ACL moves to this one. */
  public void associate(Scope scope, String aclId, List<String> subnetIds) {
    List<String> ids = subnetIds(subnetIds);
    ledger.write(scope, change -> {
      Topology t = change.current();
      NetworkAcl a = require(t, aclId, "NetworkAclId");
      for (int i = 0; i < ids.size(); i++) {
        Subnet s = subnet(t, ids.get(i), "SubnetIds." + i);
        if (!s.vpcId().equals(a.vpcId())) {
          throw Rejection.value("UnsupportedOperation.VpcMismatch", "SubnetIds." + i, "`" + s.id() + "` is in "
              + s.vpcId() + " but " + a.id() + " belongs to " + a.vpcId() + ".");
        }
        change.put(withAcl(s, a.id()));
      }
      return null;
    });
  }

  public void disassociate(Scope scope, String aclId, List<String> subnetIds) {
    List<String> ids = subnetIds(subnetIds);
    ledger.write(scope, change -> {
      Topology t = change.current();
      NetworkAcl a = require(t, aclId, "NetworkAclId");
      for (int i = 0; i < ids.size(); i++) {
        Subnet s = subnet(t, ids.get(i), "SubnetIds." + i);
        if (!s.networkAclId().equals(a.id())) {
          throw Rejection.value("InvalidParameterValue", "SubnetIds." + i, "`" + s.id() + "` is not associated with "
              + a.id() + (s.networkAclId().isEmpty() ? "." : " but with " + s.networkAclId() + "."));
        }
        change.put(withAcl(s, ""));
      }
      return null;
    });
  }

  private static List<String> subnetIds(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      throw Rejection.missing("SubnetIds");
    }
    List<String> out = Validate.ids("SubnetIds", ids, "subnet", "InvalidParameterValue.Malformed", 100);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < out.size(); i++) {
      if (!seen.add(out.get(i))) {
        throw Rejection.value("InvalidParameterValue.Duplicate", "SubnetIds." + i, "`" + out.get(i) + "` is given twice.");
      }
    }
    return out;
  }

  private static Subnet subnet(Topology t, String id, String param) {
    return t.find(Subnet.class, id).orElseThrow(() -> Rejection.notFound("ResourceNotFound", param, id));
  }

  private static Subnet withAcl(Subnet s, String aclId) {
    return new Subnet(s.id(), s.vpcId(), s.name(), s.cidrBlock(), s.ipv6CidrBlock(), s.zone(), s.routeTableId(), aclId,
        s.isDefault(), s.enableBroadcast(), s.tags(), s.createdTime());
  }

  private static NetworkAcl with(NetworkAcl a, String name, List<NetworkAclEntry> in, List<NetworkAclEntry> out,
      List<NetworkAclQuintupleEntry> quintuples) {
    return new NetworkAcl(a.id(), a.vpcId(), name != null ? name : a.name(), a.type(), in != null ? in : a.ingress(),
        out != null ? out : a.egress(), quintuples != null ? quintuples : a.quintupleEntries(), a.tags(), a.createdTime());
  }
}
