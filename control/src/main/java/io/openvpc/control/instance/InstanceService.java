package io.openvpc.control.instance;

import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Ids;
import io.openvpc.control.Ledger;
import io.openvpc.control.Quotas;
import io.openvpc.control.Listing;
import io.openvpc.control.Page;
import io.openvpc.control.Regions;
import io.openvpc.control.Validate;
import io.openvpc.control.address.PrivateAddresses;
import io.openvpc.control.eni.NetworkInterfaceService;
import io.openvpc.control.route.RouteTableService;
import io.openvpc.control.security.SecurityGroupService;
import io.openvpc.model.Cidr;
import io.openvpc.model.GatewayType;
import io.openvpc.model.HaVip;
import io.openvpc.model.Indexes;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.IpAddr;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Rejection;
import io.openvpc.model.Scope;
import io.openvpc.model.Subnet;
import io.openvpc.model.Tag;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CVM instances, for their networking: RunInstances places each instance in a subnet of its zone with a
 * primary ENI that holds its address and security groups; the state machine follows Tencent's
 * (Start needs STOPPED, Stop and Reboot need RUNNING). OpenVPC completes every transition inside the
 * call: RunInstances answers with instances already RUNNING, StopInstances with STOPPED, and so on, so
 * that polling loops written for Tencent ("wait until RUNNING") finish on their first poll.
 */
public final class InstanceService {
  public static final String NOT_FOUND = "InvalidInstanceId.NotFound";
  public static final String MALFORMED = "InvalidInstanceId.Malformed";
  public static final int MAX_PER_CALL = 100;
  private static final Pattern NAME_PATTERN = Pattern.compile("\\{R:(\\d+)}");

  private final Ledger ledger;
  private final Regions regions;
  private final NetworkInterfaceService enis;
  private final Clock clock;

  private final Quotas quotas;

  public InstanceService(Ledger ledger, Regions regions, NetworkInterfaceService enis, Clock clock) {
    this(ledger, regions, enis, Quotas.defaultQuotas(), clock);
  }

  public InstanceService(Ledger ledger, Regions regions, NetworkInterfaceService enis, Quotas quotas, Clock clock) {
    this.ledger = ledger;
    this.regions = regions;
    this.enis = enis;
    this.quotas = quotas;
    this.clock = clock;
  }

  /** An instance with its ENIs (the primary one first), as listings show it. */
  public record InstanceView(Instance instance, List<NetworkInterface> interfaces) {
    /** The instance with its ENIs as they are in {@code t}. */
    public static InstanceView of(Topology t, Instance i) {
      return new InstanceView(i, NetworkInterfaceService.attachedTo(t, i.id()));
    }

    public NetworkInterface primary() {
      return interfaces.get(0);
    }
  }

  private static final Comparator<InstanceView> NEWEST_FIRST = Comparator.comparing(
      (InstanceView v) -> v.instance().createdTime()).reversed().thenComparing(v -> v.instance().id());

  private static final Filters<InstanceView> FILTERS = new Filters<InstanceView>()
      .exact("zone", v -> v.instance().zone())
      .exact("instance-id", v -> v.instance().id())
      .fuzzy("instance-name", v -> v.instance().name())
      .exact("instance-state", v -> v.instance().state().name())
      .exact("instance-type", v -> v.instance().instanceType())
      .exact("image-id", v -> v.instance().imageId())
      .exact("instance-charge-type", v -> "POSTPAID_BY_HOUR")
      .exact("project-id", v -> "0")
      .exact("vpc-id", v -> v.instance().vpcId())
      .exact("subnet-id", v -> v.instance().subnetId())
      .exact("private-ip-address", v -> v.interfaces().stream()
          .flatMap(e -> e.privateIps().stream()).map(ip -> ip.address().toString()).toList())
      .exact("security-group-id", v -> v.primary().securityGroupIds())
      .exact("uuid", v -> uuidOf(v.instance()))
      .exact("ipv6-address", v -> v.interfaces().stream()
          .flatMap(e -> e.ipv6Addresses().stream()).map(ip -> ip.address().toString()).toList())
      .exact("public-ip-address", v -> List.of()) // no public addresses without EIPs
      .exact("host-id", v -> List.of()) // nor CDH hosts
      .exact("dedicated-cluster-id", v -> List.of()) // nor CDC clusters
      .time("creation-start-time", v -> v.instance().createdTime(), true)
      .time("creation-end-time", v -> v.instance().createdTime(), false)
      .tags(v -> v.instance().tags());

