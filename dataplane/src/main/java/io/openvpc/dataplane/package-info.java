/**
 * The data plane agent: follows committed topologies (one per account and region), compiles each with
 * the engine, renders the desired host state and has the reconciler apply it, on one worker thread
 * that coalesces bursts of changes. Depends on model, engine and the render/host/linux packages; the
 * server wires it to the control plane's change events, so nothing here depends on control.
 */
package io.openvpc.dataplane;
