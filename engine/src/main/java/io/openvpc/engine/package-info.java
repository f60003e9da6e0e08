/**
 * The network semantics engine: compiles a {@link io.openvpc.model.Topology} into a forwarding graph
 * ({@code graph}), decides rules with one match form ({@code policy}), traces packets through it
 * ({@code trace}) and answers reachability questions symbolically ({@code symbolic}). {@link
 * io.openvpc.engine.Engine} keeps one compiled model per scope, updated incrementally, and
 * {@link io.openvpc.engine.Questions} answers the API's questions over it. Depends on model only.
 */
package io.openvpc.engine;