  /** The instance's UUID as DescribeInstances answers it: stable, derived from the ID. */
  public static String uuidOf(Instance i) {
    return java.util.UUID.nameUUIDFromBytes(i.id().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }

  /** The filters of DescribeVpcInstances, as Tencent's vpc API names them. */
  private static final Filters<InstanceView> VPC_FILTERS = new Filters<InstanceView>()
      .exact("vpc-id", v -> v.instance().vpcId())
      .exact("instance-id", v -> v.instance().id())
      .fuzzy("instance-name", v -> v.instance().name())
      .exact("instance-type", v -> v.instance().instanceType());

  /** What RunInstances asks for, as received. */
  public record RunSpec(
      String zone, String instanceType, String imageId, String vpcId, String subnetId, List<String> privateIps,
      List<String> securityGroupIds, Long count, String name, List<Tag> tags, boolean dryRun) {}

  public List<Instance> run(Scope scope, RunSpec spec) {
    if (spec.zone() == null || spec.zone().isEmpty()) {
      throw Rejection.missing("Placement.Zone");
    }
    if (regions.find(scope.region()).map(r -> r.zones().stream().noneMatch(z -> z.name().equals(spec.zone())))
        .orElse(true)) {
      throw Rejection.value("InvalidZone.MismatchRegion", "Placement.Zone", "`" + spec.zone() + "` is not a zone of "
          + scope.region() + ".");
    }
    InstanceType type = Catalogue.requireType("InstanceType", spec.instanceType() == null || spec.instanceType().isEmpty()
        ? Catalogue.DEFAULT_TYPE : spec.instanceType());
    Catalogue.Image image = Catalogue.requireImage("ImageId", spec.imageId());
    boolean defaultNetwork = spec.vpcId() == null && spec.subnetId() == null;
    if (!defaultNetwork && (spec.vpcId() == null || spec.subnetId() == null)) {
      throw Rejection.missing(spec.vpcId() == null ? "VirtualPrivateCloud.VpcId" : "VirtualPrivateCloud.SubnetId");
    }
    long count = spec.count() == null ? 1 : spec.count();
    if (count < 1 || count > MAX_PER_CALL) {
      throw Rejection.value("InvalidParameterValue.Range", "InstanceCount", "must be from 1 to " + MAX_PER_CALL
          + ", got " + count + ".");
    }
    String name = spec.name() == null || spec.name().isEmpty() ? "Unnamed" : spec.name();
    Validate.optionalText("InstanceName", name, 128);
    List<String> ipTexts = spec.privateIps() == null ? List.of() : spec.privateIps();
    if (ipTexts.size() > count) {
      throw Rejection.value("InvalidParameterValue.Range", "VirtualPrivateCloud.PrivateIpAddresses", "gives "
          + ipTexts.size() + " addresses for " + count + " instances; at most one address per instance.");
    }
    List<Tag> tags = Validate.tags("TagSpecification.0.Tags", spec.tags());
    return ledger.write(scope, change -> {
      Topology t = change.current();
      // VirtualPrivateCloud is optional: without it Tencent launches into the default VPC's default subnet
      Subnet subnet = defaultNetwork ? defaultSubnet(change, spec.zone()) : placement(t, spec);
      // no SecurityGroupIds: Tencent binds the project's default group, creating it on first use (OpenVPC
      // places every instance in project 0)
      List<String> groups = spec.securityGroupIds() == null || spec.securityGroupIds().isEmpty()
          ? List.of(SecurityGroupService.defaultGroup(change, "0", quotas, clock.instant()).id())
          : enis.securityGroups(t, spec.securityGroupIds(), "SecurityGroupIds", SecurityGroupService.CVM_NOT_FOUND);
      List<IpAddr> ips = requestedAddresses(t, subnet, ipTexts);
      List<Instance> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Instance instance = new Instance(Ids.next("ins", change.current()), instanceName(name, i, count),
            spec.zone(), type.name(), image.id(), subnet.vpcId(), subnet.id(), InstanceState.RUNNING, tags,
            clock.instant());
        change.put(instance);
        enis.createPrimary(change, subnet, instance.id(), instance.name(), i < ips.size() ? ips.get(i) : null, groups);
        out.add(instance);
      }
      if (spec.dryRun()) {
        throw new Rejection("DryRunOperation", "The dry run passed every check; RunInstances would launch " + count
            + " instance(s) of " + type.name() + " in " + subnet.id() + ". Nothing was created.",
            "预检通过，未创建任何实例。");
      }
      return out;
    });
  }

