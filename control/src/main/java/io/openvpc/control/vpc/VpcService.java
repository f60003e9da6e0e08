package io.openvpc.control.vpc;

import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Ids;
import io.openvpc.control.Ledger;
import io.openvpc.control.Listing;
import io.openvpc.control.Page;
import io.openvpc.control.Quotas;
import io.openvpc.control.Validate;
import io.openvpc.model.Cidr;
import io.openvpc.model.HaVip;
import io.openvpc.model.Indexes;
import io.openvpc.model.Instance;
import io.openvpc.model.NetworkAcl;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.Rejection;
import io.openvpc.model.RouteTable;
import io.openvpc.model.Scope;
import io.openvpc.model.Subnet;
import io.openvpc.model.Tag;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** VPCs: creation with Tencent's CIDR rules and a default route table, listing, changes, deletion. */
public final class VpcService {
  /** The DNS servers a VPC gets when none are given (Tencent's public resolvers). */
  public static final List<String> DEFAULT_DNS = List.of("183.60.83.19", "183.60.82.98");
  public static final String MALFORMED = "InvalidVpcId.Malformed";
  public static final String NOT_FOUND = "ResourceNotFound";

  private static final List<Cidr> PRIVATE_RANGES = List.of(
      Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"), Cidr.parse("192.168.0.0/16"));

  private static final Filters<Vpc> FILTERS = new Filters<Vpc>()
      .exact("vpc-id", Vpc::id)
      .fuzzy("vpc-name", Vpc::name)
      .bool("is-default", Vpc::isDefault)
      .exact("cidr-block", v -> v.ipv4Blocks().stream().map(Cidr::toString).toList())
      .exact("ipv6-cidr-block", v -> v.ipv6CidrBlock() == null ? null : v.ipv6CidrBlock().toString())
      .exact("address-type", v -> v.ipv6CidrBlock() == null ? null : "ULA") // the blocks OpenVPC assigns
      .exact("isp-type", v -> v.ipv6CidrBlock() == null ? null : "BGP")
      .tags(Vpc::tags);

  private final Ledger ledger;
  private final Quotas quotas;
  private final Clock clock;

  public VpcService(Ledger ledger, Quotas quotas, Clock clock) {
    this.ledger = ledger;
    this.quotas = quotas;
    this.clock = clock;
  }

  /** What CreateVpc asks for, as received. */
  public record VpcSpec(
      String name, String cidrBlock, String enableMulticast, List<String> dnsServers, String domainName,
      List<Tag> tags, Boolean enableRouteVpcPublish) {}

  public Vpc create(Scope scope, VpcSpec spec) {
    String name = Validate.name("VpcName", spec.name(), 60);
    Cidr cidr = vpcCidr("CidrBlock", spec.cidrBlock());
    Boolean multicast = Validate.stringBool("EnableMulticast", spec.enableMulticast());
    List<String> dns = dnsServers(spec.dnsServers());
    String domain = Validate.optionalText("DomainName", spec.domainName(), 60);
    List<Tag> tags = Validate.tags("Tags", spec.tags());
    return ledger.write(scope, change -> {
      Topology t = change.current();
      long limit = quotas.get("appid-max-vpcs");
      if (t.count(Vpc.class) >= limit) {
        throw Rejection.limit("LimitExceeded", "VPCs per region (appid-max-vpcs)", limit);
      }
      Vpc vpc = new Vpc(Ids.next("vpc", t), name, cidr, List.of(), null, false, Boolean.TRUE.equals(multicast),
          Boolean.TRUE.equals(spec.enableRouteVpcPublish()), dns.isEmpty() ? DEFAULT_DNS : dns,
          domain, tags, clock.instant());
      change.put(vpc);
      change.put(new RouteTable(Ids.next("rtb", change.current()), vpc.id(), "default", true, List.of(), 1,
          List.of(), clock.instant()));
      return vpc;
    });
  }

  /** Checks a VPC block: well formed, private, and with a mask Tencent allows for its range. */
  public static Cidr vpcCidr(String parameter, String text) {
    Cidr cidr = Validate.cidr(parameter, text);
    if (!cidr.isIpv4()) {
      throw Rejection.value("InvalidParameterValue.Malformed", parameter, "must be an IPv4 block, got `" + text + "`.");
    }
    Cidr range = PRIVATE_RANGES.stream().filter(r -> r.contains(cidr)).findFirst()
        .orElseThrow(() -> Rejection.value("InvalidParameterValue.Range", parameter, "`" + text
            + "` is not inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16."));
    int min = range.prefixLength() == 16 ? 16 : 12;
    if (cidr.prefixLength() < min || cidr.prefixLength() > 28) {
      throw Rejection.value("InvalidParameterValue.Range", parameter, "the mask of `" + text + "` must be from /"
          + min + " to /28 within " + range + ".");
    }
    return cidr;
  }

  private static List<String> dnsServers(List<String> dns) {
    if (dns == null) {
      return List.of();
    }
    if (dns.size() > 4) {
      throw Rejection.value("InvalidParameterValue.LimitExceeded", "DnsServers", "at most 4 DNS servers.");
    }
    for (int i = 0; i < dns.size(); i++) {
      if (!Validate.ip("DnsServers." + i, dns.get(i)).isIpv4()) {
        throw Rejection.malformed("DnsServers." + i, dns.get(i), "an IPv4 address");
      }
    }
    return List.copyOf(dns);
  }

  public Page<Vpc> describe(Scope scope, List<String> vpcIds, List<Filter> filters, Long offset, Long limit) {
    List<String> ids = Validate.ids("VpcIds", vpcIds, "vpc", MALFORMED, 100);
    Topology t = ledger.read(scope);
    return Listing.page(t, "VpcIds", ids, filters, (id, p) -> require(t, id, p), FILTERS, Indexes.VPC_NEWEST, false,
        offset, limit);
  }

  /** The VPC, or {@code ResourceNotFound} naming the parameter. */
  public static Vpc require(Topology t, String id, String parameter) {
    Ids.requireWellFormed("vpc", id, parameter, MALFORMED);
    return t.find(Vpc.class, id).orElseThrow(() -> Rejection.notFound(NOT_FOUND, parameter, id));
  }

  /** What ModifyVpcAttribute may change; {@code null} leaves a member as it is. */
  public record VpcChanges(
      String name, String enableMulticast, List<String> dnsServers, String domainName, Boolean enableRouteVpcPublish) {}

  public Vpc modify(Scope scope, String vpcId, VpcChanges c) {
    String name = c.name() == null ? null : Validate.name("VpcName", c.name(), 60);
    Boolean multicast = Validate.stringBool("EnableMulticast", c.enableMulticast());
    List<String> dns = c.dnsServers() == null ? null : dnsServers(c.dnsServers());
    String domain = Validate.optionalText("DomainName", c.domainName(), 60);
    return ledger.write(scope, change -> {
      Vpc v = require(change.current(), vpcId, "VpcId");
      Vpc updated = new Vpc(v.id(), name != null ? name : v.name(), v.cidrBlock(), v.secondaryCidrBlocks(),
          v.ipv6CidrBlock(), v.isDefault(), multicast != null ? multicast : v.enableMulticast(),
          c.enableRouteVpcPublish() != null ? c.enableRouteVpcPublish() : v.enableRouteVpcPublish(),
          dns != null ? (dns.isEmpty() ? DEFAULT_DNS : dns) : v.dnsServers(),
          domain != null ? domain : v.domainName(), v.tags(), v.createdTime());
      return change.put(updated);
    });
  }

  /** Deletes a VPC that holds nothing but its default route table. */
  public void delete(Scope scope, String vpcId) {
    ledger.write(scope, change -> {
      Topology t = change.current();
      Vpc v = require(t, vpcId, "VpcId");
      Map<String, List<String>> users = new LinkedHashMap<>();
      users.put("subnets", ids(t.by(Indexes.SUBNET_BY_VPC, v.id()), Subnet::id));
      users.put("network interfaces", ids(t.by(Indexes.ENI_BY_VPC, v.id()), NetworkInterface::id));
      users.put("instances", ids(t.by(Indexes.INSTANCE_BY_VPC, v.id()), Instance::id));
      users.put("HAVIPs", ids(t.by(Indexes.HAVIP_BY_VPC, v.id()), HaVip::id));
      users.put("custom route tables",
          ids(t.by(Indexes.ROUTE_TABLE_BY_VPC, v.id()).stream().filter(r -> !r.main()).toList(), RouteTable::id));
      users.put("network ACLs", ids(t.by(Indexes.NETWORK_ACL_BY_VPC, v.id()), NetworkAcl::id));
      String inUse = users.entrySet().stream().filter(e -> !e.getValue().isEmpty())
          .map(e -> e.getKey() + " " + String.join(", ", e.getValue().subList(0, Math.min(5, e.getValue().size())))
              + (e.getValue().size() > 5 ? " and " + (e.getValue().size() - 5) + " more" : ""))
          .collect(Collectors.joining("; "));
      if (!inUse.isEmpty()) {
        throw Rejection.inUse("ResourceInUse", v.id(), inUse + "; delete them first");
      }
      t.by(Indexes.ROUTE_TABLE_BY_VPC, v.id()).forEach(change::delete);
      change.delete(v);
      return null;
    });
  }

  private static <R> List<String> ids(List<R> items, java.util.function.Function<R, String> id) {
    return items.stream().map(id).sorted().toList();
  }

  /** DescribeVpcLimits: the named quotas (each must be a known quota name). */
  public Map<String, Long> limits(List<String> limitTypes) {
    if (limitTypes == null || limitTypes.isEmpty()) {
      throw Rejection.missing("LimitTypes");
    }
    if (limitTypes.size() > 100) {
      throw Rejection.value("InvalidParameterValue.LimitExceeded", "LimitTypes", "at most 100 limit types.");
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < limitTypes.size(); i++) {
      String type = limitTypes.get(i);
      if (!quotas.known(type)) {
        throw Rejection.value("InvalidParameterValue.Range", "LimitTypes." + i, "`" + type + "` is not a known limit type.");
      }
      out.put(type, quotas.get(type));
    }
    return out;
  }
}
