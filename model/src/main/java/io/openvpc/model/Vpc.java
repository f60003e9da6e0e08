package io.openvpc.model;

import java.time.Instant;
import java.util.List;

/**
 * A VPC: a private network with a primary IPv4 block, optional secondary (assistant) blocks and an
 * optional IPv6 block. Its default route table is a {@link RouteTable} with {@code main} set.
 */
public record Vpc(
    String id,
    String name,
    Cidr cidrBlock,
    List<Cidr> secondaryCidrBlocks,
    Cidr ipv6CidrBlock,
    boolean isDefault,
    boolean enableMulticast,
    boolean enableRouteVpcPublish,
    List<String> dnsServers,
    String domainName,
    List<Tag> tags,
    Instant createdTime) implements Resource {

  public Vpc {
    secondaryCidrBlocks = List.copyOf(secondaryCidrBlocks == null ? List.of() : secondaryCidrBlocks);
    dnsServers = List.copyOf(dnsServers == null ? List.of() : dnsServers);
    tags = List.copyOf(tags == null ? List.of() : tags);
    domainName = domainName == null ? "" : domainName;
  }

  /** Every IPv4 block of the VPC: the primary first, then the secondary ones. */
  public List<Cidr> ipv4Blocks() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(cidrBlock), secondaryCidrBlocks.stream())
        .toList();
  }

  /** Whether an address or block lies in one of the VPC's own blocks (IPv4 or IPv6). */
  public boolean covers(Cidr block) {
    return ipv4Blocks().stream().anyMatch(c -> c.contains(block))
        || (ipv6CidrBlock != null && ipv6CidrBlock.contains(block));
  }

  public Vpc withName(String newName) {
    return new Vpc(id, newName, cidrBlock, secondaryCidrBlocks, ipv6CidrBlock, isDefault, enableMulticast,
        enableRouteVpcPublish, dnsServers, domainName, tags, createdTime);
  }
}
