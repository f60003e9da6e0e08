package io.openvpc.control.subnet;

import io.openvpc.control.Change;
import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Ids;
import io.openvpc.control.Ledger;
import io.openvpc.control.Listing;
import io.openvpc.control.Page;
import io.openvpc.control.Quotas;
import io.openvpc.control.Regions;
import io.openvpc.control.Validate;
import io.openvpc.control.address.PrivateAddresses;
import io.openvpc.control.vpc.VpcService;
import io.openvpc.model.Cidr;
import io.openvpc.model.HaVip;
import io.openvpc.model.Indexes;
import io.openvpc.model.Instance;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.Rejection;
import io.openvpc.model.RouteTable;
import io.openvpc.model.Scope;
import io.openvpc.model.Subnet;
import io.openvpc.model.Tag;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subnets: creation inside the VPC's blocks with Tencent's mask range and without overlap, a zone of
 * the region, the VPC's default route table; listing with the addresses still available; renaming;
 * deletion once nothing uses the subnet; and their IPv6 /64 blocks.
 */
public final class SubnetService {
  public static final String MALFORMED = "InvalidParameterValue.Malformed";
  public static final String NOT_FOUND = "ResourceNotFound";
  public static final int MIN_MASK = 16;
  public static final int MAX_MASK = 28;

  private static final Filters<Subnet> FILTERS = new Filters<Subnet>()
      .exact("subnet-id", Subnet::id)
      .exact("vpc-id", Subnet::vpcId)
      .exact("cidr-block", s -> s.cidrBlock().toString())
      .bool("is-default", Subnet::isDefault)
      .bool("is-remote-vpc-snat", s -> false)
      .fuzzy("subnet-name", Subnet::name)
      .exact("zone", Subnet::zone)
      .exact("route-table-id", Subnet::routeTableId)
      .exact("network-acl-id", Subnet::networkAclId)
      .exact("ipv6-cidr-block", s -> s.ipv6CidrBlock() == null ? null : s.ipv6CidrBlock().toString())
      .exact("cdc-id", s -> "")
      .exact("address-type", s -> s.ipv6CidrBlock() == null ? null : "ULA")
      .exact("isp-type", s -> s.ipv6CidrBlock() == null ? null : "BGP")
      .bool("is-cdc-subnet", s -> false)
      .tags(Subnet::tags);

  private final Ledger ledger;
  private final Regions regions;
  private final Quotas quotas;
  private final Clock clock;

  public SubnetService(Ledger ledger, Regions regions, Quotas quotas, Clock clock) {
    this.ledger = ledger;
    this.regions = regions;
    this.quotas = quotas;
    this.clock = clock;
  }

  /** One subnet to create; {@code routeTableId} may be null (the VPC's default table). */
  public record SubnetSpec(String name, String cidrBlock, String zone, String routeTableId) {}

  /** A subnet with the number of addresses still free in it. */
  public record SubnetView(Subnet subnet, long availableIpAddressCount) {}

  public SubnetView create(Scope scope, String vpcId, SubnetSpec spec, List<Tag> tags) {
    return createAll(scope, vpcId, List.of(spec), tags, "").get(0);
  }

