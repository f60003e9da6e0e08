package io.openvpc.control.address;

import io.openvpc.control.Change;
import io.openvpc.control.Validate;
import io.openvpc.control.store.ClaimConflict;
import io.openvpc.model.Cidr;
import io.openvpc.model.HaVip;
import io.openvpc.model.Indexes;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Ipv6Address;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Rejection;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The private addresses of a VPC: which are taken in a subnet (ENI addresses and HAVIP VIPs), which is
 * the lowest free one, and the database claim that makes sure no address is ever handed out twice,
 * also with several servers on one database. Every service that hands out an address goes through here.
 */
public final class PrivateAddresses {
  private PrivateAddresses() {}

  /** The claim namespace of a VPC's addresses (IPv4 and IPv6). */
  public static String namespace(String vpcId) {
    return "ip:" + vpcId;
  }

  /** What holds a taken address: an ENI's address, a HAVIP's VIP, or one the subnet reserves. */
  public enum HolderKind { ENI, HAVIP, RESERVED }

  /**
   * One taken address of a subnet: who holds it ({@code resourceId}: the ENI, the HAVIP, or the subnet
   * for a reserved address), the instance of the ENI ("" when none) and since when. OpenVPC keeps no time
   * per address: an ENI's addresses date from the ENI, a reserved address from its subnet.
   */
  public record Holding(IpAddr address, Subnet subnet, HolderKind kind, String resourceId, String instanceId,
      Instant since) {
    /** The kind of use as Tencent's address listings name it: CVM for an ENI of an instance. */
    public String useType() {
      return kind == HolderKind.ENI && !instanceId.isEmpty() ? "CVM" : kind.name();
    }
  }

  /**
   * Every address held in the subnets {@code which} accepts, IPv4 and IPv6, by ENIs (primary and secondary
   * addresses) and HAVIPs: the one definition of a taken address. The reserved ones are {@link #reserved}.
   */
  public static List<Holding> held(Topology t, Predicate<Subnet> which) {
    return held(t, t.all(Subnet.class).stream().filter(which).toList());
  }

  /** Every address held in {@code subnets}, found through the snapshot's indexes (ENIs and HAVIPs by subnet). */
  public static List<Holding> held(Topology t, Collection<Subnet> subnets) {
    List<Holding> out = new ArrayList<>();
    for (Subnet s : subnets) {
      for (NetworkInterface eni : t.by(Indexes.ENI_BY_SUBNET, s.id())) {
        eni.privateIps().forEach(ip -> out.add(eniHolding(ip.address(), s, eni)));
        eni.ipv6Addresses().forEach(ip -> out.add(eniHolding(ip.address(), s, eni)));
      }
      for (HaVip h : t.by(Indexes.HAVIP_BY_SUBNET, s.id())) {
        out.add(new Holding(h.vip(), s, HolderKind.HAVIP, h.id(), "", h.createdTime()));
      }
    }
    return out;
  }

  private static Holding eniHolding(IpAddr a, Subnet s, NetworkInterface eni) {
    return new Holding(a, s, HolderKind.ENI, eni.id(), eni.instanceId(), eni.createdTime());
  }

  /** The three IPv4 addresses a subnet reserves (network, gateway, broadcast; see {@link Subnet#isReserved}). */
  public static List<Holding> reserved(Subnet s) {
    return Stream.of(s.cidrBlock().first(), s.gateway(), s.cidrBlock().last())
        .map(a -> new Holding(a, s, HolderKind.RESERVED, s.id(), "", s.createdTime())).toList();
  }

  /** Every taken address of the subnets {@code which} accepts: the held ones and the reserved ones. */
  public static List<Holding> taken(Topology t, Collection<Subnet> subnets) {
    List<Holding> out = new ArrayList<>(held(t, subnets));
    subnets.forEach(s -> out.addAll(reserved(s)));
    return out;
  }

  /** Every taken address of a subnet (IPv4 and IPv6) with the ID of what holds it. */
  public static Map<IpAddr, String> used(Topology t, Subnet subnet) {
    Map<IpAddr, String> used = new HashMap<>();
    held(t, List.of(subnet)).forEach(h -> used.put(h.address(), h.resourceId()));
    return used;
  }

  /** The number of taken IPv4 addresses per subnet ID of {@code subnets} (a page of them). */
  public static Map<String, Long> usedIpv4Counts(Topology t, Collection<Subnet> subnets) {
    Map<String, Long> counts = new HashMap<>();
    held(t, subnets).stream().filter(h -> h.address().isIpv4())
        .forEach(h -> counts.merge(h.subnet().id(), 1L, Long::sum));
    return counts;
  }

  /** The addresses instances can use in a subnet: its total minus what is taken. */
  public static long available(Subnet s, Map<String, Long> usedCounts) {
    return Math.max(0, s.usableIpAddressCount() - usedCounts.getOrDefault(s.id(), 0L));
  }

