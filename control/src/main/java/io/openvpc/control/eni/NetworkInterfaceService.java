package io.openvpc.control.eni;

import io.openvpc.control.Change;
import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Ids;
import io.openvpc.control.Ledger;
import io.openvpc.control.Listing;
import io.openvpc.control.Page;
import io.openvpc.control.Quotas;
import io.openvpc.control.Validate;
import io.openvpc.control.address.PrivateAddresses;
import io.openvpc.control.instance.Catalogue;
import io.openvpc.control.instance.InstanceType;
import io.openvpc.control.route.RouteTableService;
import io.openvpc.control.subnet.SubnetService;
import io.openvpc.control.task.TaskService;
import io.openvpc.control.vpc.VpcService;
import io.openvpc.model.GatewayType;
import io.openvpc.model.HaVip;
import io.openvpc.model.Indexes;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Ipv6Address;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Rejection;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.Subnet;
import io.openvpc.model.Tag;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Elastic network interfaces: creation with requested or lowest free addresses (each claimed in the
 * database), attachment to instances within the instance type's limits, secondary addresses,
 * migration of addresses and interfaces, IPv6 addresses and security groups. An instance's primary
 * ENI is created and deleted with the instance and never detached.
 */
public final class NetworkInterfaceService {
  public static final String MALFORMED = "InvalidParameterValue.Malformed";
  public static final String NOT_FOUND = "InvalidNetworkInterfaceId.NotFound";
  public static final String AVAILABLE = "AVAILABLE";
  /** Addresses one call may request, as Tencent limits it. */
  public static final int MAX_ADDRESSES_PER_CALL = 10;

  /** address-ip with exact matching: several values, or one with {@code ip-exact-match} TRUE. */
  private static final String EXACT_ADDRESS_IP = "address-ip (exact)";

  private static final Filters<NetworkInterface> FILTERS = new Filters<NetworkInterface>()
      .exact("vpc-id", NetworkInterface::vpcId)
      .exact("subnet-id", NetworkInterface::subnetId)
      .exact("network-interface-id", NetworkInterface::id)
      .exact("attachment.instance-id", NetworkInterface::instanceId)
      .exact("groups.security-group-id", NetworkInterface::securityGroupIds)
      .fuzzy("network-interface-name", NetworkInterface::name)
      .fuzzy("network-interface-description", NetworkInterface::description)
      .any("address-ip", (e, v) -> e.privateIps().stream().anyMatch(ip -> ip.address().toString().endsWith(v)))
      .exact(EXACT_ADDRESS_IP, e -> e.privateIps().stream().map(ip -> ip.address().toString()).toList())
      .exact("public-address-ip", e -> List.of()) // no public addresses without EIPs
      .exact("address-type", e -> e.ipv6Addresses().isEmpty() ? List.of() : List.of("ULA"))
      .exact("termination-protection", e -> "false")
      .exact("traffic-protection", e -> "false")
      .exact("address-ipv6", e -> e.ipv6Addresses().stream().map(ip -> ip.address().toString()).toList())
      .bool("is-primary", NetworkInterface::primary)
      .exact("eni-type", e -> e.primary() ? "1" : "0")
      .exact("eni-qos", e -> "")
      .tags(NetworkInterface::tags);

  /**
   * Tencent's address-ip: one value matches as a suffix of an address, several match exactly, and
   * {@code ip-exact-match} TRUE makes one value exact too (only its first value counts).
   */
  static List<Filter> addressIpFilters(List<Filter> filters) {
    if (filters == null) {
      return null;
    }
    boolean exact = filters.stream().anyMatch(f -> "ip-exact-match".equals(f.name()) && !f.values().isEmpty()
        && f.values().get(0).equalsIgnoreCase("true"));
    List<Filter> out = new ArrayList<>();
    for (Filter f : filters) {
      if ("ip-exact-match".equals(f.name())) {
        if (f.values().isEmpty() || !(f.values().get(0).equalsIgnoreCase("true")
            || f.values().get(0).equalsIgnoreCase("false"))) {
          throw Rejection.value("InvalidParameterValue", "Filters." + filters.indexOf(f) + ".Values",
              "ip-exact-match takes TRUE or FALSE.");
        }
        continue;
      }
      out.add("address-ip".equals(f.name()) && (exact || f.values().size() > 1)
          ? new Filter(EXACT_ADDRESS_IP, f.values()) : f);
    }
    return out;
  }

