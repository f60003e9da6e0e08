/**
 * The network semantics engine: compiles a {@link io.openvpc.model.Topology} into a product-neutral
 * forwarding graph ({@code graph}) with one compiler per product ({@code compile} is the mechanism,
 * {@code security} and {@code vpc} the products, {@link io.openvpc.engine.Products} the list), decides
 * rules with one match form ({@code policy}), walks the graph with packets ({@code trace}) and answers
 * reachability questions symbolically over the same walk ({@code symbolic}). One
 * {@link io.openvpc.engine.Engine} per server keeps each scope's graph current and tells listeners
 * (the data plane) what each change touched; {@link io.openvpc.engine.Questions} answers the API's
 * questions over it. Depends on model only.
 */
package io.openvpc.engine;
