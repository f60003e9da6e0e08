/**
 * The compiled forwarding model of one scope, and the per-concept compilers that build it: each ENI
 * becomes a node with its combined ingress and egress security group lists ({@link CompiledEni}); each
 * subnet a router node with its network ACL in both directions and its route table
 * ({@link CompiledSubnet}, {@link EffectiveRoute}, {@link NextHop}); groups and templates become named
 * address sets. {@link CompiledNetwork} is the read API the tracer, the symbolic analysis and the data
 * plane share; {@link ForwardingModel} builds it and applies single changes incrementally. Depends on
 * model and {@code io.openvpc.engine.policy}.
 */
package io.openvpc.engine.graph;
