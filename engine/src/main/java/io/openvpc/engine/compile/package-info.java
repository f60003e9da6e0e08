/**
 * How products plug into the graph: one {@link ResourceCompiler} per resource kind, listed once
 * ({@link Compilers}), each declaring its {@link Input}s; {@link CompiledGraph} runs them, remembers
 * what every compile read and wrote, and on a committed change recompiles exactly what depends on it
 * (OVN's incremental processing, with "handled / recompute" declared per input). Depends on model,
 * {@code engine.graph} and {@code engine.policy}.
 */
package io.openvpc.engine.compile;
