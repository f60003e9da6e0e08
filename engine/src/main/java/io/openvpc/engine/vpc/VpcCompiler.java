package io.openvpc.engine.vpc;

import io.openvpc.engine.compile.Compilation;
import io.openvpc.engine.compile.Input;
import io.openvpc.engine.compile.ResourceCompiler;
import io.openvpc.engine.graph.Forwarding;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeId;
import io.openvpc.engine.graph.NodeKind;
import io.openvpc.engine.graph.NodeState;
import io.openvpc.model.Cidr;
import io.openvpc.model.Vpc;
import java.util.ArrayList;
import java.util.List;

/**
 * A VPC becomes its router node: the root of its subnets' tree and the address domain of everything
 * in it. It has no routes of its own; packets cross it towards a next hop a subnet's routes chose.
 */
public final class VpcCompiler implements ResourceCompiler<Vpc> {
  /** The router node of a VPC. */
  public static NodeId router(String vpcId) {
    return new NodeId(NodeKind.VPC_ROUTER, vpcId);
  }

  /** A VPC's blocks in local-route order: IPv4 (primary, then assistant), then IPv6. */
  static List<Cidr> blocks(Vpc v) {
    List<Cidr> out = new ArrayList<>(v.ipv4Blocks());
    if (v.ipv6CidrBlock() != null) {
      out.add(v.ipv6CidrBlock());
    }
    return out;
  }

  @Override
  public Class<Vpc> kind() {
    return Vpc.class;
  }

  @Override
  public List<Input> inputs() {
    return List.of();
  }

  @Override
  public void compile(Vpc v, Compilation c) {
    List<Cidr> blocks = blocks(v);
    c.node(new Node(router(v.id()), null, v.id(), NodeState.UP, List.of(), blocks, null, Forwarding.TRANSIT, null,
        new VpcRouterNode(blocks)));
  }
}
