package io.openvpc.model;

import java.time.Instant;
import java.util.List;

/**
 * A subnet of a VPC in one zone. It is associated with exactly one route table and at most one
 * network ACL ({@code networkAclId} empty when none).
 */
public record Subnet(
    String id,
    String vpcId,
    String name,
    Cidr cidrBlock,
    Cidr ipv6CidrBlock,
    String zone,
    String routeTableId,
    String networkAclId,
    boolean isDefault,
    boolean enableBroadcast,
    List<Tag> tags,
    Instant createdTime) implements Resource {

  /** Addresses Tencent keeps in every IPv4 subnet: network, gateway (first host) and broadcast. */
  public static final int RESERVED_IPV4_ADDRESSES = 3;

  public Subnet {
    tags = List.copyOf(tags == null ? List.of() : tags);
    networkAclId = networkAclId == null ? "" : networkAclId;
  }

  /** The subnet gateway: the first host address of the block ({@code x.x.x.1}). */
  public IpAddr gateway() {
    return cidrBlock.first().next();
  }

  /** Whether {@code address} is one the subnet reserves (network, gateway, broadcast). */
  public boolean isReserved(IpAddr address) {
    return address.equals(cidrBlock.first()) || address.equals(gateway()) || address.equals(cidrBlock.last());
  }

  /** Every address of the block, reserved ones included (Tencent's TotalIpAddressCount: 256 for a /24). */
  public long totalIpAddressCount() {
    return cidrBlock.size().longValueExact();
  }

  /** The number of addresses instances can use: all but the reserved ones. */
  public long usableIpAddressCount() {
    return totalIpAddressCount() - RESERVED_IPV4_ADDRESSES;
  }
}
