package io.openvpc.engine.graph;

/** How a trace ends. Only {@link #ACCEPTED} delivers the packet. */
public enum Disposition {
  /** Delivered to the destination ENI, which accepted it. */
  ACCEPTED,
  /** The source ENI's security groups refused it on the way out. */
  DENIED_SECURITY_GROUP_EGRESS,
  /** The network ACL of the subnet it leaves refused it. */
  DENIED_NETWORK_ACL_OUTBOUND,
  /** No route of the subnet's route table covers the destination. */
  NO_ROUTE,
  /** The chosen route's next hop cannot carry traffic (unmodelled product, unbound HAVIP, gone CVM). */
  NEXT_HOP_UNAVAILABLE,
  /** The network ACL of the subnet it enters refused it. */
  DENIED_NETWORK_ACL_INBOUND,
  /** The destination (or forwarding) ENI's security groups refused it on the way in. */
  DENIED_SECURITY_GROUP_INGRESS,
  /** The destination lies in the VPC but no ENI holds that address. */
  DESTINATION_NOT_FOUND,
  /** The source, destination or a forwarding instance is not RUNNING. */
  INSTANCE_NOT_RUNNING,
  /** The sending, receiving or forwarding ENI is attached to no instance (OpenVPC addition). */
  NETWORK_INTERFACE_NOT_ATTACHED,
  /** The packet came back to an ENI it already passed. */
  LOOP;

  public boolean delivered() {
    return this == ACCEPTED;
  }
}
