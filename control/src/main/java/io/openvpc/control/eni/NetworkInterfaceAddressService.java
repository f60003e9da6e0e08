package io.openvpc.control.eni;

import static io.openvpc.control.eni.NetworkInterfaceService.MAX_ADDRESSES_PER_CALL;
import static io.openvpc.control.eni.NetworkInterfaceService.allocate;
import static io.openvpc.control.eni.NetworkInterfaceService.require;
import static io.openvpc.control.eni.NetworkInterfaceService.requireIpQuota;
import static io.openvpc.control.eni.NetworkInterfaceService.users;
import static io.openvpc.control.eni.NetworkInterfaceService.with;

import io.openvpc.control.Ledger;
import io.openvpc.control.Quotas;
import io.openvpc.control.Validate;
import io.openvpc.control.address.PrivateAddresses;
import io.openvpc.control.eni.NetworkInterfaceService.AddressSpec;
import io.openvpc.control.instance.Catalogue;
import io.openvpc.control.instance.InstanceType;
import io.openvpc.control.task.TaskService;
import io.openvpc.model.Instance;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Ipv6Address;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Rejection;
import io.openvpc.model.Scope;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The addresses of ENIs after creation: secondary private IPv4 addresses (assign, unassign, migrate,
 * describe) and IPv6 addresses, each claimed in the database like every address of a VPC, within the
 * ENI's limit (its instance type's while attached, else {@code eni-max-private-ips}).
 */
public final class NetworkInterfaceAddressService {
  /** The longest description of one address, IPv4 or IPv6. */
  static final int MAX_DESCRIPTION = 25;

  private final Ledger ledger;
  private final Quotas quotas;
  private final Clock clock;

  public NetworkInterfaceAddressService(Ledger ledger, Quotas quotas, Clock clock) {
    this.ledger = ledger;
    this.quotas = quotas;
    this.clock = clock;
  }

