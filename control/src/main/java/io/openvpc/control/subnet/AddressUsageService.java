package io.openvpc.control.subnet;

import io.openvpc.control.Filter;
import io.openvpc.control.Filters;
import io.openvpc.control.Ledger;
import io.openvpc.control.Listing;
import io.openvpc.control.Page;
import io.openvpc.control.Validate;
import io.openvpc.control.address.PrivateAddresses.Holding;
import io.openvpc.control.address.PrivateAddresses;
import io.openvpc.control.vpc.VpcService;
import io.openvpc.model.Cidr;
import io.openvpc.model.Indexes;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Rejection;
import io.openvpc.model.Scope;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which addresses of a VPC are in use and by what: DescribeVpcPrivateIpAddresses,
 * DescribeVpcIpv6Addresses and DescribeUsedIpAddress. Every answer comes from
 * {@link PrivateAddresses#taken}, the same list the services that hand out addresses consult.
 */
public final class AddressUsageService {
  /** Addresses DescribeVpcPrivateIpAddresses takes per call. */
  public static final int MAX_PRIVATE_IPS = 100;
  /** Addresses DescribeVpcIpv6Addresses takes per call. */
  public static final int MAX_IPV6S = 10;
  /** Addresses DescribeUsedIpAddress takes per call. */
  public static final int MAX_USED_IPS = 100;

  private static final Filters<Holding> USED_FILTERS = new Filters<Holding>()
      .exact("ip-addresses", h -> h.address().toString())
      .exact("resource-id", Holding::resourceId);

  private static final Comparator<Holding> BY_ADDRESS = Comparator.comparing(Holding::address);

  private final Ledger ledger;

  public AddressUsageService(Ledger ledger) {
    this.ledger = ledger;
  }

  /** DescribeVpcPrivateIpAddresses: the uses of the given IPv4 addresses; free ones are left out. */
  public List<Holding> privateIps(Scope scope, String vpcId, List<String> addresses) {
    if (addresses == null || addresses.isEmpty()) {
      throw Rejection.missing("PrivateIpAddresses");
    }
    Topology t = ledger.read(scope);
    Vpc vpc = VpcService.require(t, vpcId, "VpcId");
    Set<IpAddr> wanted = addresses(vpc, null, "PrivateIpAddresses", addresses, MAX_PRIVATE_IPS, true);
    return select(t, vpc, null, h -> wanted.contains(h.address()));
  }

  /** DescribeVpcIpv6Addresses: the used IPv6 addresses of a VPC (or of one subnet), all or the given ones. */
  public Page<Holding> ipv6(Scope scope, String vpcId, String subnetId, List<String> addresses, Long offset,
      Long limit) {
    Topology t = ledger.read(scope);
    Vpc vpc = VpcService.require(t, vpcId, "VpcId");
    Subnet subnet = subnetOf(t, vpc, subnetId);
    Set<IpAddr> wanted = addresses == null || addresses.isEmpty() ? null
        : addresses(vpc, subnet, "Ipv6Addresses", addresses, MAX_IPV6S, false);
    List<Holding> found = select(t, vpc, subnet, h -> !h.address().isIpv4()
        && (wanted == null || wanted.contains(h.address())));
    return Page.of(found, offset, limit);
  }

  /**
   * DescribeUsedIpAddress: every taken address (IPv4 and IPv6, reserved ones included) of a VPC or one of
   * its subnets, all of them, the given ones, or those passing the filters.
   */
  public Page<Holding> used(Scope scope, String vpcId, String subnetId, List<String> addresses, List<Filter> filters,
      Long offset, Long limit) {
    // Checked first, as before anything is looked up: the combination is wrong whatever the VPC.
    Listing.requireIdsOrFilters("IpAddresses", addresses, filters);
    Topology t = ledger.read(scope);
    Vpc vpc = VpcService.require(t, vpcId, "VpcId");
    Subnet subnet = subnetOf(t, vpc, subnetId);
    List<String> wanted = addresses == null || addresses.isEmpty() ? List.of()
        : addresses(vpc, subnet, "IpAddresses", addresses, MAX_USED_IPS, null).stream().map(IpAddr::toString).toList();
    return Page.of(Listing.selectWhere("IpAddresses", wanted, h -> h.address().toString(), filters,
        select(t, vpc, subnet, h -> true), USED_FILTERS, BY_ADDRESS), offset, limit);
  }

  /** The taken addresses of the VPC (or only of {@code subnet}) that {@code keep} accepts, by address. */
  private static List<Holding> select(Topology t, Vpc vpc, Subnet subnet, Predicate<Holding> keep) {
    List<Subnet> which = subnet != null ? List.of(subnet) : t.by(Indexes.SUBNET_BY_VPC, vpc.id());
    return PrivateAddresses.taken(t, which).stream().filter(keep).sorted(BY_ADDRESS).toList();
  }

  /** The subnet named by {@code SubnetId}, which must be one of the VPC's; null when not given. */
  private static Subnet subnetOf(Topology t, Vpc vpc, String subnetId) {
    if (subnetId == null || subnetId.isEmpty()) {
      return null;
    }
    return SubnetService.requireIn(t, subnetId, "SubnetId", vpc);
  }

  /**
   * The queried addresses: at most {@code max}, each an address of the family asked for ({@code ipv4}:
   * true IPv4, false IPv6, null either) inside the VPC's blocks, or the subnet's when one is given.
   */
  private static Set<IpAddr> addresses(Vpc vpc, Subnet subnet, String parameter, List<String> texts, int max,
      Boolean ipv4) {
    if (texts.size() > max) {
      throw Rejection.value("InvalidParameterValue.LimitExceeded", parameter, "at most " + max
          + " addresses per call, got " + texts.size() + ".");
    }
    List<Cidr> blocks = new ArrayList<>();
    if (subnet != null) {
      blocks.add(subnet.cidrBlock());
      if (subnet.ipv6CidrBlock() != null) {
        blocks.add(subnet.ipv6CidrBlock());
      }
    } else {
      blocks.addAll(vpc.ipv4Blocks());
      if (vpc.ipv6CidrBlock() != null) {
        blocks.add(vpc.ipv6CidrBlock());
      }
    }
    Set<IpAddr> out = new LinkedHashSet<>();
    for (int i = 0; i < texts.size(); i++) {
      String p = parameter + "." + i;
      IpAddr a = Validate.ip(p, texts.get(i));
      if (ipv4 != null && a.isIpv4() != ipv4) {
        throw Rejection.malformed(p, texts.get(i), ipv4 ? "an IPv4 address" : "an IPv6 address");
      }
      if (blocks.stream().noneMatch(b -> b.contains(a))) {
        String owner = subnet != null ? "subnet " + subnet.id() : "VPC " + vpc.id();
        List<String> same = blocks.stream().filter(b -> b.isIpv4() == a.isIpv4()).map(Cidr::toString).toList();
        throw Rejection.value("InvalidParameterValue.Range", p, "`" + a + "` is not inside " + owner
            + (same.isEmpty() ? ", which has no IPv6 block." : " (" + String.join(", ", same) + ")."));
      }
      out.add(a);
    }
    return out;
  }
}
