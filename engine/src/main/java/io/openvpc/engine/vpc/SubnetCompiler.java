package io.openvpc.engine.vpc;

import io.openvpc.engine.compile.Compilation;
import io.openvpc.engine.compile.Input;
import io.openvpc.engine.compile.ResourceCompiler;
import io.openvpc.engine.graph.Disposition;
import io.openvpc.engine.graph.Edge;
import io.openvpc.engine.graph.EffectiveRoute;
import io.openvpc.engine.graph.Filter;
import io.openvpc.engine.graph.Forwarding;
import io.openvpc.engine.graph.NextHop;
import io.openvpc.engine.graph.Node;
import io.openvpc.engine.graph.NodeId;
import io.openvpc.engine.graph.NodeKind;
import io.openvpc.engine.graph.NodeState;
import io.openvpc.engine.graph.ResourceRef;
import io.openvpc.engine.graph.RoutingTable;
import io.openvpc.engine.graph.StepKind;
import io.openvpc.engine.policy.Action;
import io.openvpc.engine.security.NetworkAclCompiler;
import io.openvpc.engine.policy.RuleRef;
import io.openvpc.model.Cidr;
import io.openvpc.model.Direction;
import io.openvpc.model.GatewayType;
import io.openvpc.model.NetworkAcl;
import io.openvpc.model.Subnet;
import io.openvpc.model.Vpc;
import java.util.ArrayList;
import java.util.List;

/**
 * A subnet becomes the node its ENIs hang under, below its VPC's router: it routes what its ENIs send
 * (the VPC's local routes first, which always win inside the VPC, then its route table's), and its
 * network ACL filters what leaves it towards the router (outbound) and what enters it from the router
 * (inbound), so traffic between two ENIs of one subnet never meets the ACL.
 */
public final class SubnetCompiler implements ResourceCompiler<Subnet> {
  public static NodeId node(String subnetId) {
    return new NodeId(NodeKind.SUBNET, subnetId);
  }

  @Override
  public Class<Subnet> kind() {
    return Subnet.class;
  }

  @Override
  public List<Input> inputs() {
    return List.of(Input.resource(Vpc.class), Input.resource(NetworkAcl.class),
        Input.artifact(RouteTableCompiler.ROUTES));
  }

  @Override
  public void compile(Subnet s, Compilation c) {
    NodeId id = node(s.id());
    NodeId router = VpcCompiler.router(s.vpcId());
    List<EffectiveRoute> local = new ArrayList<>();
    c.resource(Vpc.class, s.vpcId()).ifPresent(v -> {
      for (Cidr block : VpcCompiler.blocks(v)) {
        local.add(new EffectiveRoute(block, GatewayType.LOCAL, s.vpcId(), s.routeTableId(), "", 0,
            new NextHop.Local(s.vpcId())));
      }
    });
    List<EffectiveRoute> table = c.artifact(RouteTableCompiler.ROUTES, s.routeTableId()).orElse(List.of());
    List<Cidr> space = new ArrayList<>();
    space.add(s.cidrBlock());
    if (s.ipv6CidrBlock() != null) {
      space.add(s.ipv6CidrBlock());
    }
    c.node(new Node(id, router, s.vpcId(), NodeState.UP, List.of(), space, new RoutingTable(new ResourceRef("RouteTable", s.routeTableId()), List.of(local, table)),
        Forwarding.TRANSIT, null, new SubnetNode(s.vpcId(), s.cidrBlock(), s.ipv6CidrBlock(), s.gateway(),
            s.routeTableId(), s.networkAclId())));
    boolean acl = !s.networkAclId().isEmpty() && c.resource(NetworkAcl.class, s.networkAclId()).isPresent();
    c.edge(new Edge(id, router, List.of(acl(s, acl, Direction.EGRESS)), List.of()));
    c.edge(new Edge(router, id, List.of(), List.of(acl(s, acl, Direction.INGRESS))));
  }

  /** The subnet's ACL in one direction: the ACL's entries then DROP ALL, or everything passes. */
  private static Filter acl(Subnet s, boolean present, Direction d) {
    boolean in = d == Direction.INGRESS;
    StepKind step = in ? StepKind.NETWORK_ACL_INBOUND : StepKind.NETWORK_ACL_OUTBOUND;
    Disposition denied = in ? Disposition.DENIED_NETWORK_ACL_INBOUND : Disposition.DENIED_NETWORK_ACL_OUTBOUND;
    if (!present) {
      return new Filter(step, denied, RuleRef.NETWORK_ACL, List.of(), Action.ACCEPT, NetworkAclCompiler.noAcl(s.id(), d),
          null);
    }
    return new Filter(step, denied, RuleRef.NETWORK_ACL, List.of(NetworkAclCompiler.segment(s.networkAclId(), d)),
        Action.DROP, NetworkAclCompiler.defaultRule(s.networkAclId(), d), null);
  }
}
