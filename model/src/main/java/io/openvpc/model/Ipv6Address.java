package io.openvpc.model;

/** An IPv6 address of an ENI. */
public record Ipv6Address(IpAddr address, String description) {
  public Ipv6Address {
    description = description == null ? "" : description;
  }
}
