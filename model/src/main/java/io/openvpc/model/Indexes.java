package io.openvpc.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every secondary {@link Index} and sort {@link Order} a {@link Topology} keeps, declared once. A
 * lookup the control plane makes on every call (the ENIs of an instance, the subnets of a VPC, the
 * groups whose rules name a group) is an index here rather than a scan of the kind; a listing pages
 * through an order here rather than sorting the kind. Adding one costs a little on every write of its
 * kind and nothing elsewhere.
 */
public final class Indexes {
  private Indexes() {}

  public static final Index<NetworkInterface> ENI_BY_INSTANCE =
      Index.by("instance", NetworkInterface.class, NetworkInterface::instanceId);
  public static final Index<NetworkInterface> ENI_BY_VPC = Index.by("vpc", NetworkInterface.class, NetworkInterface::vpcId);
  public static final Index<NetworkInterface> ENI_BY_SUBNET =
      Index.by("subnet", NetworkInterface.class, NetworkInterface::subnetId);
  public static final Index<NetworkInterface> ENI_BY_SECURITY_GROUP =
      Index.byEach("security group", NetworkInterface.class, NetworkInterface::securityGroupIds);

  public static final Index<Instance> INSTANCE_BY_VPC = Index.by("vpc", Instance.class, Instance::vpcId);
  public static final Index<Instance> INSTANCE_BY_SUBNET = Index.by("subnet", Instance.class, Instance::subnetId);

  public static final Index<Subnet> SUBNET_BY_VPC = Index.by("vpc", Subnet.class, Subnet::vpcId);
  public static final Index<Subnet> SUBNET_BY_ROUTE_TABLE = Index.by("route table", Subnet.class, Subnet::routeTableId);
  public static final Index<Subnet> SUBNET_BY_NETWORK_ACL = Index.by("network ACL", Subnet.class, Subnet::networkAclId);

  public static final Index<RouteTable> ROUTE_TABLE_BY_VPC = Index.by("vpc", RouteTable.class, RouteTable::vpcId);
  public static final Index<NetworkAcl> NETWORK_ACL_BY_VPC = Index.by("vpc", NetworkAcl.class, NetworkAcl::vpcId);

  public static final Index<HaVip> HAVIP_BY_VPC = Index.by("vpc", HaVip.class, HaVip::vpcId);
  public static final Index<HaVip> HAVIP_BY_SUBNET = Index.by("subnet", HaVip.class, HaVip::subnetId);
  public static final Index<HaVip> HAVIP_BY_NETWORK_INTERFACE =
      Index.by("network interface", HaVip.class, HaVip::networkInterfaceId);

  public static final Index<SecurityGroup> SECURITY_GROUP_BY_PROJECT =
      Index.by("project", SecurityGroup.class, SecurityGroup::projectId);
  /**
   * The groups with a rule (either direction) that names the key: its peer group (a group naming itself
   * included), address template or template group, service template or template group. The IDs' prefixes
   * keep the kinds apart.
   */
  public static final Index<SecurityGroup> SECURITY_GROUP_BY_REFERENCE =
      Index.byEach("reference", SecurityGroup.class, Indexes::references)
          .sameKeysWhen((a, b) -> sameReferences(a.ingress(), b.ingress()) && sameReferences(a.egress(), b.egress()));

  public static final Index<SnapshotPolicy> SNAPSHOT_POLICY_BY_SECURITY_GROUP =
      Index.byEach("security group", SnapshotPolicy.class, SnapshotPolicy::securityGroupIds);
  public static final Index<SnapshotFile> SNAPSHOT_FILE_BY_POLICY =
      Index.by("snapshot policy", SnapshotFile.class, SnapshotFile::snapshotPolicyId);
  public static final Index<SnapshotFile> SNAPSHOT_FILE_BY_SECURITY_GROUP =
      Index.by("security group", SnapshotFile.class, SnapshotFile::securityGroupId);