  /** The default VPC Tencent gives an account in a region (and a /20 default subnet per zone). */
  static final Cidr DEFAULT_VPC_BLOCK = Cidr.parse("172.16.0.0/16");

  /**
   * The default VPC's default subnet in {@code zone}, as RunInstances without VirtualPrivateCloud uses
   * them; both are created on first use, like Tencent's: {@code Default-VPC} 172.16.0.0/16 and a
   * {@code Default-Subnet} /20 per zone (the first /20 of the block no subnet overlaps).
   */
  private Subnet defaultSubnet(io.openvpc.control.Change change, String zone) {
    Topology t = change.current();
    Vpc vpc = t.where(Vpc.class, Vpc::isDefault).stream().findFirst().orElse(null);
    if (vpc == null) {
      long limit = quotas.get("appid-max-vpcs");
      if (t.count(Vpc.class) >= limit) {
        throw Rejection.limit("LimitExceeded", "VPCs per region (appid-max-vpcs), which the default VPC would "
            + "exceed", limit);
      }
      vpc = change.put(new Vpc(Ids.next("vpc", t), "Default-VPC", DEFAULT_VPC_BLOCK, List.of(), null, true, false,
          false, io.openvpc.control.vpc.VpcService.DEFAULT_DNS, "", List.of(), clock.instant()));
      change.put(new io.openvpc.model.RouteTable(Ids.next("rtb", change.current()), vpc.id(), "default", true,
          List.of(), 1, List.of(), clock.instant()));
    }
    Vpc v = vpc;
    Topology now = change.current();
    var existing = now.where(Subnet.class, s -> s.vpcId().equals(v.id()) && s.isDefault() && s.zone().equals(zone));
    if (!existing.isEmpty()) {
      return existing.get(0);
    }
    String table = now.where(io.openvpc.model.RouteTable.class, r -> r.vpcId().equals(v.id()) && r.main()).get(0).id();
    List<Subnet> inVpc = now.where(Subnet.class, s -> s.vpcId().equals(v.id()));
    for (int i = 0; i < 16; i++) {
      Cidr block = Cidr.parse("172.16." + (i * 16) + ".0/20");
      if (v.cidrBlock().contains(block) && inVpc.stream().noneMatch(s -> s.cidrBlock().overlaps(block))) {
        return change.put(new Subnet(Ids.next("subnet", now), v.id(), "Default-Subnet", block, null, zone, table, "",
            true, false, List.of(), clock.instant()));
      }
    }
    throw Rejection.value("InvalidParameterValue.Range", "VirtualPrivateCloud", "the default VPC " + v.id()
        + " has no free /20 for a default subnet in " + zone + "; name a VPC and subnet.");
  }

