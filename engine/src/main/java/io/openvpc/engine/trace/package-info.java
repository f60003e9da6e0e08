/**
 * The one tracer: walks a {@link io.openvpc.engine.graph.CompiledNetwork} with a concrete packet and
 * records a {@link Trace} (a {@link Disposition} plus {@link Hop}s of typed {@link Step}s, each naming
 * the resource and rule that decided it), forward and back. New products add nodes and steps to the
 * graph, never a second tracer. Depends on model, {@code engine.policy} and {@code engine.graph}.
 */
package io.openvpc.engine.trace;
