package io.openvpc.engine.trace;

/** What a step of a hop did. */
public enum StepKind {
  /** The packet was sent by an instance from one of its addresses. */
  ORIGINATED,
  /** The instance's state was checked (it must be RUNNING). */
  INSTANCE_STATE,
  /** Egress security groups of an ENI (or a session of an allowed flow, for a reply). */
  SECURITY_GROUP_EGRESS,
  /** The route table chose a route. */
  ROUTE_LOOKUP,
  /** The network ACL of the subnet the packet leaves. */
  NETWORK_ACL_OUTBOUND,
  /** The network ACL of the subnet the packet enters. */
  NETWORK_ACL_INBOUND,
  /** Ingress security groups of an ENI (or a session, for a reply). */
  SECURITY_GROUP_INGRESS,
  /** A next-hop instance forwarded the packet on. */
  FORWARDED,
  /** The destination ENI received the packet. */
  DELIVERED
}
