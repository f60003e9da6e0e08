package io.openvpc.control.security;

import io.openvpc.control.Change;
import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Ids;
import io.openvpc.control.Ledger;
import io.openvpc.control.Listing;
import io.openvpc.control.Page;
import io.openvpc.control.Quotas;
import io.openvpc.control.Validate;
import io.openvpc.control.eni.NetworkInterfaceService;
import io.openvpc.model.Indexes;
import io.openvpc.model.Instance;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.Order;
import io.openvpc.model.Rejection;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.SnapshotPolicy;
import io.openvpc.model.Tag;
import io.openvpc.model.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Security groups as resources: creation (optionally with rules), listing, renaming, cloning, deletion
 * (refused while bound, referenced or default), references and association statistics, limits, and the
 * ordered binding of groups to ENIs and instances. Rule editing is {@link SecurityGroupPolicyService}.
 */
public final class SecurityGroupService {
  private static final Filters<SecurityGroup> FILTERS = new Filters<SecurityGroup>()
      .exact("security-group-id", SecurityGroup::id)
      .exact("project-id", SecurityGroup::projectId)
      .fuzzy("security-group-name", SecurityGroup::name)
      .bool("is-default", SecurityGroup::isDefault)
      .tags(SecurityGroup::tags);

  private final Ledger ledger;
  private final Quotas quotas;
  private final Clock clock;
  private final SecurityGroupPolicyService policies;

  public SecurityGroupService(Ledger ledger, Quotas quotas, Clock clock, SecurityGroupPolicyService policies) {
    this.ledger = ledger;
    this.quotas = quotas;
    this.clock = clock;
    this.policies = policies;
  }

  /** What CreateSecurityGroup(WithPolicies) asks for; {@code policies} may be null. */
  public record GroupSpec(String name, String description, String projectId, List<Tag> tags, PolicyInput.Set policies) {}

  public SecurityGroup create(Scope scope, GroupSpec spec) {
    String name = Validate.name("GroupName", spec.name(), 60);
    String description = Validate.optionalText("GroupDescription", Validate.required("GroupDescription",
        spec.description()), 100);
    String project = projectId("ProjectId", spec.projectId());
    List<Tag> tags = Validate.tags("Tags", spec.tags());
    return ledger.write(scope, change -> {
      Topology t = change.current();
      checkGroupQuota(t, project);
      String id = Ids.next("sg", t);
      SecurityGroup g = new SecurityGroup(id, name, description, project, false, 1, List.of(), List.of(), tags,
          clock.instant(), clock.instant());
      if (spec.policies() != null) {
        g = policies.initial(t, g, spec.policies());
      }
      return change.put(g);
    });
  }

  /**
   * CreateDefaultSecurityGroup: the project's default group, created on first use with every IPv4
   * flow accepted in both directions; later calls return the same group.
   */
  public SecurityGroup createDefault(Scope scope, String projectId) {
    String project = projectId("ProjectId", projectId);
    return ledger.write(scope, change -> defaultGroup(change, project, quotas, clock.instant()));
  }

  /**
   * The project's default group in {@code change}, created when the project has none yet: what
   * CreateDefaultSecurityGroup answers, and what RunInstances binds when the call names no group.
   */
  public static SecurityGroup defaultGroup(Change change, String project, Quotas quotas, java.time.Instant now) {
    Topology t = change.current();
    var existing = t.by(Indexes.SECURITY_GROUP_BY_PROJECT, project).stream().filter(SecurityGroup::isDefault).toList();
    if (!existing.isEmpty()) {
      return existing.get(0);
    }
    checkGroupQuota(t, project, quotas);
    SecurityGroupPolicy all = new SecurityGroupPolicy("ALL", "ALL", "", "", "0.0.0.0/0", "", "", "", "", "ACCEPT",
        "", now);
    return change.put(new SecurityGroup(Ids.next("sg", t), "default", "System created security group", project, true,
        1, List.of(all), List.of(all), List.of(), now, now));
  }

  private void checkGroupQuota(Topology t, String project) {
    checkGroupQuota(t, project, quotas);
  }

  private static void checkGroupQuota(Topology t, String project, Quotas quotas) {
    long limit = quotas.get("security-group-max");
    if (t.countBy(Indexes.SECURITY_GROUP_BY_PROJECT, project) >= limit) {
      throw Rejection.limit("LimitExceeded", "security groups per project in a region (security-group-max)", limit);
    }
  }

