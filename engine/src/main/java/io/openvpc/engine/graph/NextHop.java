package io.openvpc.engine.graph;

import io.openvpc.model.IpAddr;

/** Where a route sends a packet, resolved against the current model. */
public sealed interface NextHop {
  /** Delivered inside the VPC to whichever ENI holds the destination address. */
  record Local() implements NextHop {}

  /** Sent to an ENI (of a CVM, NORMAL_CVM or HAVIP next hop) that forwards it on. */
  record Interface(String networkInterfaceId, IpAddr address) implements NextHop {}

  /** The next hop cannot carry traffic: a product not modelled yet, or a gateway that is gone. */
  record Unavailable(String reason) implements NextHop {}
}
