/**
 * The control plane's door to the semantics engine: {@link io.openvpc.control.analysis.NetworkAnalysis}
 * answers trace, port and reachability questions over the ledger's latest snapshot and keeps the
 * engine's compiled models current from committed changes. Depends on control and engine.
 */
package io.openvpc.control.analysis;
