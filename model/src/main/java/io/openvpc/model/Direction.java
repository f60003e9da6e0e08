package io.openvpc.model;

/** Traffic direction relative to an ENI (security groups) or a subnet (network ACLs). */
public enum Direction {
  INGRESS,
  EGRESS
}
