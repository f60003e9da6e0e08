package io.openvpc.engine.trace;

import io.openvpc.model.IpAddr;

/** One end of a trace as the caller names it, parsed by the API layer. */
public sealed interface Endpoint {
  /** An instance: its primary ENI and that ENI's first address of the flow's family. */
  record Instance(String instanceId) implements Endpoint {}

  /** An ENI: its first address of the flow's family. */
  record NetworkInterface(String networkInterfaceId) implements Endpoint {}

  /** An address in a VPC, held by an ENI or (for a destination) by nothing. */
  record Address(String vpcId, IpAddr ipAddress) implements Endpoint {}
}
