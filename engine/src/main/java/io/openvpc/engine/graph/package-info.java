/**
 * The forwarding graph that no product owns: {@link Node}s of a {@link NodeKind} under a parent (an
 * ENI under its subnet, a subnet under its VPC router), {@link Edge}s carrying the {@link Filter}s met
 * on the way and an optional {@link Translation}, {@link RoutingTable}s whose routes' {@link NextHop}s
 * are nodes, and the vocabulary of verdicts ({@link Disposition}, {@link StepKind}). {@link Graph} is
 * the one read API of the tracer, the symbolic analysis and the data plane's renderers. Depends on
 * model and {@code engine.policy}.
 */
package io.openvpc.engine.graph;
