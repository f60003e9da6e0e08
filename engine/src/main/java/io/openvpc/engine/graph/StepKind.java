package io.openvpc.engine.graph;

/** What a step of a hop checked or did; filters and node states name the kind their steps take. */
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
  /** An edge rewrote the packet (1:1 NAT, SNAT, DNAT, a load balancer's choice of target), or undid that for a reply. */
  TRANSLATED,
  /** The destination received the packet. */
  DELIVERED
}
