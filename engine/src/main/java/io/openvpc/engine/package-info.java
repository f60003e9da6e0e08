/**
 * The network semantics engine: compiles a {@link io.openvpc.model.Topology} into a forwarding graph,
 * traces packets through it, and answers reachability questions symbolically. Depends on model only.
 */
package io.openvpc.engine;
