package io.openvpc.control.acl;

import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Ids;
import io.openvpc.control.Ledger;
import io.openvpc.control.Listing;
import io.openvpc.control.Page;
import io.openvpc.control.Quotas;
import io.openvpc.control.RuleEdit;
import io.openvpc.control.Validate;
import io.openvpc.control.vpc.VpcService;
import io.openvpc.model.Direction;
import io.openvpc.model.Indexes;
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
import java.util.Map;
import java.util.Set;

/**
 * Network ACLs: creation per VPC (three- or five-tuple), listing, renaming, deletion (refused while
 * subnets use it), entry editing (whole direction or incremental by entry ID), five-tuple entries by
 * ID, and association with subnets, each of which has at most one ACL. Past the entries, each
 * direction ends in an implicit DROP of everything.
 */
public final class NetworkAclService {
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
      throw AclErrors.aclTypeOutOfRange(type);
    }
    List<Tag> tg = Validate.tags("Tags", tags);
    return ledger.write(scope, change -> {
      Topology t = change.current();
      Vpc vpc = VpcService.require(t, vpcId, "VpcId");
      long limit = quotas.get("vpc-max-network-acls");
      if (t.countBy(Indexes.NETWORK_ACL_BY_VPC, vpc.id()) >= limit) {
        throw AclErrors.tooManyAcls(limit);
      }
      return change.put(new NetworkAcl(Ids.next("acl", t), vpc.id(), n, ty, List.of(), List.of(), List.of(), tg,
          clock.instant()));
    });
  }

  public Page<NetworkAcl> describe(Scope scope, List<String> ids, List<Filter> filters, Long offset, Long limit) {
    List<String> wanted = Validate.ids("NetworkAclIds", ids, "acl", AclErrors.MALFORMED, 100);
    Topology t = ledger.read(scope);
    return Listing.page(t, "NetworkAclIds", wanted, filters, (id, p) -> require(t, id, p), FILTERS,
        Map.of("vpc-id", Indexes.NETWORK_ACL_BY_VPC), Indexes.NETWORK_ACL_NEWEST, false, offset, limit);
  }

  /** The subnets that use an ACL, sorted by ID. */
  public static List<Subnet> subnets(Topology t, String aclId) {
    return t.by(Indexes.SUBNET_BY_NETWORK_ACL, aclId);  // sorted by ID
  }

  public Topology snapshot(Scope scope) {
    return ledger.read(scope);
  }

  public static NetworkAcl require(Topology t, String id, String param) {
    Ids.requireWellFormed("acl", id, param, AclErrors.MALFORMED);
    return t.find(NetworkAcl.class, id).orElseThrow(() -> AclErrors.aclNotFound(param, id));
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
        throw AclErrors.aclInUse(a, used);
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
      throw AclErrors.oneEntrySet(entries != null);
    }
    boolean inc = Boolean.TRUE.equals(incremental);
    if (entries != null) {
      editEntries(scope, aclId, entries, (current, member, given, now) -> inc
          ? AclRequests.update(current, member, given, now) : AclRequests.replaceWhole(current, member, given, now));
    } else {
      editQuintuples(scope, aclId, false, (current, now) -> AclRequests.replaceDirections(current, quintuples, now));
    }
  }

  /** CreateNetworkAclEntries: appends the given entries to each direction of a three-tuple ACL, each with a new ID. */
  public void createEntries(Scope scope, String aclId, AclInputs.EntrySet entries) {
    requireSomeEntries(entries);
    editEntries(scope, aclId, entries, (current, member, given, now) -> AclRequests.append(member, given, now));
  }

  /** DeleteNetworkAclEntries: removes the entries of a three-tuple ACL named by their entry IDs, per direction. */
  public void deleteEntries(Scope scope, String aclId, AclInputs.EntrySet entries) {
    requireSomeEntries(entries);
    editEntries(scope, aclId, entries, (current, member, given, now) -> AclRequests.delete(current, member, given));
  }

  /** How one direction's request of three-tuple entries becomes an edit of that direction's list. */
  @FunctionalInterface
  private interface EntryRequest {
    RuleEdit<NetworkAclEntry> resolve(List<NetworkAclEntry> current, String member, List<AclInputs.Entry> given,
        Instant now);
  }

  /**
   * The one path of every three-tuple entry edit, in one transaction: the ACL must be a TRIPLE one, each
   * direction given is resolved into an edit and applied (a direction left out stays), and the result
   * must fit the entry quotas.
   */
  private void editEntries(Scope scope, String aclId, AclInputs.EntrySet entries, EntryRequest request) {
    ledger.write(scope, change -> {
      NetworkAcl a = require(change.current(), aclId, "NetworkAclId");
      requireType(a, "TRIPLE", "NetworkAclEntrySet");
      Instant now = clock.instant();
      List<NetworkAclEntry> in = entries.ingress() == null ? a.ingress()
          : request.resolve(a.ingress(), "NetworkAclEntrySet.Ingress", entries.ingress(), now).applyTo(a.ingress());
      List<NetworkAclEntry> out = entries.egress() == null ? a.egress()
          : request.resolve(a.egress(), "NetworkAclEntrySet.Egress", entries.egress(), now).applyTo(a.egress());
      checkQuota(in.size(), out.size());
      return change.put(with(a, null, in, out, null));
    });
  }

  /** CreateNetworkAclQuintupleEntries: appends entries to each direction. */
  public void createQuintuples(Scope scope, String aclId, AclInputs.QuintupleSet set) {
    requireSome(set);
    editQuintuples(scope, aclId, true, (current, now) -> AclRequests.appendQuintuples(current, set, now));
  }

  /** ModifyNetworkAclQuintupleEntries: each entry names its NetworkAclQuintupleEntryId and replaces it. */
  public void modifyQuintuples(Scope scope, String aclId, AclInputs.QuintupleSet set) {
    requireSome(set);
    editQuintuples(scope, aclId, true, (current, now) -> AclRequests.updateQuintuples(current, set, now));
  }

  /** DeleteNetworkAclQuintupleEntries: removes the entries named by ID. */
  public void deleteQuintuples(Scope scope, String aclId, AclInputs.QuintupleSet set) {
    requireSome(set);
    editQuintuples(scope, aclId, false, (current, now) -> AclRequests.deleteQuintuples(current, set));
  }

  /** How a request of five-tuple entries becomes an edit of the ACL's five-tuple list. */
  @FunctionalInterface
  private interface QuintupleRequest {
    RuleEdit<NetworkAclQuintupleEntry> resolve(List<NetworkAclQuintupleEntry> current, Instant now);
  }

  /**
   * The one path of every five-tuple entry edit, in one transaction: the ACL must be a QUINTUPLE one,
   * the request is resolved into an edit and applied, the entries put in priority order per direction
   * when {@code sort} (an edit that adds or rewrites priorities), and the result must fit the quotas.
   */
  private void editQuintuples(Scope scope, String aclId, boolean sort, QuintupleRequest request) {
    ledger.write(scope, change -> {
      NetworkAcl a = require(change.current(), aclId, "NetworkAclId");
      requireType(a, "QUINTUPLE", "NetworkAclQuintupleSet");
      List<NetworkAclQuintupleEntry> next = request.resolve(a.quintupleEntries(), clock.instant())
          .applyTo(a.quintupleEntries());
      checkQuota(AclRequests.direction(next, Direction.INGRESS).size(), AclRequests.direction(next, Direction.EGRESS).size());
      return change.put(with(a, null, null, null, sort ? sorted(next) : next));
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
      throw AclErrors.tooManyInbound(maxIn);
    }
    if (out > maxOut) {
      throw AclErrors.tooManyOutbound(maxOut);
    }
  }

  private static void requireType(NetworkAcl a, String type, String param) {
    if (!a.type().equals(type)) {
      throw AclErrors.wrongAclType(a, type, param);
    }
  }

  private static void requireSome(AclInputs.QuintupleSet set) {
    if (set == null || ((set.ingress() == null || set.ingress().isEmpty()) && (set.egress() == null || set.egress().isEmpty()))) {
      throw Rejection.missing("NetworkAclQuintupleSet");
    }
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
          throw AclErrors.subnetInAnotherVpc("SubnetIds." + i, s, a);
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
          throw AclErrors.subnetNotAssociated("SubnetIds." + i, s, a);
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
    List<String> out = Validate.ids("SubnetIds", ids, "subnet", AclErrors.MALFORMED, 100);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < out.size(); i++) {
      if (!seen.add(out.get(i))) {
        throw AclErrors.subnetGivenTwice("SubnetIds." + i, out.get(i));
      }
    }
    return out;
  }

  private static Subnet subnet(Topology t, String id, String param) {
    return t.find(Subnet.class, id).orElseThrow(() -> AclErrors.subnetNotFound(param, id));
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