  private static Subnet placement(Topology t, RunSpec spec) {
    if (!Ids.wellFormed("vpc", spec.vpcId())) {
      throw Rejection.value("InvalidParameterValue.VpcIdMalformed", "VirtualPrivateCloud.VpcId", "`" + spec.vpcId()
          + "` is not a well-formed VPC ID.");
    }
    Vpc vpc = t.find(Vpc.class, spec.vpcId()).orElseThrow(() -> Rejection.value("InvalidParameterValue.VpcIdNotExist",
        "VirtualPrivateCloud.VpcId", "`" + spec.vpcId() + "` does not exist."));
    if (!Ids.wellFormed("subnet", spec.subnetId())) {
      throw Rejection.value("InvalidParameterValue.SubnetIdMalformed", "VirtualPrivateCloud.SubnetId", "`"
          + spec.subnetId() + "` is not a well-formed subnet ID.");
    }
    Subnet subnet = t.find(Subnet.class, spec.subnetId()).orElseThrow(() -> Rejection.value(
        "InvalidParameterValue.SubnetNotExist", "VirtualPrivateCloud.SubnetId", "`" + spec.subnetId() + "` does not exist."));
    if (!subnet.vpcId().equals(vpc.id())) {
      throw Rejection.value("InvalidParameterValue.VpcIdSubnetIdNotMatch", "VirtualPrivateCloud.SubnetId", subnet.id()
          + " belongs to " + subnet.vpcId() + ", not to " + vpc.id() + ".");
    }
    if (!subnet.zone().equals(spec.zone())) {
      throw Rejection.value("InvalidParameterValue.SubnetIdZoneIdNotMatch", "VirtualPrivateCloud.SubnetId", subnet.id()
          + " is in zone " + subnet.zone() + ", but Placement.Zone is " + spec.zone() + ".");
    }
    return subnet;
  }

  /** The requested addresses, checked with CVM's error codes before the ENI service claims them. */
  private static List<IpAddr> requestedAddresses(Topology t, Subnet subnet, List<String> texts) {
    Set<IpAddr> seen = new LinkedHashSet<>();
    Set<IpAddr> used = PrivateAddresses.used(t, subnet).keySet();
    for (int i = 0; i < texts.size(); i++) {
      String p = "VirtualPrivateCloud.PrivateIpAddresses." + i;
      IpAddr a;
      try {
        a = IpAddr.parse(texts.get(i));
      } catch (IllegalArgumentException e) {
        throw Rejection.value("InvalidParameterValue.IPAddressMalformed", p, "`" + texts.get(i) + "` is not an address.");
      }
      if (!subnet.cidrBlock().contains(a) || subnet.isReserved(a)) {
        throw Rejection.value("VpcAddrNotInSubNet", p, "`" + a + "` is not a usable address of " + subnet.id() + " ("
            + subnet.cidrBlock() + "; network, gateway " + subnet.gateway() + " and broadcast are reserved).");
      }
      if (used.contains(a) || !seen.add(a)) {
        throw Rejection.value("VpcIpIsUsed", p, "`" + a + "` is already in use in " + subnet.id() + ".");
      }
    }
    return List.copyOf(seen);
  }

  /** Tencent's naming of batch launches: {@code {R:x}} counts up from x; otherwise a -1, -2 ... suffix. */
  static String instanceName(String name, int index, long count) {
    Matcher m = NAME_PATTERN.matcher(name);
    if (m.find()) {
      return m.replaceFirst(Long.toString(Long.parseLong(m.group(1)) + index));
    }
    return count > 1 ? name + "-" + (index + 1) : name;
  }

  /** The instance, or {@code InvalidInstanceId.NotFound} naming the parameter. */
  public static Instance require(Topology t, String id, String parameter) {
    Ids.requireWellFormed("ins", id, parameter, MALFORMED);
    return t.find(Instance.class, id).orElseThrow(() -> Rejection.notFound(NOT_FOUND, parameter, id));
  }

