package io.openvpc.model;

import java.time.Instant;
import java.util.List;

/**
 * An elastic network interface (ENI) in a subnet, with one primary and any number of secondary
 * private IPv4 addresses, optional IPv6 addresses, and an ordered list of security groups.
 * {@code instanceId} is empty while it is not attached.
 */
public record NetworkInterface(
    String id,
    String vpcId,
    String subnetId,
    String name,
    String description,
    String instanceId,
    boolean primary,
    String macAddress,
    List<PrivateIp> privateIps,
    List<Ipv6Address> ipv6Addresses,
    List<String> securityGroupIds,
    String state,
    List<Tag> tags,
    Instant createdTime) implements Resource {

  public NetworkInterface {
    instanceId = instanceId == null ? "" : instanceId;
    description = description == null ? "" : description;
    privateIps = List.copyOf(privateIps == null ? List.of() : privateIps);
    ipv6Addresses = List.copyOf(ipv6Addresses == null ? List.of() : ipv6Addresses);
    securityGroupIds = List.copyOf(securityGroupIds == null ? List.of() : securityGroupIds);
    tags = List.copyOf(tags == null ? List.of() : tags);
  }

  /** The primary private IPv4 address. */
  public IpAddr primaryIp() {
    return privateIps.stream().filter(PrivateIp::primary).findFirst()
        .orElseThrow(() -> new IllegalStateException(id + " has no primary address")).address();
  }

  public boolean attached() {
    return !instanceId.isEmpty();
  }
}
