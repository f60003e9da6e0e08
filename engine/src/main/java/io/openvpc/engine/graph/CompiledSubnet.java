package io.openvpc.engine.graph;

import io.openvpc.engine.policy.RuleList;
import io.openvpc.model.Cidr;

/**
 * A subnet as a router node: its blocks, its route table, and its network ACL compiled into an
 * {@code inbound} list (packets entering the subnet) and an {@code outbound} list (packets leaving it);
 * both allow everything when no ACL is associated. Traffic between two ENIs of one subnet does not
 * leave it and is not filtered by the ACL.
 */
public record CompiledSubnet(
    String id,
    String vpcId,
    Cidr ipv4,
    Cidr ipv6,
    String routeTableId,
    String networkAclId,
    RuleList inbound,
    RuleList outbound) {}
