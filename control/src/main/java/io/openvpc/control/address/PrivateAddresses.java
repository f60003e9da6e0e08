package io.openvpc.control.address;

import io.openvpc.control.Change;
import io.openvpc.control.Validate;
import io.openvpc.control.store.ClaimConflict;
import io.openvpc.model.Cidr;
import io.openvpc.model.HaVip;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Ipv6Address;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Rejection;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /** Every taken address of a subnet (IPv4 and IPv6) with the ID of what holds it. */
  public static Map<IpAddr, String> used(Topology t, Subnet subnet) {
    Map<IpAddr, String> used = new HashMap<>();
    for (NetworkInterface eni : t.all(NetworkInterface.class)) {
      if (eni.subnetId().equals(subnet.id())) {
        eni.privateIps().forEach(ip -> used.put(ip.address(), eni.id()));
        eni.ipv6Addresses().forEach(ip -> used.put(ip.address(), eni.id()));
      }
    }
    for (HaVip h : t.all(HaVip.class)) {
      if (h.subnetId().equals(subnet.id())) {
        used.put(h.vip(), h.id());
      }
    }
    return used;
  }

  /** The number of taken IPv4 addresses per subnet ID, in one pass over the topology. */
  public static Map<String, Long> usedIpv4Counts(Topology t) {
    Map<String, Long> counts = new HashMap<>();
    for (NetworkInterface eni : t.all(NetworkInterface.class)) {
      counts.merge(eni.subnetId(), (long) eni.privateIps().size(), Long::sum);
    }
    for (HaVip h : t.all(HaVip.class)) {
      counts.merge(h.subnetId(), 1L, Long::sum);
    }
    return counts;
  }

  /** The addresses instances can use in a subnet: its total minus what is taken. */
  public static long available(Subnet s, Map<String, Long> usedCounts) {
    return Math.max(0, s.totalIpAddressCount() - usedCounts.getOrDefault(s.id(), 0L));
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
    for (NetworkInterface eni : t.all(NetworkInterface.class)) {
      if (eni.subnetId().equals(s.id())) {
        (ipv4 ? eni.privateIps().stream().map(PrivateIp::address) : eni.ipv6Addresses().stream().map(Ipv6Address::address))
            .forEach(a -> taken.add(a.value()));
      }
    }
    for (HaVip h : t.all(HaVip.class)) {
      if (h.subnetId().equals(s.id())) {
        taken.add(h.vip().value());
      }
    }
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
