/**
 * Subnets of a VPC: CIDR and zone rules, route table association, available addresses, IPv6 /64s.
 * Depends on model, the control core, {@code control.address} and {@code control.vpc}.
 */
package io.openvpc.control.subnet;
