package io.openvpc.model;

/** A private IPv4 address of an ENI. */
public record PrivateIp(IpAddr address, boolean primary, String description) {
  public PrivateIp {
    description = description == null ? "" : description;
  }
}