  private static String projectId(String param, String projectId) {
    if (projectId == null || projectId.isEmpty()) {
      return "0";
    }
    if (!projectId.chars().allMatch(c -> c >= '0' && c <= '9') || projectId.length() > 10) {
      throw Rejection.malformed(param, projectId, "a project ID (a whole number, 0 for the default project)");
    }
    return projectId;
  }

  public Page<SecurityGroup> describe(Scope scope, List<String> ids, List<Filter> filters, Long offset, Long limit,
      String orderField, String orderDirection) {
    List<String> wanted = Validate.ids("SecurityGroupIds", ids, "sg", SecurityErrors.SG_MALFORMED, 100);
    order(orderField, orderDirection);  // checks both
    // the order the snapshot keeps, paged forwards (ASC) or backwards (DESC): the same as order(...)
    Order<SecurityGroup> kept = "UpdateTime".equals(orderField) ? Indexes.SECURITY_GROUP_BY_UPDATED
        : Indexes.SECURITY_GROUP_BY_CREATED;
    boolean descending = orderDirection == null || orderDirection.isEmpty() || orderDirection.equals("DESC");
    Topology t = ledger.read(scope);
    return Listing.page(t, "SecurityGroupIds", wanted, filters, (id, p) -> require(t, id, p), FILTERS, kept,
        descending, offset, limit);
  }

  /** The order DescribeSecurityGroups asks for ({@code OrderField}, {@code OrderDirection}), checked. */
  static Comparator<SecurityGroup> order(String field, String direction) {
    Comparator<SecurityGroup> c;
    if (field == null || field.isEmpty() || field.equals("CreatedTime")) {
      c = Comparator.comparing(SecurityGroup::createdTime);
    } else if (field.equals("UpdateTime")) {
      c = Comparator.comparing(SecurityGroup::updateTime);
    } else {
      throw Rejection.value("InvalidParameterValue.Range", "OrderField", "`" + field + "` is not CreatedTime or UpdateTime.");
    }
    c = c.thenComparing(SecurityGroup::id);
    if (direction == null || direction.isEmpty() || direction.equals("DESC")) {
      return c.reversed();
    }
    if (!direction.equals("ASC")) {
      throw Rejection.value("InvalidParameterValue.Range", "OrderDirection", "`" + direction + "` is not ASC or DESC.");
    }
    return c;
  }

  /** The group, or {@code InvalidSecurityGroupID.NotFound} naming the parameter. */
  /**
   * The code cvm's actions answer for a security group that does not exist (RunInstances,
   * ModifyInstancesAttribute, AssociateSecurityGroups), spelled as cvm spells it.
   */
  public static final String CVM_NOT_FOUND = "InvalidSecurityGroupId.NotFound";

  public static SecurityGroup require(Topology t, String id, String parameter) {
    Ids.requireWellFormed("sg", id, parameter, SecurityErrors.SG_MALFORMED);
    return t.find(SecurityGroup.class, id).orElseThrow(() -> SecurityErrors.groupNotFound(parameter, id));
  }

  public SecurityGroup modifyAttribute(Scope scope, String groupId, String name, String description) {
    String n = name == null ? null : Validate.name("GroupName", name, 60);
    String d = Validate.optionalText("GroupDescription", description, 100);
    return ledger.write(scope, change -> {
      SecurityGroup g = require(change.current(), groupId, "SecurityGroupId");
      return change.put(new SecurityGroup(g.id(), n != null ? n : g.name(), d != null ? d : g.description(),
          g.projectId(), g.isDefault(), g.version(), g.ingress(), g.egress(), g.tags(), g.createdTime(),
          clock.instant()));
    });
  }

