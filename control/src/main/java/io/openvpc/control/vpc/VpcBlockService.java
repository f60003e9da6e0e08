package io.openvpc.control.vpc;

import io.openvpc.control.Change;
import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Ledger;
import io.openvpc.control.Listing;
import io.openvpc.control.Page;
import io.openvpc.control.Quotas;
import io.openvpc.control.Validate;
import io.openvpc.model.Cidr;
import io.openvpc.model.Indexes;
import io.openvpc.model.Rejection;
import io.openvpc.model.Route;
import io.openvpc.model.RouteTable;
import io.openvpc.model.Scope;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The address blocks of a VPC beyond its primary one: secondary ("assistant") IPv4 blocks, and the
 * VPC's IPv6 /56, which OpenVPC allocates from the unique-local range {@code fd00::/8} with a random
 * 40-bit global ID as RFC 4193 asks (so two VPCs, even of different accounts, rarely collide).
 */
public final class VpcBlockService {
  /** The pool VPC IPv6 blocks come from. */
  public static final Cidr IPV6_POOL = Cidr.parse("fd00::/8");
  public static final int IPV6_VPC_PREFIX = 56;

  private static final Filters<SecondaryBlock> FILTERS = new Filters<SecondaryBlock>()
      .exact("vpc-id", b -> b.vpc().id())
      .exact("cidr-block", b -> b.block().toString());

  private final Ledger ledger;
  private final Quotas quotas;

  public VpcBlockService(Ledger ledger, Quotas quotas) {
    this.ledger = ledger;
    this.quotas = quotas;
  }

  /** CreateAssistantCidr: adds secondary blocks; returns the VPC as changed. */
  public Vpc addSecondary(Scope scope, String vpcId, List<String> cidrBlocks) {
    List<Cidr> blocks = parseBlocks("CidrBlocks", cidrBlocks);
    return ledger.write(scope, change ->
        add(change, VpcService.require(change.current(), vpcId, "VpcId"), blocks, "CidrBlocks"));
  }

  private Vpc add(Change change, Vpc v, List<Cidr> blocks, String parameter) {
    long limit = quotas.get("vpc-max-assistant_cidrs");
    if (v.secondaryCidrBlocks().size() + blocks.size() > limit) {
      throw Rejection.limit("LimitExceeded.CidrBlock", "secondary blocks per VPC (vpc-max-assistant_cidrs)", limit);
    }
    List<Cidr> all = new ArrayList<>(v.secondaryCidrBlocks());
    for (int i = 0; i < blocks.size(); i++) {
      Cidr b = blocks.get(i);
      List<Cidr> existing = new ArrayList<>(all);
      existing.add(0, v.cidrBlock());
      for (Cidr e : existing) {
        if (b.overlaps(e)) {
          throw Rejection.value("InvalidParameterValue.CidrConflict", parameter + "." + i, "`" + b + "` overlaps "
              + e + ", a block of " + v.id() + ".");
        }
      }
      requireNoRouteConflict(change.current(), v, b, parameter + "." + i);
      all.add(b);
    }
    return change.put(withBlocks(v, all, v.ipv6CidrBlock()));
  }

  /** A user route to a destination inside a new block would be shadowed by the local route: refuse. */
  private static void requireNoRouteConflict(Topology t, Vpc v, Cidr b, String parameter) {
    for (RouteTable rt : t.by(Indexes.ROUTE_TABLE_BY_VPC, v.id())) {
      for (Route r : rt.routes()) {
        if (r.destination().overlaps(b)) {
          throw Rejection.value("InvalidParameterValue.VpcCidrOverlapRoute", parameter, "`" + b + "` overlaps route "
              + r.routeItemId() + " (" + r.destination() + ") of route table " + rt.id() + ".");
        }
      }
    }
  }

  /** DeleteAssistantCidr: removes secondary blocks no subnet lies in. */
  public Vpc removeSecondary(Scope scope, String vpcId, List<String> cidrBlocks) {
    List<Cidr> blocks = parseBlocks("CidrBlocks", cidrBlocks);
    return ledger.write(scope, change ->
        remove(change, VpcService.require(change.current(), vpcId, "VpcId"), blocks, "CidrBlocks"));
  }

  private static Vpc remove(Change change, Vpc v, List<Cidr> blocks, String parameter) {
    List<Cidr> remaining = new ArrayList<>(v.secondaryCidrBlocks());
    for (int i = 0; i < blocks.size(); i++) {
      Cidr b = blocks.get(i);
      if (!remaining.remove(b)) {
        throw Rejection.value("InvalidParameterValue.Range", parameter + "." + i, "`" + b
            + "` is not a secondary block of " + v.id() + ".");
      }
      List<String> users = change.current().by(Indexes.SUBNET_BY_VPC, v.id()).stream()
          .filter(s -> b.contains(s.cidrBlock())).map(Subnet::id).toList();
      if (!users.isEmpty()) {
        throw Rejection.inUse("ResourceInUse", b.toString(), "subnets " + String.join(", ", users) + "; delete them first");
      }
    }
    return change.put(withBlocks(v, remaining, v.ipv6CidrBlock()));
  }