  private final Ledger ledger;
  private final Quotas quotas;
  private final Clock clock;

  public NetworkInterfaceService(Ledger ledger, Quotas quotas, Clock clock) {
    this.ledger = ledger;
    this.quotas = quotas;
    this.clock = clock;
  }

  /** A requested private address: {@code address} may be null (the lowest free one is taken). */
  public record AddressSpec(String address, boolean primary, String description) {}

  /** What CreateNetworkInterface asks for. */
  public record EniSpec(
      String vpcId, String subnetId, String name, String description, Long secondaryCount,
      List<String> securityGroupIds, List<AddressSpec> addresses, List<Tag> tags) {}

  public NetworkInterface create(Scope scope, EniSpec spec) {
    Checked checked = check(spec);
    return ledger.write(scope, change -> create(change, spec, checked));
  }

  /**
   * CreateAndAttachNetworkInterface: CreateNetworkInterface and AttachNetworkInterface in one transaction,
   * so a refused attachment leaves neither the ENI nor a claimed address behind. OpenVPC models standard
   * ENIs only: {@code attachType} 1 (extension) and RDMA ENIs are {@code UnsupportedOperation}.
   */
  public NetworkInterface createAndAttach(Scope scope, EniSpec spec, String instanceId, Long attachType, Boolean rdma,
      String requestId) {
    if (attachType != null && attachType != 0) {
      throw Rejection.value("UnsupportedOperation", "AttachType", "OpenVPC models standard ENIs (0) only, got "
          + attachType + ".");
    }
    if (Boolean.TRUE.equals(rdma)) {
      throw Rejection.value("UnsupportedOperation", "IsRdma", "OpenVPC does not model RDMA ENIs.");
    }
    Checked checked = check(spec);
    return ledger.write(scope, change -> {
      NetworkInterface e = create(change, spec, checked);
      Instance i = attach(change, e, instanceId);
      TaskService.record(change, clock, requestId, "CreateAndAttachNetworkInterface", List.of(e.id(), i.id()));
      return change.current().find(NetworkInterface.class, e.id()).orElseThrow();
    });
  }

  /** The parts of an {@link EniSpec} checked before the transaction. */
  private record Checked(String name, String description, List<Tag> tags, List<AddressSpec> requested,
      long secondary) {}

  private static Checked check(EniSpec spec) {
    String name = Validate.name("NetworkInterfaceName", spec.name(), 60);
    String description = Validate.optionalText("NetworkInterfaceDescription", spec.description(), 60);
    List<Tag> tags = Validate.tags("Tags", spec.tags());
    List<AddressSpec> requested = spec.addresses() == null ? List.of() : spec.addresses();
    long secondary = spec.secondaryCount() == null ? 0 : spec.secondaryCount();
    if (secondary < 0 || requested.size() + secondary > MAX_ADDRESSES_PER_CALL + 1) {
      throw Rejection.value("InvalidParameterValue.Range", "SecondaryPrivateIpAddressCount",
          "at most " + MAX_ADDRESSES_PER_CALL + " addresses per call, got " + (requested.size() + secondary) + ".");
    }
    if (requested.stream().filter(AddressSpec::primary).count() > 1) {
      throw Rejection.value("InvalidParameterValue.Duplicate", "PrivateIpAddresses", "only one address can be primary.");
    }
    return new Checked(name, description, tags, requested, secondary);
  }