  /** Deletes a group that is not default, bound to nothing and referenced by no other group's rule. */
  public void delete(Scope scope, String groupId) {
    ledger.write(scope, change -> {
      Topology t = change.current();
      SecurityGroup g = require(t, groupId, "SecurityGroupId");
      if (g.isDefault()) {
        throw new Rejection("UnsupportedOperation.DefaultSecurityGroup", "`" + g.id()
            + "` is the default security group of project " + g.projectId() + " and cannot be deleted.",
            "默认安全组 `" + g.id() + "` 不能删除。");
      }
      List<String> users = new ArrayList<>();
      List<String> enis = boundEnis(t, g.id()).stream().map(NetworkInterface::id).sorted().toList();
      if (!enis.isEmpty()) {
        users.add("network interfaces " + list(enis));
      }
      List<String> referrers = referrers(t, g.id());
      if (!referrers.isEmpty()) {
        users.add("rules of security groups " + list(referrers));
      }
      if (!users.isEmpty()) {
        throw Rejection.inUse("ResourceInUse", g.id(), String.join(" and ", users)
            + "; unbind it and remove those rules first");
      }
      for (SnapshotPolicy p : t.by(Indexes.SNAPSHOT_POLICY_BY_SECURITY_GROUP, g.id())) {
        change.put(SnapshotService.withGroups(p, p.securityGroupIds().stream().filter(x -> !x.equals(g.id())).toList()));
      }
      change.delete(g);
      return null;
    });
  }

  private static String list(List<String> ids) {
    return String.join(", ", ids.subList(0, Math.min(5, ids.size())))
        + (ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "");
  }

  static List<NetworkInterface> boundEnis(Topology t, String groupId) {
    return t.by(Indexes.ENI_BY_SECURITY_GROUP, groupId);
  }

  /** Other groups with a rule whose peer is {@code groupId}, sorted. */
  static List<String> referrers(Topology t, String groupId) {
    return t.idsBy(Indexes.SECURITY_GROUP_BY_REFERENCE, groupId).stream()  // sorted IDs
        .filter(id -> !id.equals(groupId)).toList();
  }

  /** CloneSecurityGroup: a new group with the source's rules (self references now point at the copy). */
  public SecurityGroup cloneGroup(Scope scope, String sourceId, String name, String description, String projectId,
      String remoteRegion, List<Tag> tags, Boolean cloneTags) {
    SecurityGroup source = require(ledger.read(scope), sourceId, "SecurityGroupId");
    Scope target = remoteRegion == null || remoteRegion.isEmpty() ? scope : new Scope(scope.appId(), remoteRegion);
    String n = name == null ? source.name() : Validate.name("GroupName", name, 60);
    String d = description == null ? source.description()
        : Validate.optionalText("GroupDescription", description, 100);
    String project = projectId == null ? source.projectId() : projectId("ProjectId", projectId);
    List<Tag> newTags = Boolean.TRUE.equals(cloneTags) ? source.tags() : Validate.tags("Tags", tags);
    return ledger.write(target, change -> {
      Topology t = change.current();
      checkGroupQuota(t, project);
      String id = Ids.next("sg", t);
      List<SecurityGroupPolicy> in = policies.cloneRules(t, target != scope, source.id(), id, source.ingress(), "Ingress");
      List<SecurityGroupPolicy> out = policies.cloneRules(t, target != scope, source.id(), id, source.egress(), "Egress");
      return change.put(new SecurityGroup(id, n, d, project, false, 1, in, out, newTags, clock.instant(),
          clock.instant()));
    });
  }