  /**
   * CreateSubnets: every subnet or none. {@code prefix} is how parameters are named ({@code ""} for
   * CreateSubnet, {@code "Subnets.0."} and so on for CreateSubnets).
   */
  public List<SubnetView> createAll(Scope scope, String vpcId, List<SubnetSpec> specs, List<Tag> tags, String prefix) {
    if (specs == null || specs.isEmpty()) {
      throw Rejection.missing("Subnets");
    }
    if (specs.size() > 100) {
      throw Rejection.value("InvalidParameterValue.LimitExceeded", "Subnets", "at most 100 subnets per call.");
    }
    List<Tag> checkedTags = Validate.tags("Tags", tags);
    List<Cidr> blocks = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      String p = specs.size() == 1 && prefix.isEmpty() ? "" : "Subnets." + i + ".";
      SubnetSpec s = specs.get(i);
      Validate.name(p + "SubnetName", s.name(), 60);
      if (s.zone() == null) {
        throw Rejection.missing(p + "Zone");
      }
      regions.requireZone(scope.region(), s.zone(), p + "Zone");
      blocks.add(subnetCidr(p + "CidrBlock", s.cidrBlock()));
    }
    return ledger.write(scope, change -> {
      Topology t = change.current();
      Vpc vpc = VpcService.require(t, vpcId, "VpcId");
      List<Subnet> existing = t.by(Indexes.SUBNET_BY_VPC, vpc.id());
      long limit = quotas.get("vpc-max-subnets");
      if (existing.size() + specs.size() > limit) {
        throw Rejection.limit("LimitExceeded", "subnets per VPC (vpc-max-subnets)", limit);
      }
      RouteTable main = mainTable(t, vpc.id());
      List<SubnetView> out = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        String p = specs.size() == 1 && prefix.isEmpty() ? "" : "Subnets." + i + ".";
        SubnetSpec s = specs.get(i);
        Cidr block = blocks.get(i);
        requireInsideVpc(vpc, block, p + "CidrBlock");
        for (Subnet other : change.current().by(Indexes.SUBNET_BY_VPC, vpc.id())) {
          if (other.cidrBlock().overlaps(block)) {
            throw Rejection.value("InvalidParameterValue.SubnetConflict", p + "CidrBlock", "`" + block
                + "` overlaps subnet " + other.id() + " (" + other.cidrBlock() + ") of " + vpc.id() + ".");
          }
        }
        String tableId = main.id();
        if (s.routeTableId() != null && !s.routeTableId().isEmpty()) {
          tableId = requireTable(t, s.routeTableId(), p + "RouteTableId", vpc.id()).id();
        }
        Subnet subnet = new Subnet(Ids.next("subnet", change.current()), vpc.id(), s.name(), block, null, s.zone(),
            tableId, "", false, false, checkedTags, clock.instant());
        change.put(subnet);
        out.add(new SubnetView(subnet, subnet.usableIpAddressCount()));
      }
      return out;
    });
  }

  /** A subnet block: IPv4, network form, mask /16 to /28. */
  static Cidr subnetCidr(String parameter, String text) {
    Cidr cidr = Validate.cidr(parameter, text);
    if (!cidr.isIpv4()) {
      throw Rejection.malformed(parameter, text, "an IPv4 block");
    }
    if (cidr.prefixLength() < MIN_MASK || cidr.prefixLength() > MAX_MASK) {
      throw Rejection.value("InvalidParameterValue.SubnetRange", parameter, "the mask of `" + text
          + "` must be from /" + MIN_MASK + " to /" + MAX_MASK + ".");
    }
    return cidr;
  }

  private static void requireInsideVpc(Vpc vpc, Cidr block, String parameter) {
    if (vpc.ipv4Blocks().stream().noneMatch(b -> b.contains(block))) {
      throw Rejection.value("InvalidParameterValue.SubnetRange", parameter, "`" + block + "` is not inside "
          + vpc.id() + "'s blocks (" + String.join(", ", vpc.ipv4Blocks().stream().map(Cidr::toString).toList())
          + ").");
    }
  }

  static RouteTable mainTable(Topology t, String vpcId) {
    return t.by(Indexes.ROUTE_TABLE_BY_VPC, vpcId).stream().filter(RouteTable::main).findFirst()
        .orElseThrow(() -> new IllegalStateException(vpcId + " has no default route table"));
  }

  /** The route table, well formed, existing and of {@code vpcId} when that is given. */
  public static RouteTable requireTable(Topology t, String id, String parameter, String vpcId) {
    Ids.requireWellFormed("rtb", id, parameter, "InvalidRouteTableId.Malformed");
    RouteTable r = t.find(RouteTable.class, id)
        .orElseThrow(() -> Rejection.notFound("InvalidRouteTableId.NotFound", parameter, id));
    if (vpcId != null && !r.vpcId().equals(vpcId)) {
      throw Rejection.value("InvalidParameterValue.Range", parameter, "route table " + id + " belongs to "
          + r.vpcId() + ", not to " + vpcId + ".");
    }
    return r;
  }

  /** The subnet, or {@code ResourceNotFound} naming the parameter. */
  public static Subnet require(Topology t, String id, String parameter) {
    Ids.requireWellFormed("subnet", id, parameter, MALFORMED);
    return t.find(Subnet.class, id).orElseThrow(() -> Rejection.notFound(NOT_FOUND, parameter, id));
  }

  /** The subnet, which must be one of {@code vpc}'s ({@code InvalidParameterValue.Range} naming the parameter). */
  public static Subnet requireIn(Topology t, String id, String parameter, Vpc vpc) {
    Subnet s = require(t, id, parameter);
    if (!s.vpcId().equals(vpc.id())) {
      throw Rejection.value("InvalidParameterValue.Range", parameter, s.id() + " belongs to " + s.vpcId() + ", not to "
          + vpc.id() + ".");
    }
    return s;
  }

  public Page<SubnetView> describe(Scope scope, List<String> subnetIds, List<Filter> filters, Long offset, Long limit) {
    List<String> ids = Validate.ids("SubnetIds", subnetIds, "subnet", MALFORMED, 100);
    Topology t = ledger.read(scope);
    Page<Subnet> page = Listing.page(t, "SubnetIds", ids, filters, (id, p) -> require(t, id, p), FILTERS,
        Map.of("vpc-id", Indexes.SUBNET_BY_VPC, "route-table-id", Indexes.SUBNET_BY_ROUTE_TABLE,
            "network-acl-id", Indexes.SUBNET_BY_NETWORK_ACL),
        Indexes.SUBNET_NEWEST, false, offset, limit);
    Map<String, Long> used = PrivateAddresses.usedIpv4Counts(t, page.items());
    return new Page<>(page.totalCount(),
        page.items().stream().map(s -> new SubnetView(s, PrivateAddresses.available(s, used))).toList());
  }

  public Subnet modify(Scope scope, String subnetId, String name, String enableBroadcast) {
    String newName = name == null ? null : Validate.name("SubnetName", name, 60);
    Boolean broadcast = Validate.stringBool("EnableBroadcast", enableBroadcast);
    return ledger.write(scope, change -> {
      Subnet s = require(change.current(), subnetId, "SubnetId");
      return change.put(new Subnet(s.id(), s.vpcId(), newName != null ? newName : s.name(), s.cidrBlock(),
          s.ipv6CidrBlock(), s.zone(), s.routeTableId(), s.networkAclId(), s.isDefault(),
          broadcast != null ? broadcast : s.enableBroadcast(), s.tags(), s.createdTime()));
    });
  }

  /** Deletes a subnet that no ENI, instance or HAVIP uses. */
  public void delete(Scope scope, String subnetId) {
    ledger.write(scope, change -> {
      Topology t = change.current();
      Subnet s = require(t, subnetId, "SubnetId");
      List<String> users = new ArrayList<>();
      t.by(Indexes.INSTANCE_BY_SUBNET, s.id()).stream().map(Instance::id).sorted()
          .forEach(id -> users.add("instance " + id));
      t.by(Indexes.ENI_BY_SUBNET, s.id()).stream().filter(e -> !e.primary())
          .map(NetworkInterface::id).sorted().forEach(id -> users.add("network interface " + id));
      t.by(Indexes.HAVIP_BY_SUBNET, s.id()).stream().map(HaVip::id).sorted()
          .forEach(id -> users.add("HAVIP " + id));
      if (!users.isEmpty()) {
        throw Rejection.inUse("ResourceInUse", s.id(), String.join(", ", users.subList(0, Math.min(10, users.size())))
            + (users.size() > 10 ? " and " + (users.size() - 10) + " more" : "") + "; delete them first");
      }
      change.delete(s);
      return null;
    });
  }

  /** AssignIpv6SubnetCidrBlock: a /64 of the VPC's IPv6 block for each subnet. */
  public List<Subnet> assignIpv6(Scope scope, String vpcId, List<Map.Entry<String, String>> blocks) {
    if (blocks == null || blocks.isEmpty()) {
      throw Rejection.missing("Ipv6SubnetCidrBlocks");
    }
    return ledger.write(scope, change -> {
      Vpc vpc = VpcService.require(change.current(), vpcId, "VpcId");
      if (vpc.ipv6CidrBlock() == null) {
        throw new Rejection("UnsupportedOperation.IPV6CidrNotDeployed", vpc.id()
            + " has no IPv6 block; assign one with AssignIpv6CidrBlock first.", vpc.id() + " 未分配 IPv6 网段。");
      }
      List<Subnet> out = new ArrayList<>();
      for (int i = 0; i < blocks.size(); i++) {
        String p = "Ipv6SubnetCidrBlocks." + i + ".";
        Subnet s = require(change.current(), blocks.get(i).getKey(), p + "SubnetId");
        if (!s.vpcId().equals(vpc.id())) {
          throw Rejection.value("InvalidParameterValue.Range", p + "SubnetId", s.id() + " is not in " + vpc.id() + ".");
        }
        if (s.ipv6CidrBlock() != null) {
          throw Rejection.value("InvalidParameterValue.Duplicate", p + "SubnetId", s.id() + " already has the IPv6 block "
              + s.ipv6CidrBlock() + ".");
        }
        Cidr block = blocks.get(i).getValue() == null || blocks.get(i).getValue().isEmpty()
            ? freeIpv6Block(change.current(), vpc) : Validate.cidr(p + "Ipv6CidrBlock", blocks.get(i).getValue());
        if (!block.isIpv6() || block.prefixLength() != 64 || !vpc.ipv6CidrBlock().contains(block)) {
          throw Rejection.value("InvalidParameterValue.SubnetRange", p + "Ipv6CidrBlock", "`" + block
              + "` must be a /64 inside " + vpc.id() + "'s IPv6 block " + vpc.ipv6CidrBlock() + ".");
        }
        Optional<Subnet> clash = change.current().by(Indexes.SUBNET_BY_VPC, vpc.id()).stream().filter(x ->
            x.ipv6CidrBlock() != null && x.ipv6CidrBlock().overlaps(block)).findFirst();
        if (clash.isPresent()) {
          throw Rejection.value("InvalidParameterValue.SubnetConflict", p + "Ipv6CidrBlock", "`" + block
              + "` is already the IPv6 block of " + clash.get().id() + ".");
        }
        out.add(change.put(withIpv6(s, block)));
      }
      return out;
    });
  }

  private static Cidr freeIpv6Block(Topology t, Vpc vpc) {
    for (int i = 0; i < 256; i++) {
      Cidr candidate = new Cidr(vpc.ipv6CidrBlock().at(java.math.BigInteger.valueOf(i).shiftLeft(64)).address()
          .setPrefixLength(64, false).toPrefixBlock());
      boolean taken = t.by(Indexes.SUBNET_BY_VPC, vpc.id()).stream().anyMatch(s -> s.ipv6CidrBlock() != null && s.ipv6CidrBlock().equals(candidate));
      if (!taken) {
        return candidate;
      }
    }
    throw new Rejection("ResourceInsufficient.CidrBlock", "Every /64 of " + vpc.ipv6CidrBlock() + " is in use.",
        "IPv6 网段已用尽。");
  }

  /** UnassignIpv6SubnetCidrBlock: takes the /64 back once no ENI holds an IPv6 address of it. */
  public void unassignIpv6(Scope scope, String vpcId, List<String> subnetIds) {
    if (subnetIds == null || subnetIds.isEmpty()) {
      throw Rejection.missing("Ipv6SubnetCidrBlocks");
    }
    ledger.write(scope, change -> {
      Vpc vpc = VpcService.require(change.current(), vpcId, "VpcId");
      for (int i = 0; i < subnetIds.size(); i++) {
        String p = "Ipv6SubnetCidrBlocks." + i + ".SubnetId";
        Subnet s = require(change.current(), subnetIds.get(i), p);
        if (!s.vpcId().equals(vpc.id()) || s.ipv6CidrBlock() == null) {
          throw Rejection.value("InvalidParameterValue.Range", p, s.id() + " has no IPv6 block in " + vpc.id() + ".");
        }
        List<String> holders = change.current().by(Indexes.ENI_BY_SUBNET, s.id()).stream()
            .filter(e -> !e.ipv6Addresses().isEmpty()).map(NetworkInterface::id).toList();
        if (!holders.isEmpty()) {
          throw Rejection.inUse("ResourceInUse", s.ipv6CidrBlock().toString(), "IPv6 addresses of " + String.join(", ", holders));
        }
        change.put(withIpv6(s, null));
      }
      return null;
    });
  }

  private static Subnet withIpv6(Subnet s, Cidr block) {
    return new Subnet(s.id(), s.vpcId(), s.name(), s.cidrBlock(), block, s.zone(), s.routeTableId(), s.networkAclId(),
        s.isDefault(), s.enableBroadcast(), s.tags(), s.createdTime());
  }

  /** Points a subnet at another route table of its VPC (ReplaceRouteTableAssociation). */
  public static Subnet withRouteTable(Change change, Subnet s, String tableId) {
    return change.put(new Subnet(s.id(), s.vpcId(), s.name(), s.cidrBlock(), s.ipv6CidrBlock(), s.zone(), tableId,
        s.networkAclId(), s.isDefault(), s.enableBroadcast(), s.tags(), s.createdTime()));
  }
}
