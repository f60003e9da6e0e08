/**
 * Rendering: the pure function from the model (a {@link io.openvpc.model.Topology} per scope and the
 * engine's compiled policies) to the desired {@link io.openvpc.dataplane.host.HostState}: namespaces,
 * veths, addresses, routes, routing rules and nftables rulesets. Decides only how to realise what the
 * engine decided (which rule matches, in what order), never the semantics themselves. Depends on model,
 * engine and the host records; no I/O.
 */
package io.openvpc.dataplane.render;