  /** Creates a detached ENI within {@code change}: its addresses (requested or lowest free) are claimed. */
  private NetworkInterface create(Change change, EniSpec spec, Checked checked) {
    List<AddressSpec> requested = checked.requested();
    long secondary = checked.secondary();
    Topology t = change.current();
    Vpc vpc = VpcService.require(t, spec.vpcId(), "VpcId");
    Subnet subnet = SubnetService.requireIn(t, spec.subnetId(), "SubnetId", vpc);
    long limit = quotas.get("vpc-max-enis");
    if (t.countBy(Indexes.ENI_BY_VPC, vpc.id()) >= limit) {
      throw Rejection.limit("LimitExceeded", "ENIs per VPC (vpc-max-enis)", limit);
    }
    List<String> groups = securityGroups(t, spec.securityGroupIds(), "SecurityGroupIds", "InvalidSecurityGroupID.NotFound");
    List<AddressSpec> ordered = new ArrayList<>();
    requested.stream().filter(AddressSpec::primary).forEach(ordered::add);
    if (ordered.isEmpty()) {
      ordered.add(new AddressSpec(null, true, ""));
    }
    requested.stream().filter(a -> !a.primary()).forEach(ordered::add);
    for (long i = 0; i < secondary; i++) {
      ordered.add(new AddressSpec(null, false, ""));
    }
    requireIpQuota(ordered.size(), quotas.get("eni-max-private-ips"), "PrivateIpAddresses");
    String id = Ids.next("eni", t);
    List<PrivateIp> ips = allocate(change, subnet, id, ordered, "PrivateIpAddresses");
    return change.put(new NetworkInterface(id, vpc.id(), subnet.id(), checked.name(), checked.description(), "",
        false, mac(), ips, List.of(), groups, AVAILABLE, checked.tags(), clock.instant()));
  }

  /**
   * Creates an instance's primary ENI within {@code change}: its first address is the primary one;
   * {@code requested} (may be null) is the address the caller asked for.
   */
  public NetworkInterface createPrimary(Change change, Subnet subnet, String instanceId, String name, IpAddr requested,
      List<String> groups) {
    String id = Ids.next("eni", change.current());
    List<AddressSpec> spec = List.of(new AddressSpec(requested == null ? null : requested.toString(), true, ""));
    List<PrivateIp> ips = allocate(change, subnet, id, spec, "VirtualPrivateCloud.PrivateIpAddresses");
    return change.put(new NetworkInterface(id, subnet.vpcId(), subnet.id(), name, "", instanceId, true, mac(), ips,
        List.of(), groups, AVAILABLE, List.of(), clock.instant()));
  }

