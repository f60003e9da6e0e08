package io.openvpc.engine.vpc;

import io.openvpc.model.Cidr;
import io.openvpc.model.IpAddr;

/**
 * The attributes of a subnet node: its blocks ({@code ipv6} may be null), the gateway address its
 * ENIs route through, and the route table and network ACL ({@code ""} for none) it uses.
 */
public record SubnetNode(String vpcId, Cidr ipv4, Cidr ipv6, IpAddr gateway, String routeTableId, String networkAclId) {}