  public static final Index<AddressTemplateGroup> ADDRESS_TEMPLATE_GROUP_BY_MEMBER =
      Index.byEach("member", AddressTemplateGroup.class, AddressTemplateGroup::addressTemplateIds);
  public static final Index<ServiceTemplateGroup> SERVICE_TEMPLATE_GROUP_BY_MEMBER =
      Index.byEach("member", ServiceTemplateGroup.class, ServiceTemplateGroup::serviceTemplateIds);

  public static final Order<Vpc> VPC_NEWEST = Order.newestFirst(Vpc.class, Vpc::createdTime);
  public static final Order<Subnet> SUBNET_NEWEST = Order.newestFirst(Subnet.class, Subnet::createdTime);
  public static final Order<RouteTable> ROUTE_TABLE_NEWEST = Order.newestFirst(RouteTable.class, RouteTable::createdTime);
  public static final Order<NetworkInterface> ENI_NEWEST =
      Order.newestFirst(NetworkInterface.class, NetworkInterface::createdTime);
  public static final Order<Instance> INSTANCE_NEWEST = Order.newestFirst(Instance.class, Instance::createdTime);
  public static final Order<HaVip> HAVIP_NEWEST = Order.newestFirst(HaVip.class, HaVip::createdTime);
  public static final Order<NetworkAcl> NETWORK_ACL_NEWEST = Order.newestFirst(NetworkAcl.class, NetworkAcl::createdTime);
  public static final Order<SnapshotPolicy> SNAPSHOT_POLICY_NEWEST =
      Order.newestFirst(SnapshotPolicy.class, SnapshotPolicy::createdTime);
  public static final Order<AddressTemplate> ADDRESS_TEMPLATE_NEWEST =
      Order.newestFirst(AddressTemplate.class, AddressTemplate::createdTime);
  public static final Order<AddressTemplateGroup> ADDRESS_TEMPLATE_GROUP_NEWEST =
      Order.newestFirst(AddressTemplateGroup.class, AddressTemplateGroup::createdTime);
  public static final Order<ServiceTemplate> SERVICE_TEMPLATE_NEWEST =
      Order.newestFirst(ServiceTemplate.class, ServiceTemplate::createdTime);
  public static final Order<ServiceTemplateGroup> SERVICE_TEMPLATE_GROUP_NEWEST =
      Order.newestFirst(ServiceTemplateGroup.class, ServiceTemplateGroup::createdTime);
  /** Oldest first by creation time, then ID (DescribeSecurityGroups' ASC; DESC pages it backwards). */
  public static final Order<SecurityGroup> SECURITY_GROUP_BY_CREATED =
      Order.of("by creation time", SecurityGroup.class, java.util.Comparator.comparing(SecurityGroup::createdTime));
  /** Oldest first by update time, then ID. */
  public static final Order<SecurityGroup> SECURITY_GROUP_BY_UPDATED =
      Order.of("by update time", SecurityGroup.class, java.util.Comparator.comparing(SecurityGroup::updateTime));

  /** Oldest first (the task a full log drops). */
  public static final Order<Task> TASK_OLDEST =
      Order.of("oldest first", Task.class, java.util.Comparator.comparing(Task::createdTime));

  private static final Map<Class<? extends Resource>, List<Index<?>>> INDEXES = new HashMap<>();
  private static final Map<Class<? extends Resource>, List<Order<?>>> ORDERS = new HashMap<>();