  public Page<InstanceView> describe(Scope scope, List<String> instanceIds, List<Filter> filters, Long offset, Long limit) {
    List<String> ids = Validate.ids("InstanceIds", instanceIds, "ins", MALFORMED, MAX_PER_CALL);
    Topology t = ledger.read(scope);
    Listing.requireIdsOrFilters("InstanceIds", ids, filters);
    if (ids.isEmpty() && (filters == null || filters.isEmpty())) {
      // the page first, from the order the snapshot keeps; then the views of its instances only
      return Page.of(t, Indexes.INSTANCE_NEWEST, false, offset, limit).map(i -> InstanceView.of(t, i));
    }
    // Tencent lists known IDs, each once, and silently skips unknown ones here.
    List<InstanceView> found = Listing.select("InstanceIds", ids.stream().distinct().toList(), filters,
        (id, p) -> t.find(Instance.class, id).map(i -> InstanceView.of(t, i)).orElse(null),
        t.all(Instance.class).stream().map(i -> InstanceView.of(t, i)).toList(), FILTERS, NEWEST_FIRST);
    return Page.of(found, offset, limit);
  }

  /** DescribeVpcInstances: the instances passing {@code filters} (required), newest first. */
  public Page<InstanceView> describeInVpc(Scope scope, List<Filter> filters, Long offset, Long limit) {
    if (filters == null || filters.isEmpty()) {
      throw Rejection.missing("Filters");
    }
    Topology t = ledger.read(scope);
    // a vpc-id filter narrows the candidates to its VPCs' instances (the index), the filters decide
    Collection<Instance> candidates = t.all(Instance.class);
    for (Filter f : filters) {
      if ("vpc-id".equals(f.name()) && f.values() != null && f.values().size() <= Filters.MAX_VALUES) {
        Map<String, Instance> inVpcs = new LinkedHashMap<>();
        f.values().forEach(v -> t.by(Indexes.INSTANCE_BY_VPC, v).forEach(i -> inVpcs.put(i.id(), i)));
        candidates = inVpcs.values();
        break;
      }
    }
    List<InstanceView> found = VPC_FILTERS.apply(candidates.stream().map(i -> InstanceView.of(t, i)).toList(),
        filters);
    found.sort(NEWEST_FIRST);
    return Page.of(found, offset, limit);
  }

  public InstanceView view(Scope scope, String instanceId) {
    Topology t = ledger.read(scope);
    return InstanceView.of(t, require(t, instanceId, "InstanceId"));
  }

  /** StartInstances: STOPPED to RUNNING. */
  public void start(Scope scope, List<String> ids) {
    transition(scope, ids, InstanceState.STOPPED, InstanceState.RUNNING);
  }

  /** StopInstances: RUNNING to STOPPED. */
  public void stop(Scope scope, List<String> ids) {
    transition(scope, ids, InstanceState.RUNNING, InstanceState.STOPPED);
  }

  /** RebootInstances: RUNNING, through REBOOTING, to RUNNING. */
  public void reboot(Scope scope, List<String> ids) {
    transition(scope, ids, InstanceState.RUNNING, InstanceState.RUNNING);
  }

  private void transition(Scope scope, List<String> instanceIds, InstanceState from, InstanceState to) {
    List<String> ids = requireIds(instanceIds);
    ledger.write(scope, change -> {
      for (int i = 0; i < ids.size(); i++) {
        Instance x = require(change.current(), ids.get(i), "InstanceIds." + i);
        if (x.state() != from) {
          throw Rejection.value("UnsupportedOperation.InstanceState" + camel(x.state()), "InstanceIds." + i,
              "instance " + x.id() + " is " + x.state() + "; this operation needs it " + from + ".");
        }
        change.put(with(x, x.name(), to));
      }
      return null;
    });
  }

