package io.openvpc.dataplane.host;

/**
 * An address on a device, with its prefix length ({@code 10.0.1.5/24}, {@code fe80::1/64}).
 * {@code noPrefixRoute} keeps the kernel from adding an on-link route for the prefix, so that traffic to
 * neighbours in the same subnet still goes through the VPC router and its filters.
 */
public record Address(String device, String address, int prefixLength, boolean noPrefixRoute) {
  public boolean ipv6() {
    return address.contains(":");
  }

  public String cidr() {
    return address + "/" + prefixLength;
  }

  /** Identity for diffing: device and address (the flags are part of the value). */
  public String key() {
    return device + " " + cidr() + (noPrefixRoute ? " noprefixroute" : "");
  }
}