  /** Picks and claims addresses: requested ones first (checked), then the lowest free ones. */
  static List<PrivateIp> allocate(Change change, Subnet subnet, String owner, List<AddressSpec> specs,
      String parameter) {
    Topology t = change.current();
    Set<IpAddr> picked = new LinkedHashSet<>();
    IpAddr[] chosen = new IpAddr[specs.size()];
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).address() != null && !specs.get(i).address().isEmpty()) {
        chosen[i] = PrivateAddresses.requireFree(t, subnet, parameter + "." + i + ".PrivateIpAddress",
            specs.get(i).address(), picked);
        picked.add(chosen[i]);
      }
    }
    int missing = (int) java.util.Arrays.stream(chosen).filter(java.util.Objects::isNull).count();
    List<IpAddr> free = missing == 0 ? List.of() : PrivateAddresses.lowestFree(t, subnet, missing, picked);
    List<PrivateIp> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < specs.size(); i++) {
      IpAddr a = chosen[i] != null ? chosen[i] : free.get(next++);
      PrivateAddresses.claim(change, subnet.vpcId(), a, owner, parameter + "." + i);
      out.add(new PrivateIp(a, specs.get(i).primary(), specs.get(i).description()));
    }
    return out;
  }

  /** A Tencent-style MAC address (Tencent's ENIs use the 20:90:6F prefix). */
  static String mac() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format("20:90:6F:%02X:%02X:%02X", r.nextInt(256), r.nextInt(256), r.nextInt(256));
  }

  /**
   * Checks security group IDs: well formed, no duplicates, within {@code instance-max-security-groups},
   * and each an existing group of the account and region.
   */
  public List<String> securityGroups(Topology t, List<String> ids, String parameter, String notFoundCode) {
    if (ids == null) {
      return List.of();
    }
    long limit = quotas.get("instance-max-security-groups");
    if (ids.size() > limit) {
      throw Rejection.value("InvalidParameterValue.LimitExceeded", parameter, "at most " + limit
          + " security groups (instance-max-security-groups), got " + ids.size() + ".");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = Ids.requireWellFormed("sg", ids.get(i), parameter + "." + i, "InvalidSecurityGroupID.Malformed");
      if (!seen.add(id)) {
        throw Rejection.value("InvalidParameterValue.Duplicate", parameter + "." + i, "`" + id + "` is given twice.");
      }
      if (t.find(SecurityGroup.class, id).isEmpty()) {
        throw Rejection.notFound(notFoundCode, parameter + "." + i, id);
      }
    }
    return List.copyOf(ids);
  }

  static void requireIpQuota(int count, long limit, String parameter) {
    if (count > limit) {
      throw Rejection.value("LimitExceeded", parameter, "an ENI holds at most " + limit + " private IPv4 addresses here, "
          + "this would make " + count + ".");
    }
  }

  /** The ENI, or {@code InvalidNetworkInterfaceId.NotFound} naming the parameter. */
  public static NetworkInterface require(Topology t, String id, String parameter) {
    Ids.requireWellFormed("eni", id, parameter, MALFORMED);
    return t.find(NetworkInterface.class, id).orElseThrow(() -> Rejection.notFound(NOT_FOUND, parameter, id));
  }

  /** The instance's primary ENI. */
  public static NetworkInterface primaryOf(Topology t, String instanceId) {
    return t.by(Indexes.ENI_BY_INSTANCE, instanceId).stream().filter(NetworkInterface::primary).findFirst()
        .orElseThrow(() -> new IllegalStateException(instanceId + " has no primary ENI"));
  }

  /** Every ENI attached to an instance, the primary one first. */
  public static List<NetworkInterface> attachedTo(Topology t, String instanceId) {
    List<NetworkInterface> out = new ArrayList<>(t.by(Indexes.ENI_BY_INSTANCE, instanceId));
    out.sort(Comparator.comparing((NetworkInterface e) -> !e.primary()).thenComparing(NetworkInterface::createdTime)
        .thenComparing(NetworkInterface::id));
    return out;
  }

  public Page<NetworkInterface> describe(Scope scope, List<String> eniIds, List<Filter> filters, Long offset, Long limit) {
    List<String> ids = Validate.ids("NetworkInterfaceIds", eniIds, "eni", MALFORMED, 100);
    Topology t = ledger.read(scope);
    return Listing.page(t, "NetworkInterfaceIds", ids, addressIpFilters(filters), (id, p) -> require(t, id, p), FILTERS,
        Map.of("vpc-id", Indexes.ENI_BY_VPC, "subnet-id", Indexes.ENI_BY_SUBNET,
            "attachment.instance-id", Indexes.ENI_BY_INSTANCE),
        Indexes.ENI_NEWEST, false, offset, limit);
  }

  /** ModifyNetworkInterfaceAttribute: name, description, security groups ({@code null} keeps each). */
  public NetworkInterface modify(Scope scope, String eniId, String name, String description, List<String> groups) {
    String newName = name == null ? null : Validate.name("NetworkInterfaceName", name, 60);
    String newDescription = Validate.optionalText("NetworkInterfaceDescription", description, 60);
    return ledger.write(scope, change -> {
      NetworkInterface e = require(change.current(), eniId, "NetworkInterfaceId");
      List<String> newGroups = groups == null ? e.securityGroupIds()
          : securityGroups(change.current(), groups, "SecurityGroupIds", "InvalidSecurityGroupID.NotFound");
      return change.put(with(e, newName != null ? newName : e.name(), newDescription != null ? newDescription
          : e.description(), e.instanceId(), e.privateIps(), e.ipv6Addresses(), newGroups));
    });
  }

  /** Replaces an ENI's security groups within a change (the instance service uses this for its primary ENI). */
  public static NetworkInterface withGroups(Change change, NetworkInterface e, List<String> groups) {
    return change.put(with(e, e.name(), e.description(), e.instanceId(), e.privateIps(), e.ipv6Addresses(), groups));
  }

  /** Associate or disassociate security groups on several ENIs. */
  public void changeGroups(Scope scope, List<String> eniIds, List<String> groupIds, boolean associate, String requestId,
      String action) {
    List<String> ids = Validate.ids("NetworkInterfaceIds", eniIds, "eni", MALFORMED, 100);
    if (ids.isEmpty()) {
      throw Rejection.missing("NetworkInterfaceIds");
    }
    if (groupIds == null || groupIds.isEmpty()) {
      throw Rejection.missing("SecurityGroupIds");
    }
    ledger.write(scope, change -> {
      List<String> groups = securityGroups(change.current(), groupIds, "SecurityGroupIds", "InvalidSecurityGroupID.NotFound");
      for (int i = 0; i < ids.size(); i++) {
        NetworkInterface e = require(change.current(), ids.get(i), "NetworkInterfaceIds." + i);
        List<String> now = new ArrayList<>(e.securityGroupIds());
        if (associate) {
          groups.stream().filter(g -> !now.contains(g)).forEach(now::add);
          if (now.size() > quotas.get("instance-max-security-groups")) {
            throw Rejection.value("LimitExceeded", "SecurityGroupIds", e.id() + " would have " + now.size()
                + " security groups; at most " + quotas.get("instance-max-security-groups") + ".");
          }
        } else {
          now.removeAll(groups);
        }
        withGroups(change, e, now);
      }
      TaskService.record(change, clock, requestId, action, ids);
      return null;
    });
  }

  static NetworkInterface with(NetworkInterface e, String name, String description, String instanceId,
      List<PrivateIp> ips, List<Ipv6Address> ipv6, List<String> groups) {
    return new NetworkInterface(e.id(), e.vpcId(), e.subnetId(), name, description, instanceId, e.primary(),
        e.macAddress(), ips, ipv6, groups, e.state(), e.tags(), e.createdTime());
  }

  /** The instance, which must be RUNNING or STOPPED for ENI changes, as Tencent requires. */
  private static Instance attachableInstance(Topology t, String instanceId, String parameter) {
    Ids.requireWellFormed("ins", instanceId, parameter, "InvalidParameterValue.InstanceIdMalformed");
    Instance i = t.find(Instance.class, instanceId)
        .orElseThrow(() -> Rejection.notFound("InvalidInstanceId.NotFound", parameter, instanceId));
    if (i.state() != InstanceState.RUNNING && i.state() != InstanceState.STOPPED) {
      throw Rejection.value("UnsupportedOperation.InvalidInstanceState", parameter, "instance " + i.id() + " is "
          + i.state() + "; ENIs attach to and detach from RUNNING or STOPPED instances only.");
    }
    return i;
  }

  public void attach(Scope scope, String eniId, String instanceId, String requestId) {
    ledger.write(scope, change -> {
      NetworkInterface e = require(change.current(), eniId, "NetworkInterfaceId");
      if (e.attached()) {
        throw Rejection.value("UnsupportedOperation.AttachmentAlreadyExists", "NetworkInterfaceId", e.id()
            + " is already attached to " + e.instanceId() + ".");
      }
      Instance i = attach(change, e, instanceId);
      TaskService.record(change, clock, requestId, "AttachNetworkInterface", List.of(e.id(), i.id()));
      return null;
    });
  }

  /** Attaches a detached ENI to the instance named by {@code InstanceId} within {@code change}, after the checks. */
  private static Instance attach(Change change, NetworkInterface e, String instanceId) {
    Topology t = change.current();
    Instance i = attachableInstance(t, instanceId, "InstanceId");
    requireFits(t, e, i, "InstanceId");
    moveTo(change, e, i.id());
    return i;
  }

  /** Whether an ENI may join an instance: same VPC and zone, and within the instance type's limits. */
  private static void requireFits(Topology t, NetworkInterface e, Instance i, String parameter) {
    if (!e.vpcId().equals(i.vpcId())) {
      throw Rejection.value("UnsupportedOperation.InstanceMismatch", parameter, e.id() + " is in " + e.vpcId()
          + " but instance " + i.id() + " is in " + i.vpcId() + ".");
    }
    Subnet s = t.find(Subnet.class, e.subnetId()).orElseThrow();
    if (!s.zone().equals(i.zone())) {
      throw Rejection.value("UnsupportedOperation.ZoneMismatch", parameter, e.id() + " is in zone " + s.zone()
          + " (subnet " + s.id() + ") but instance " + i.id() + " is in " + i.zone() + ".");
    }
    InstanceType type = Catalogue.requireType("InstanceType", i.instanceType());
    int enis = attachedTo(t, i.id()).size();
    if (enis + 1 > type.eniQuota()) {
      throw Rejection.value("LimitExceeded", parameter, "instance " + i.id() + " (" + type.name() + ") already has "
          + enis + " ENIs; its type allows " + type.eniQuota() + ".");
    }
    if (e.privateIps().size() > type.ipsPerEni()) {
      throw Rejection.value("LimitExceeded", parameter, e.id() + " holds " + e.privateIps().size() + " addresses; an ENI"
          + " of " + type.name() + " holds at most " + type.ipsPerEni() + ".");
    }
  }

  public void detach(Scope scope, String eniId, String instanceId, String requestId) {
    ledger.write(scope, change -> {
      Topology t = change.current();
      NetworkInterface e = require(t, eniId, "NetworkInterfaceId");
      Instance i = attachableInstance(t, instanceId, "InstanceId");
      requireAttachedTo(e, i.id(), "InstanceId");
      requireNotPrimary(e, "NetworkInterfaceId");
      moveTo(change, e, "");
      TaskService.record(change, clock, requestId, "DetachNetworkInterface", List.of(e.id(), i.id()));
      return null;
    });
  }

  /** Attaches the ENI to {@code instanceId} ("" detaches); HAVIPs it announces follow it to that instance. */
  private static void moveTo(Change change, NetworkInterface e, String instanceId) {
    change.put(with(e, e.name(), e.description(), instanceId, e.privateIps(), e.ipv6Addresses(), e.securityGroupIds()));
    for (HaVip h : change.current().by(Indexes.HAVIP_BY_NETWORK_INTERFACE, e.id())) {
      change.put(h.withHolder(e.id(), instanceId, h.flushedTime()));
    }
  }

  private static void requireAttachedTo(NetworkInterface e, String instanceId, String parameter) {
    if (!e.instanceId().equals(instanceId)) {
      throw Rejection.value("UnsupportedOperation.AttachmentNotFound", parameter, e.id() + " is not attached to "
          + instanceId + (e.attached() ? " but to " + e.instanceId() : "") + ".");
    }
  }

  private static void requireNotPrimary(NetworkInterface e, String parameter) {
    if (e.primary()) {
      throw Rejection.value("UnsupportedOperation.InvalidState", parameter, e.id() + " is the primary ENI of "
          + e.instanceId() + "; it lives and dies with the instance.");
    }
  }

  public void migrate(Scope scope, String eniId, String sourceId, String destinationId, String requestId) {
    ledger.write(scope, change -> {
      Topology t = change.current();
      NetworkInterface e = require(t, eniId, "NetworkInterfaceId");
      Instance source = attachableInstance(t, sourceId, "SourceInstanceId");
      requireAttachedTo(e, source.id(), "SourceInstanceId");
      requireNotPrimary(e, "NetworkInterfaceId");
      Instance dest = attachableInstance(t, destinationId, "DestinationInstanceId");
      if (dest.id().equals(source.id())) {
        throw Rejection.value("InvalidParameterValue.Duplicate", "DestinationInstanceId", "is the source instance.");
      }
      requireFits(t, e, dest, "DestinationInstanceId");
      moveTo(change, e, dest.id());
      TaskService.record(change, clock, requestId, "MigrateNetworkInterface", List.of(e.id(), source.id(), dest.id()));
      return null;
    });
  }

  /** Deletes a detached secondary ENI that no HAVIP or route uses, releasing its addresses. */
  public void delete(Scope scope, String eniId, String requestId) {
    ledger.write(scope, change -> {
      Topology t = change.current();
      NetworkInterface e = require(t, eniId, "NetworkInterfaceId");
      requireNotPrimary(e, "NetworkInterfaceId");
      if (e.attached()) {
        throw Rejection.inUse("ResourceInUse", e.id(), "instance " + e.instanceId() + "; detach it first");
      }
      List<String> users = users(t, e, null);
      if (!users.isEmpty()) {
        throw Rejection.inUse("ResourceInUse", e.id(), String.join(", ", users));
      }
      PrivateAddresses.releaseAll(change, e);
      change.delete(e);
      TaskService.record(change, clock, requestId, "DeleteNetworkInterface", List.of(e.id()));
      return null;
    });
  }

  /**
   * What refers to an ENI, or to one of its addresses when {@code address} is given: HAVIPs it
   * announces and routes whose next hop ({@code NORMAL_CVM}) is one of its addresses.
   */
  public static List<String> users(Topology t, NetworkInterface e, IpAddr address) {
    List<String> out = new ArrayList<>();
    if (address == null) {
      t.by(Indexes.HAVIP_BY_NETWORK_INTERFACE, e.id()).forEach(h -> out.add("HAVIP " + h.id()));
    }
    e.privateIps().stream().filter(ip -> address == null || ip.address().equals(address)).forEach(ip ->
        out.addAll(RouteTableService.routesVia(t, e.vpcId(), GatewayType.NORMAL_CVM, ip.address().toString())));
    return out;
  }

  /**
   * What DescribeNetworkInterfaceLimit answers: how many ENIs may be bound ({@code eniQuantity}) and how many
   * private IPv4 addresses each may hold ({@code ipsPerEni}).
   */
  public record EniLimits(long eniQuantity, long ipsPerEni) {}

  /**
   * DescribeNetworkInterfaceLimit, whose InstanceId names an instance or an ENI, as Tencent's examples show:
   * an instance may bind its type's ENIs (the primary one included) with its type's addresses each; an ENI
   * binds no ENIs (0) and holds its instance type's addresses when attached, else the account's quota.
   */
  public EniLimits limits(Scope scope, String instanceId) {
    Topology t = ledger.read(scope);
    if (instanceId != null && instanceId.startsWith("eni-")) {
      NetworkInterface e = require(t, instanceId, "InstanceId");
      long ips = e.attached()
          ? t.find(Instance.class, e.instanceId()).flatMap(i -> Catalogue.type(i.instanceType()))
              .map(type -> (long) type.ipsPerEni()).orElse(quotas.get("eni-max-private-ips"))
          : quotas.get("eni-max-private-ips");
      return new EniLimits(0, ips);
    }
    if (!Ids.wellFormed("ins", instanceId)) {
      throw Rejection.value("InvalidParameterValue.InstanceIdMalformed", "InstanceId",
          "`" + instanceId + "` is neither an instance ID (ins-xxxxxxxx) nor an ENI ID (eni-xxxxxxxx).");
    }
    Instance i = t.find(Instance.class, instanceId)
        .orElseThrow(() -> Rejection.notFound("InvalidInstanceId.NotFound", "InstanceId", instanceId));
    InstanceType type = Catalogue.requireType("InstanceType", i.instanceType());
    return new EniLimits(type.eniQuota(), type.ipsPerEni());
  }
}
