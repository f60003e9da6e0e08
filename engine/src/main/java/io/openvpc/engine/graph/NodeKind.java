package io.openvpc.engine.graph;

/**
 * What a node of the forwarding graph stands for, with the Tencent resource type that names it in
 * traces ({@code NetworkInterface eni-...}). The tracer, the symbolic analysis and the reconciler
 * never branch on a kind; compilers choose it and renderers are found by it.
 */
public enum NodeKind {
  /** An ENI: an endpoint that holds addresses and forwards only as a route's next hop. */
  NETWORK_INTERFACE("NetworkInterface"),
  /** A subnet: the router port of its ENIs, with its route table and network ACL. */
  SUBNET("Subnet"),
  /** A VPC's router: joins its subnets. */
  VPC_ROUTER("Vpc");

  private final String resourceType;

  NodeKind(String resourceType) {
    this.resourceType = resourceType;
  }

  /** The Tencent resource type a node of this kind is named after. */
  public String resourceType() {
    return resourceType;
  }
}