  /**
   * Checks a requested IPv4 address: well formed, inside the subnet, not reserved, not taken (nor in
   * {@code alsoTaken}, the addresses this call already picked).
   */
  public static IpAddr requireFree(Topology t, Subnet s, String parameter, String text, Set<IpAddr> alsoTaken) {
    IpAddr a = Validate.ip(parameter, text);
    if (!s.cidrBlock().contains(a)) {
      throw Rejection.value("InvalidParameterValue.Range", parameter,
          "`" + text + "` is not inside subnet " + s.id() + " (" + s.cidrBlock() + ").");
    }
    if (s.isReserved(a)) {
      throw Rejection.value("InvalidParameterValue.Reserved", parameter, "`" + text + "` is reserved in subnet "
          + s.id() + ": the network address, the gateway (" + s.gateway() + ") and the broadcast address are.");
    }
    String holder = used(t, s).get(a);
    if (holder != null || alsoTaken.contains(a)) {
      throw inUse(parameter, a, holder != null ? holder : "another address of this request");
    }
    return a;
  }

  /** The {@code count} lowest free IPv4 addresses of a subnet, or {@code ResourceInsufficient}. */
  public static List<IpAddr> lowestFree(Topology t, Subnet s, int count, Set<IpAddr> alsoTaken) {
    List<IpAddr> out = lowest(t, s, true, s.gateway().next().value(), s.cidrBlock().last().value(), count,
        alsoTaken);
    if (out.size() < count) {
      throw new Rejection("ResourceInsufficient.Subnet", "Subnet " + s.id() + " (" + s.cidrBlock()
          + ") has fewer than " + count + " free addresses.", "子网 " + s.id() + " 可用 IP 不足。");
    }
    return out;
  }

  /**
   * Up to {@code count} free addresses from {@code from} (inclusive) to {@code to} (exclusive). It walks
   * numbers, not address objects, so a nearly full /16 costs a set lookup per taken address.
   */
  private static List<IpAddr> lowest(Topology t, Subnet s, boolean ipv4, BigInteger from, BigInteger to, int count,
      Set<IpAddr> alsoTaken) {
    Set<BigInteger> taken = new HashSet<>();
    held(t, List.of(s)).stream().filter(h -> h.address().isIpv4() == ipv4)
        .forEach(h -> taken.add(h.address().value()));
    alsoTaken.forEach(a -> taken.add(a.value()));
    List<IpAddr> out = new ArrayList<>();
    for (BigInteger v = from; v.compareTo(to) < 0 && out.size() < count; v = v.add(BigInteger.ONE)) {
      if (!taken.contains(v)) {
        out.add(IpAddr.fromValue(v, ipv4));
      }
    }
    return out;
  }

  /** The {@code count} lowest free IPv6 addresses of a subnet's IPv6 block. */
  public static List<IpAddr> lowestFreeIpv6(Topology t, Subnet s, int count, Set<IpAddr> alsoTaken) {
    if (s.ipv6CidrBlock() == null) {
      throw new Rejection("UnsupportedOperation.IPV6CidrNotDeployed", "Subnet " + s.id()
          + " has no IPv6 block; assign one with AssignIpv6SubnetCidrBlock first.", "子网 " + s.id() + " 未分配 IPv6 网段。");
    }
    // Skip the subnet-router anycast address (::0) and the first addresses the gateway may use.
    Cidr block = s.ipv6CidrBlock();
    return lowest(t, s, false, block.at(BigInteger.valueOf(16)).value(), block.last().value(), count, alsoTaken);
  }

  /** Claims an address in the database for {@code owner}; a conflict is {@code ResourceInUse.Address}. */
  public static void claim(Change change, String vpcId, IpAddr address, String owner, String parameter) {
    try {
      change.claim(namespace(vpcId), address.toString(), owner);
    } catch (ClaimConflict e) {
      throw inUse(parameter, address, "another resource");
    }
  }

  public static void release(Change change, String vpcId, IpAddr address) {
    change.release(namespace(vpcId), address.toString());
  }

  /** Releases every address an ENI holds. */
  public static void releaseAll(Change change, NetworkInterface eni) {
    for (PrivateIp ip : eni.privateIps()) {
      release(change, eni.vpcId(), ip.address());
    }
    for (Ipv6Address ip : eni.ipv6Addresses()) {
      release(change, eni.vpcId(), ip.address());
    }
  }

  public static Rejection inUse(String parameter, IpAddr a, String holder) {
    return new Rejection("ResourceInUse.Address", "Parameter `" + parameter + "`: the address " + a
        + " is already in use by " + holder + ".", "参数 `" + parameter + "`：地址 " + a + " 已被 " + holder + " 占用。");
  }
}
