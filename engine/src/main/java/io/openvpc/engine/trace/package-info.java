/**
 * The one walk over the graph ({@link Walker}) and the tracer on it: a concrete packet, forward and
 * back, recorded as a {@link Trace} (a disposition plus {@link Hop}s of typed {@link Step}s, each with
 * its {@link StepResult}, the resource and its typed {@link StepDetail}: the rule, route or rewrite that
 * decided). New products add nodes, edges and filters to the graph, never a second tracer. Depends on
 * model, {@code engine.policy} and {@code engine.graph}.
 */
package io.openvpc.engine.trace;