  static {
    for (Index<?> i : List.of(ENI_BY_INSTANCE, ENI_BY_VPC, ENI_BY_SUBNET, ENI_BY_SECURITY_GROUP, INSTANCE_BY_VPC,
        INSTANCE_BY_SUBNET, SUBNET_BY_VPC, SUBNET_BY_ROUTE_TABLE, SUBNET_BY_NETWORK_ACL, ROUTE_TABLE_BY_VPC,
        NETWORK_ACL_BY_VPC, HAVIP_BY_VPC, HAVIP_BY_SUBNET, HAVIP_BY_NETWORK_INTERFACE, SECURITY_GROUP_BY_PROJECT,
        SECURITY_GROUP_BY_REFERENCE, SNAPSHOT_POLICY_BY_SECURITY_GROUP, SNAPSHOT_FILE_BY_POLICY,
        SNAPSHOT_FILE_BY_SECURITY_GROUP, ADDRESS_TEMPLATE_GROUP_BY_MEMBER, SERVICE_TEMPLATE_GROUP_BY_MEMBER)) {
      List<Index<?>> of = INDEXES.computeIfAbsent(i.type(), k -> new ArrayList<>());
      i.slot = of.size();
      of.add(i);
    }
    for (Order<?> o : List.of(VPC_NEWEST, SUBNET_NEWEST, ROUTE_TABLE_NEWEST, ENI_NEWEST, INSTANCE_NEWEST, HAVIP_NEWEST,
        NETWORK_ACL_NEWEST, SNAPSHOT_POLICY_NEWEST, ADDRESS_TEMPLATE_NEWEST, ADDRESS_TEMPLATE_GROUP_NEWEST,
        SERVICE_TEMPLATE_NEWEST, SERVICE_TEMPLATE_GROUP_NEWEST, SECURITY_GROUP_BY_CREATED, SECURITY_GROUP_BY_UPDATED,
        TASK_OLDEST)) {
      List<Order<?>> of = ORDERS.computeIfAbsent(o.type(), k -> new ArrayList<>());
      o.slot = of.size();
      of.add(o);
    }
    INDEXES.replaceAll((k, v) -> List.copyOf(v));
    ORDERS.replaceAll((k, v) -> List.copyOf(v));
  }

  /** The indexes kept for {@code type}, each at its slot. */
  public static List<Index<?>> of(Class<? extends Resource> type) {
    return INDEXES.getOrDefault(type, List.of());
  }

  /** The orders kept for {@code type}, each at its slot. */
  public static List<Order<?>> ordersOf(Class<? extends Resource> type) {
    return ORDERS.getOrDefault(type, List.of());
  }

  /** What a group's rules name, in either direction: peer groups, address and service templates and groups. */
  static Collection<String> references(SecurityGroup g) {
    Set<String> out = new LinkedHashSet<>();
    for (List<SecurityGroupPolicy> rules : List.of(g.ingress(), g.egress())) {
      for (int i = 0, n = rules.size(); i < n; i++) {
        addAll(out, rules.get(i));
      }
    }
    return out;
  }

  /**
   * Whether two versions of a rule list name the same peers and templates, looking only at the rules
   * that changed: an edit keeps the untouched rules as the same objects, so the lists share a prefix
   * and a suffix by identity, and what lies between them in each is all that can differ. When the
   * rules between name the same things (most often nothing: a CIDR rule inserted), so do the lists,
   * and a rule change costs a pass of reference comparisons instead of hashing every rule of a group
   * that may hold tens of thousands. When they do not, false: the keys are computed in full.
   */
  static boolean sameReferences(List<SecurityGroupPolicy> a, List<SecurityGroupPolicy> b) {
    if (a == b) {
      return true;
    }
    int n = a.size();
    int m = b.size();
    int prefix = 0;
    while (prefix < n && prefix < m && a.get(prefix) == b.get(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && a.get(n - 1 - suffix) == b.get(m - 1 - suffix)) {
      suffix++;
    }
    Set<String> before = new LinkedHashSet<>();
    Set<String> after = new LinkedHashSet<>();
    for (int i = prefix; i < n - suffix; i++) {
      addAll(before, a.get(i));
    }
    for (int i = prefix; i < m - suffix; i++) {
      addAll(after, b.get(i));
    }
    return before.equals(after);
  }

  private static void addAll(Set<String> out, SecurityGroupPolicy p) {
    add(out, p.securityGroupId());
    add(out, p.addressTemplateId());
    add(out, p.addressTemplateGroupId());
    add(out, p.serviceTemplateId());
    add(out, p.serviceTemplateGroupId());
  }

  private static void add(Set<String> out, String id) {
    if (!id.isEmpty()) {
      out.add(id);
    }
  }
}
