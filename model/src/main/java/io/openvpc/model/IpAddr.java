package io.openvpc.model;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.math.BigInteger;

/** One IPv4 or IPv6 address, without prefix. */
public record IpAddr(IPAddress address) implements Comparable<IpAddr> {
  public IpAddr {
    if (address == null) {
      throw new IllegalArgumentException("address is required");
    }
    if (address.isMultiple()) {
      throw new IllegalArgumentException("a single address is required, not " + address);
    }
    address = address.withoutPrefixLength();
  }

  /**
   * Parses one address.
   *
   * @throws IllegalArgumentException with a reason fit for a user
   */
  public static IpAddr parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty address");
    }
    String t = text.trim();
    if (t.contains("/")) {
      throw new IllegalArgumentException("an address without a prefix length is required");
    }
    try {
      IPAddress a = new IPAddressString(t).toAddress();
      if (a.isMultiple() || a.isPrefixed()) {
        throw new IllegalArgumentException("not a single address");
      }
      return new IpAddr(a);
    } catch (AddressStringException e) {
      throw new IllegalArgumentException("not an IPv4 or IPv6 address");
    }
  }

  public static IpAddr fromValue(BigInteger value, boolean ipv4) {
    return new IpAddr(ipv4 ? new IPv4Address(value.intValue()) : new IPv6Address(value));
  }

  public boolean isIpv4() {
    return address.isIPv4();
  }

  public BigInteger value() {
    return address.getValue();
  }

  public IpAddr next() {
    return fromValue(value().add(BigInteger.ONE), isIpv4());
  }

  @Override
  public int compareTo(IpAddr o) {
    if (isIpv4() != o.isIpv4()) {
      return isIpv4() ? -1 : 1;
    }
    return value().compareTo(o.value());
  }

  @Override
  public String toString() {
    return address.toCanonicalString();
  }
}