  /** ModifyAssistantCidr: removes {@code oldBlocks} and adds {@code newBlocks} in one change. */
  public Vpc replaceSecondary(Scope scope, String vpcId, List<String> newBlocks, List<String> oldBlocks) {
    boolean noNew = newBlocks == null || newBlocks.isEmpty();
    boolean noOld = oldBlocks == null || oldBlocks.isEmpty();
    if (noNew && noOld) {
      throw new Rejection("MissingParameter", "Give `NewCidrBlocks`, `OldCidrBlocks` or both: neither was given.",
          "请至少指定 `NewCidrBlocks` 或 `OldCidrBlocks` 之一。");
    }
    List<Cidr> added = noNew ? List.of() : parseBlocks("NewCidrBlocks", newBlocks);
    List<Cidr> removed = noOld ? List.of() : parseBlocks("OldCidrBlocks", oldBlocks);
    return ledger.write(scope, change -> {
      Vpc v = VpcService.require(change.current(), vpcId, "VpcId");
      v = remove(change, v, removed, "OldCidrBlocks");
      return add(change, v, added, "NewCidrBlocks");
    });
  }

  public record SecondaryBlock(Vpc vpc, Cidr block) {}

  /** DescribeAssistantCidr: the secondary blocks of the VPCs named (unknown ones have none), or those passing the filters. */
  public Page<SecondaryBlock> describeSecondary(Scope scope, List<String> vpcIds, List<Filter> filters, Long offset,
      Long limit) {
    List<String> ids = Validate.ids("VpcIds", vpcIds, "vpc", VpcService.MALFORMED, 100);
    List<SecondaryBlock> all = new ArrayList<>();
    Topology t = ledger.read(scope);
    // named VPCs: only theirs (selectWhere keeps the blocks of the named VPCs anyway); else every VPC's
    Collection<Vpc> vpcs = ids.isEmpty() ? t.all(Vpc.class)
        : ids.stream().distinct().map(id -> t.find(Vpc.class, id)).flatMap(java.util.Optional::stream).toList();
    for (Vpc v : vpcs) {
      v.secondaryCidrBlocks().forEach(b -> all.add(new SecondaryBlock(v, b)));
    }
    return Page.of(Listing.selectWhere("VpcIds", ids, b -> b.vpc().id(), filters, all, FILTERS,
        Comparator.comparing(SecondaryBlock::block)), offset, limit);
  }

  private static List<Cidr> parseBlocks(String parameter, List<String> texts) {
    if (texts == null || texts.isEmpty()) {
      throw Rejection.missing(parameter);
    }
    List<Cidr> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      out.add(VpcService.vpcCidr(parameter + "." + i, texts.get(i)));
    }
    return out;
  }

  /** AssignIpv6CidrBlock: gives the VPC a /56 from the unique-local pool. */
  public Vpc assignIpv6(Scope scope, String vpcId, String addressType) {
    if (addressType != null && !addressType.isEmpty() && !addressType.equals("ULA")) {
      throw Rejection.value("InvalidParameterValue.Range", "AddressType", "OpenVPC allocates unique-local (ULA) "
          + "blocks only, got `" + addressType + "`.");
    }
    return ledger.write(scope, change -> {
      Vpc v = VpcService.require(change.current(), vpcId, "VpcId");
      if (v.ipv6CidrBlock() != null) {
        throw Rejection.limit("LimitExceeded", "IPv6 block per VPC; " + v.id() + " has " + v.ipv6CidrBlock(), 1);
      }
      Cidr block;
      do {
        block = randomUlaBlock();
      } while (taken(change.current(), block));
      return change.put(withBlocks(v, v.secondaryCidrBlocks(), block));
    });
  }

  private static Cidr randomUlaBlock() {
    BigInteger globalId = new BigInteger(48, ThreadLocalRandom.current()).shiftLeft(72);
    return new Cidr(IPV6_POOL.at(globalId).address().setPrefixLength(IPV6_VPC_PREFIX, false).toPrefixBlock());
  }

  private static boolean taken(Topology t, Cidr block) {
    return !IPV6_POOL.contains(block)
        || t.all(Vpc.class).stream().anyMatch(v -> v.ipv6CidrBlock() != null && v.ipv6CidrBlock().overlaps(block));
  }

  /** UnassignIpv6CidrBlock: once no subnet holds a /64 of it. */
  public Vpc unassignIpv6(Scope scope, String vpcId, String block) {
    return ledger.write(scope, change -> {
      Vpc v = VpcService.require(change.current(), vpcId, "VpcId");
      if (v.ipv6CidrBlock() == null) {
        throw new Rejection("UnsupportedOperation.IPV6CidrNotDeployed", v.id() + " has no IPv6 block.",
            v.id() + " 未分配 IPv6 网段。");
      }
      if (block != null && !block.isEmpty() && !Validate.cidr("Ipv6CidrBlock", block).equals(v.ipv6CidrBlock())) {
        throw Rejection.value("InvalidParameterValue.Range", "Ipv6CidrBlock", "`" + block + "` is not the IPv6 block of "
            + v.id() + " (" + v.ipv6CidrBlock() + ").");
      }
      List<String> users = change.current().by(Indexes.SUBNET_BY_VPC, v.id()).stream()
          .filter(s -> s.ipv6CidrBlock() != null).map(Subnet::id).toList();
      if (!users.isEmpty()) {
        throw Rejection.inUse("ResourceInUse", v.ipv6CidrBlock().toString(), "the IPv6 blocks of subnets "
            + String.join(", ", users) + "; unassign them first");
      }
      return change.put(withBlocks(v, v.secondaryCidrBlocks(), null));
    });
  }

  private static Vpc withBlocks(Vpc v, List<Cidr> secondary, Cidr ipv6) {
    return new Vpc(v.id(), v.name(), v.cidrBlock(), secondary, ipv6, v.isDefault(), v.enableMulticast(),
        v.enableRouteVpcPublish(), v.dnsServers(), v.domainName(), v.tags(), v.createdTime());
  }
}