  /** DescribeSecurityGroupReferences: for each group, the other groups whose rules reference it. */
  public Map<String, List<String>> references(Scope scope, List<String> groupIds) {
    List<String> ids = requiredIds(groupIds);
    Topology t = ledger.read(scope);
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      require(t, ids.get(i), "SecurityGroupIds." + i);
      out.put(ids.get(i), referrers(t, ids.get(i)));
    }
    return out;
  }

  /** What one group is bound to and referenced by. */
  public record Statistics(String groupId, long cvm, long eni, long referringGroups) {
    public long total() {
      return cvm + eni + referringGroups;
    }
  }

  public List<Statistics> statistics(Scope scope, List<String> groupIds) {
    List<String> ids = requiredIds(groupIds);
    Topology t = ledger.read(scope);
    List<Statistics> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      SecurityGroup g = require(t, ids.get(i), "SecurityGroupIds." + i);
      List<NetworkInterface> enis = boundEnis(t, g.id());
      long cvm = enis.stream().filter(e -> e.primary() && e.attached()).map(NetworkInterface::instanceId).distinct().count();
      long eni = enis.stream().filter(e -> !(e.primary() && e.attached())).count();
      out.add(new Statistics(g.id(), cvm, eni, referrers(t, g.id()).size()));
    }
    return out;
  }

  private static List<String> requiredIds(List<String> groupIds) {
    if (groupIds == null || groupIds.isEmpty()) {
      throw Rejection.missing("SecurityGroupIds");
    }
    return Validate.ids("SecurityGroupIds", groupIds, "sg", SecurityErrors.SG_MALFORMED, 100);
  }

  /** DescribeSecurityGroupLimits, from the configured quotas. */
  public record Limits(long groups, long policies, long referredGroups, long instancesPerGroup, long groupsPerInstance) {}

  public Limits limits() {
    return new Limits(quotas.get("security-group-max"), quotas.get("security-group-max-policies"),
        quotas.get("security-group-max-referred-groups"), quotas.get("security-group-max-instances"),
        quotas.get("instance-max-security-groups"));
  }

  /** CVM AssociateSecurityGroups: the groups go onto each instance's primary ENI. */
  public void associateInstances(Scope scope, List<String> instanceIds, List<String> groupIds) {
    bind(scope, instanceIds, groupIds, true);
  }

  public void disassociateInstances(Scope scope, List<String> instanceIds, List<String> groupIds) {
    bind(scope, instanceIds, groupIds, false);
  }

  /**
   * Binds groups to (or unbinds them from) each instance's primary ENI: added groups go after those
   * already bound, in the order given; a group already bound keeps its place. (ENIs themselves are
   * bound by AssociateNetworkInterfaceSecurityGroups in the ENI service.)
   */
  private void bind(Scope scope, List<String> instanceIds, List<String> groupIds, boolean add) {
    String targetParam = "InstanceIds";
    if (instanceIds == null || instanceIds.isEmpty()) {
      throw Rejection.missing(targetParam);
    }
    List<String> targets = Validate.ids(targetParam, instanceIds, "ins", "InvalidInstanceId.Malformed", 100);
    List<String> groups = requiredIds(groupIds);
    ledger.write(scope, change -> {
      Topology t = change.current();
      for (int i = 0; i < groups.size(); i++) {
        String id = groups.get(i);
        if (t.find(SecurityGroup.class, id).isEmpty()) {
          throw Rejection.notFound(CVM_NOT_FOUND, "SecurityGroupIds." + i, id); // cvm's spelling
        }
      }
      for (int i = 0; i < targets.size(); i++) {
        NetworkInterface eni = primaryEni(t, targets.get(i), targetParam + "." + i);
        Set<String> bound = new LinkedHashSet<>(eni.securityGroupIds());
        if (add) {
          bound.addAll(groups);
        } else {
          for (int j = 0; j < groups.size(); j++) {
            if (!bound.remove(groups.get(j))) {
              throw Rejection.value("InvalidParameterValue", "SecurityGroupIds." + j, "`" + groups.get(j)
                  + "` is not bound to `" + targets.get(i) + "`.");
            }
          }
        }
        checkBindingQuotas(change, eni, new ArrayList<>(bound), targetParam + "." + i);
        NetworkInterfaceService.withGroups(change, eni, new ArrayList<>(bound));
      }
      return null;
    });
  }

  private void checkBindingQuotas(Change change, NetworkInterface eni, List<String> groups, String param) {
    long perInstance = quotas.get("instance-max-security-groups");
    if (groups.size() > perInstance) {
      throw Rejection.value("LimitExceeded", param, "`" + eni.id() + "` would have " + groups.size()
          + " security groups; at most " + perInstance + " (instance-max-security-groups).");
    }
    long perGroup = quotas.get("security-group-max-instances");
    for (String g : groups) {
      if (!eni.securityGroupIds().contains(g) && boundEnis(change.current(), g).size() >= perGroup) {
        throw Rejection.limit("LimitExceeded", "ENIs per security group (security-group-max-instances)", perGroup);
      }
    }
  }

  private static NetworkInterface primaryEni(Topology t, String instanceId, String param) {
    if (t.find(Instance.class, instanceId).isEmpty()) {
      throw Rejection.notFound("InvalidInstanceId.NotFound", param, instanceId);
    }
    return t.by(Indexes.ENI_BY_INSTANCE, instanceId).stream().filter(NetworkInterface::primary).findFirst()
        .orElseThrow(() -> Rejection.notFound("InvalidInstanceId.NotFound", param, instanceId));
  }
}
