/**
 * The pure domain of OpenVPC: typed values (CIDRs, addresses, ports, protocols), the immutable
 * resource records of every product, and {@link io.openvpc.model.Topology}, the snapshot of one
 * account's resources in one region. No I/O and no JSON here; depends on the IPAddress library only.
 */
package io.openvpc.model;
