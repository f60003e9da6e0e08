package io.openvpc.engine.vpc;

import io.openvpc.model.Cidr;
import java.util.List;

/** The attributes of a VPC router node: the VPC's blocks, IPv4 (primary and assistant) then IPv6. */
public record VpcRouterNode(List<Cidr> blocks) {
  public VpcRouterNode {
    blocks = List.copyOf(blocks);
  }
}