  /** AssignPrivateIpAddresses: the requested addresses, or {@code count} lowest free ones. */
  public List<PrivateIp> assign(Scope scope, String eniId, List<AddressSpec> requested, Long count, String requestId) {
    List<AddressSpec> specs = new ArrayList<>(requested == null ? List.of() : requested);
    long n = count == null ? 0 : count;
    if (specs.isEmpty() && n <= 0) {
      throw new Rejection("MissingParameter", "Give `PrivateIpAddresses` or `SecondaryPrivateIpAddressCount`: neither "
          + "was given.", "请至少指定 `PrivateIpAddresses` 或 `SecondaryPrivateIpAddressCount` 之一。");
    }
    if (!specs.isEmpty() && n > 0) {
      throw new Rejection("InvalidParameterValue.Combination", "`PrivateIpAddresses` and "
          + "`SecondaryPrivateIpAddressCount` cannot be given together.", "两个参数不能同时指定。");
    }
    if (specs.size() + n > MAX_ADDRESSES_PER_CALL) {
      throw Rejection.value("InvalidParameterValue.Range", specs.isEmpty() ? "SecondaryPrivateIpAddressCount"
          : "PrivateIpAddresses", "at most " + MAX_ADDRESSES_PER_CALL + " addresses per call.");
    }
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).primary()) {
        throw Rejection.value("UnsupportedOperation.PrimaryIp", "PrivateIpAddresses." + i + ".Primary",
            "an ENI has one primary address, set at creation; assigned addresses are secondary.");
      }
    }
    for (long i = 0; i < n; i++) {
      specs.add(new AddressSpec(null, false, ""));
    }
    return ledger.write(scope, change -> {
      Topology t = change.current();
      NetworkInterface e = require(t, eniId, "NetworkInterfaceId");
      requireIpQuota(e.privateIps().size() + specs.size(), ipQuota(t, e), "PrivateIpAddresses");
      Subnet s = t.find(Subnet.class, e.subnetId()).orElseThrow();
      List<PrivateIp> added = allocate(change, s, e.id(), specs, "PrivateIpAddresses");
      List<PrivateIp> all = new ArrayList<>(e.privateIps());
      all.addAll(added);
      change.put(with(e, e.name(), e.description(), e.instanceId(), all, e.ipv6Addresses(), e.securityGroupIds()));
      TaskService.record(change, clock, requestId, "AssignPrivateIpAddresses", List.of(e.id()));
      return added;
    });
  }

  /** The number of addresses the ENI may hold: its instance type's limit when attached, else the quota. */
  private long ipQuota(Topology t, NetworkInterface e) {
    if (e.attached()) {
      return t.find(Instance.class, e.instanceId()).flatMap(i -> Catalogue.type(i.instanceType()))
          .map(InstanceType::ipsPerEni).orElse((int) quotas.get("eni-max-private-ips"));
    }
    return quotas.get("eni-max-private-ips");
  }

  public void unassign(Scope scope, String eniId, List<String> addresses, String requestId) {
    if (addresses == null || addresses.isEmpty()) {
      throw Rejection.missing("PrivateIpAddresses");
    }
    ledger.write(scope, change -> {
      Topology t = change.current();
      NetworkInterface e = require(t, eniId, "NetworkInterfaceId");
      List<PrivateIp> remaining = new ArrayList<>(e.privateIps());
      for (int i = 0; i < addresses.size(); i++) {
        String p = "PrivateIpAddresses." + i + ".PrivateIpAddress";
        PrivateIp ip = own(e, Validate.ip(p, addresses.get(i)), p);
        if (ip.primary()) {
          throw Rejection.value("UnsupportedOperation.PrimaryIp", p, ip.address() + " is the primary address of "
              + e.id() + " and cannot be unassigned.");
        }
        List<String> users = users(t, e, ip.address());
        if (!users.isEmpty()) {
          throw Rejection.inUse("ResourceInUse", ip.address().toString(), String.join(", ", users));
        }
        remaining.remove(ip);
        PrivateAddresses.release(change, e.vpcId(), ip.address());
      }
      change.put(with(e, e.name(), e.description(), e.instanceId(), remaining, e.ipv6Addresses(), e.securityGroupIds()));
      TaskService.record(change, clock, requestId, "UnassignPrivateIpAddresses", List.of(e.id()));
      return null;
    });
  }

  private static PrivateIp own(NetworkInterface e, IpAddr a, String parameter) {
    return e.privateIps().stream().filter(ip -> ip.address().equals(a)).findFirst()
        .orElseThrow(() -> Rejection.value("InvalidParameterValue.AddressIpNotFound", parameter, a
            + " is not an address of " + e.id() + "."));
  }

  /** MigratePrivateIpAddress: moves a secondary address to another ENI of the same subnet. */
  public void migrateAddress(Scope scope, String sourceId, String destinationId, String address, String requestId) {
    ledger.write(scope, change -> {
      Topology t = change.current();
      NetworkInterface src = require(t, sourceId, "SourceNetworkInterfaceId");
      NetworkInterface dst = require(t, destinationId, "DestinationNetworkInterfaceId");
      PrivateIp ip = own(src, Validate.ip("PrivateIpAddress", address), "PrivateIpAddress");
      if (ip.primary()) {
        throw Rejection.value("UnsupportedOperation.PrimaryIp", "PrivateIpAddress", ip.address()
            + " is the primary address of " + src.id() + " and cannot move.");
      }
      if (src.id().equals(dst.id())) {
        throw Rejection.value("InvalidParameterValue.Duplicate", "DestinationNetworkInterfaceId", "is the source ENI.");
      }
      if (!src.subnetId().equals(dst.subnetId())) {
        throw Rejection.value("InvalidParameterValue.Range", "DestinationNetworkInterfaceId", dst.id() + " is in "
            + dst.subnetId() + "; an address moves only between ENIs of its subnet " + src.subnetId() + ".");
      }
      requireIpQuota(dst.privateIps().size() + 1, ipQuota(t, dst), "DestinationNetworkInterfaceId");
      List<PrivateIp> srcIps = new ArrayList<>(src.privateIps());
      srcIps.remove(ip);
      List<PrivateIp> dstIps = new ArrayList<>(dst.privateIps());
      dstIps.add(ip);
      change.put(with(src, src.name(), src.description(), src.instanceId(), srcIps, src.ipv6Addresses(),
          src.securityGroupIds()));
      change.put(with(dst, dst.name(), dst.description(), dst.instanceId(), dstIps, dst.ipv6Addresses(),
          dst.securityGroupIds()));
      PrivateAddresses.release(change, src.vpcId(), ip.address());
      PrivateAddresses.claim(change, dst.vpcId(), ip.address(), dst.id(), "PrivateIpAddress");
      TaskService.record(change, clock, requestId, "MigratePrivateIpAddress", List.of(src.id(), dst.id()));
      return null;
    });
  }

  /** ModifyPrivateIpAddressesAttribute: the descriptions of an ENI's addresses. */
  public void describeAddresses(Scope scope, String eniId, List<AddressSpec> specs) {
    if (specs == null || specs.isEmpty()) {
      throw Rejection.missing("PrivateIpAddresses");
    }
    ledger.write(scope, change -> {
      NetworkInterface e = require(change.current(), eniId, "NetworkInterfaceId");
      List<PrivateIp> ips = new ArrayList<>(e.privateIps());
      for (int i = 0; i < specs.size(); i++) {
        String p = "PrivateIpAddresses." + i;
        PrivateIp ip = own(e, Validate.ip(p + ".PrivateIpAddress", specs.get(i).address()), p + ".PrivateIpAddress");
        String d = Validate.optionalText(p + ".Description", specs.get(i).description(), MAX_DESCRIPTION);
        ips.set(ips.indexOf(ip), new PrivateIp(ip.address(), ip.primary(), d == null ? ip.description() : d));
      }
      change.put(with(e, e.name(), e.description(), e.instanceId(), ips, e.ipv6Addresses(), e.securityGroupIds()));
      return null;
    });
  }

  /** AssignIpv6Addresses: requested addresses of the subnet's /64, or {@code count} free ones. */
  public List<Ipv6Address> assignIpv6(Scope scope, String eniId, List<String> addresses, Long count, String requestId) {
    List<String> requested = addresses == null ? List.of() : addresses;
    long n = count == null ? 0 : count;
    if (requested.isEmpty() && n <= 0) {
      throw Rejection.missing("Ipv6Addresses");
    }
    if (requested.size() + n > MAX_ADDRESSES_PER_CALL) {
      throw Rejection.value("InvalidParameterValue.Range", "Ipv6AddressCount", "at most " + MAX_ADDRESSES_PER_CALL
          + " addresses per call.");
    }
    return ledger.write(scope, change -> {
      Topology t = change.current();
      NetworkInterface e = require(t, eniId, "NetworkInterfaceId");
      Subnet s = t.find(Subnet.class, e.subnetId()).orElseThrow();
      long limit = quotas.get("eni-max-ipv6s");
      if (e.ipv6Addresses().size() + requested.size() + n > limit) {
        throw Rejection.limit("LimitExceeded", "IPv6 addresses per ENI (eni-max-ipv6s)", limit);
      }
      Set<IpAddr> picked = new LinkedHashSet<>();
      for (int i = 0; i < requested.size(); i++) {
        String p = "Ipv6Addresses." + i + ".Address";
        IpAddr a = Validate.ip(p, requested.get(i));
        if (s.ipv6CidrBlock() == null || !s.ipv6CidrBlock().contains(a)) {
          throw Rejection.value("InvalidParameterValue.Range", p, "`" + a + "` is not inside the IPv6 block of "
              + s.id() + (s.ipv6CidrBlock() == null ? " (it has none)" : " (" + s.ipv6CidrBlock() + ")") + ".");
        }
        String holder = PrivateAddresses.used(t, s).get(a);
        if (holder != null || !picked.add(a)) {
          throw PrivateAddresses.inUse(p, a, holder != null ? holder : "another address of this request");
        }
      }
      picked.addAll(PrivateAddresses.lowestFreeIpv6(t, s, (int) n, picked));
      List<Ipv6Address> added = new ArrayList<>();
      for (IpAddr a : picked) {
        PrivateAddresses.claim(change, e.vpcId(), a, e.id(), "Ipv6Addresses");
        added.add(new Ipv6Address(a, ""));
      }
      List<Ipv6Address> all = new ArrayList<>(e.ipv6Addresses());
      all.addAll(added);
      change.put(with(e, e.name(), e.description(), e.instanceId(), e.privateIps(), all, e.securityGroupIds()));
      TaskService.record(change, clock, requestId, "AssignIpv6Addresses", List.of(e.id()));
      return added;
    });
  }

  public void unassignIpv6(Scope scope, String eniId, List<String> addresses, String requestId) {
    if (addresses == null || addresses.isEmpty()) {
      throw Rejection.missing("Ipv6Addresses");
    }
    ledger.write(scope, change -> {
      NetworkInterface e = require(change.current(), eniId, "NetworkInterfaceId");
      List<Ipv6Address> remaining = new ArrayList<>(e.ipv6Addresses());
      for (int i = 0; i < addresses.size(); i++) {
        String p = "Ipv6Addresses." + i + ".Address";
        IpAddr a = Validate.ip(p, addresses.get(i));
        Ipv6Address held = ownIpv6(e, a, p);
        remaining.remove(held);
        PrivateAddresses.release(change, e.vpcId(), a);
      }
      change.put(with(e, e.name(), e.description(), e.instanceId(), e.privateIps(), remaining, e.securityGroupIds()));
      TaskService.record(change, clock, requestId, "UnassignIpv6Addresses", List.of(e.id()));
      return null;
    });
  }

  private static Ipv6Address ownIpv6(NetworkInterface e, IpAddr a, String parameter) {
    return e.ipv6Addresses().stream().filter(x -> x.address().equals(a)).findFirst()
        .orElseThrow(() -> Rejection.value("InvalidParameterValue.AddressIpNotFound", parameter, a
            + " is not an IPv6 address of " + e.id() + "."));
  }

  /** A description per IPv6 address: {@code description} null keeps the address's one. */
  public record Ipv6Description(String address, String description) {}

  /** ModifyIpv6AddressesAttribute: the descriptions of an ENI's IPv6 addresses. */
  public void describeIpv6(Scope scope, String eniId, List<Ipv6Description> specs) {
    if (specs == null || specs.isEmpty()) {
      throw Rejection.missing("Ipv6Addresses");
    }
    ledger.write(scope, change -> {
      NetworkInterface e = require(change.current(), eniId, "NetworkInterfaceId");
      List<Ipv6Address> ips = new ArrayList<>(e.ipv6Addresses());
      for (int i = 0; i < specs.size(); i++) {
        String p = "Ipv6Addresses." + i;
        Ipv6Address ip = ownIpv6(e, Validate.ip(p + ".Address", specs.get(i).address()), p + ".Address");
        String d = Validate.optionalText(p + ".Description", specs.get(i).description(), MAX_DESCRIPTION);
        ips.set(ips.indexOf(ip), new Ipv6Address(ip.address(), d == null ? ip.description() : d));
      }
      change.put(with(e, e.name(), e.description(), e.instanceId(), e.privateIps(), ips, e.securityGroupIds()));
      return null;
    });
  }
}
