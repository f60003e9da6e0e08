/**
 * OpenVPC's own analysis actions (TracePacket, CheckInstancePorts, AnalyzeReachability), served on
 * the vpc endpoint and version: thin mapping between the generated {@code api.types.openvpc} shapes and
 * the control plane's {@link io.openvpc.control.analysis.NetworkAnalysis}. Depends on api, control,
 * engine.
 */
package io.openvpc.api.analysis;