  private static String camel(InstanceState s) {
    String n = s.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private static List<String> requireIds(List<String> instanceIds) {
    List<String> ids = Validate.ids("InstanceIds", instanceIds, "ins", MALFORMED, MAX_PER_CALL);
    if (ids.isEmpty()) {
      throw Rejection.missing("InstanceIds");
    }
    if (new HashSet<>(ids).size() != ids.size()) {
      throw Rejection.value("InvalidParameterValue.Duplicate", "InstanceIds", "an instance ID is given twice.");
    }
    return ids;
  }

  private static Instance with(Instance x, String name, InstanceState state) {
    return new Instance(x.id(), name, x.zone(), x.instanceType(), x.imageId(), x.vpcId(), x.subnetId(), state,
        x.tags(), x.createdTime());
  }

  /** ModifyInstancesAttribute: the name and the security groups (held by each primary ENI). */
  public void modify(Scope scope, List<String> instanceIds, String name, List<String> securityGroups) {
    List<String> ids = requireIds(instanceIds);
    if (name != null) {
      Validate.name("InstanceName", name, 128);
    }
    ledger.write(scope, change -> {
      List<String> groups = securityGroups == null ? null : enis.securityGroups(change.current(), securityGroups,
          "SecurityGroups", SecurityGroupService.CVM_NOT_FOUND);
      for (int i = 0; i < ids.size(); i++) {
        Instance x = require(change.current(), ids.get(i), "InstanceIds." + i);
        if (name != null) {
          change.put(with(x, name, x.state()));
        }
        if (groups != null) {
          NetworkInterfaceService.withGroups(change, NetworkInterfaceService.primaryOf(change.current(), x.id()), groups);
        }
      }
      return null;
    });
  }

  /**
   * TerminateInstances: the instances and their primary ENIs go, their addresses are released, their
   * secondary ENIs are detached and kept, HAVIPs they announce become unbound. An instance that a
   * route uses as next hop is refused, naming the route.
   */
  public void terminate(Scope scope, List<String> instanceIds) {
    List<String> ids = requireIds(instanceIds);
    ledger.write(scope, change -> {
      for (int i = 0; i < ids.size(); i++) {
        Instance x = require(change.current(), ids.get(i), "InstanceIds." + i);
        List<String> routes = routesVia(change.current(), x);
        if (!routes.isEmpty()) {
          throw Rejection.inUse("ResourceInUse", x.id(), String.join(", ", routes) + "; delete or replace them first");
        }
        for (NetworkInterface e : NetworkInterfaceService.attachedTo(change.current(), x.id())) {
          for (HaVip h : change.current().by(Indexes.HAVIP_BY_NETWORK_INTERFACE, e.id())) {
            change.put(h.withHolder("", "", clock.instant()));
          }
          if (e.primary()) {
            PrivateAddresses.releaseAll(change, e);
            change.delete(e);
          } else {
            change.put(new NetworkInterface(e.id(), e.vpcId(), e.subnetId(), e.name(), e.description(), "", false,
                e.macAddress(), e.privateIps(), e.ipv6Addresses(), e.securityGroupIds(), e.state(), e.tags(),
                e.createdTime()));
          }
        }
        change.delete(x);
      }
      return null;
    });
  }

  /** Routes whose next hop is the instance (CVM) or an address of its primary ENI (NORMAL_CVM). */
  private static List<String> routesVia(Topology t, Instance x) {
    List<String> out = new ArrayList<>(RouteTableService.routesVia(t, x.vpcId(), GatewayType.CVM, x.id()));
    for (PrivateIp ip : NetworkInterfaceService.primaryOf(t, x.id()).privateIps()) {
      out.addAll(RouteTableService.routesVia(t, x.vpcId(), GatewayType.NORMAL_CVM, ip.address().toString()));
    }
    return out;
  }
}
