package io.openvpc.engine.graph;

import io.openvpc.model.IpAddr;

/** Where a route sends a packet, resolved by the compilers against the current model. */
public sealed interface NextHop {
  /** Delivered to whichever node of the address domain {@code domain} holds the destination. */
  record Local(String domain) implements NextHop {}

  /** Sent to {@code node}, which holds {@code address}, to forward it on. */
  record ToNode(NodeId node, IpAddr address) implements NextHop {}

  /** The next hop cannot carry traffic: a product not modelled yet, or a gateway that is gone. */
  record Unavailable(String reason) implements NextHop {}
}
