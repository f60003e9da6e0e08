/**
 * Benchmarks of the semantics engine on synthetic regions ({@link SyntheticRegion}): compile, trace,
 * reachability, incremental update (JMH, {@link EngineBenchmark}) and retained heap
 * ({@link EngineHeap}). Results and commands are in docs/benchmarks.md. Depends on engine and model.
 */
package io.openvpc.bench.engine;
