package io.openvpc.engine.vpc;

import io.openvpc.model.InstanceState;
import io.openvpc.model.IpAddr;
import java.time.Instant;
import java.util.List;

/**
 * The attributes of an ENI node: the instance it is attached to ({@code ""} for none) and that
 * instance's state (null when unknown), whether it is the instance's primary ENI, when it was created
 * (an instance's ENIs take their device order from primary, then creation), its private IPv4 addresses
 * (primary first), IPv6 addresses, the HAVIPs it announces, and its security groups in binding order.
 */
public record NetworkInterfaceNode(
    String vpcId, String subnetId, String instanceId, InstanceState instanceState, boolean primary,
    Instant createdTime, List<IpAddr> ipv4, List<IpAddr> ipv6, List<IpAddr> haVips, List<String> securityGroupIds) {

  public NetworkInterfaceNode {
    ipv4 = List.copyOf(ipv4);
    ipv6 = List.copyOf(ipv6);
    haVips = List.copyOf(haVips);
    securityGroupIds = List.copyOf(securityGroupIds);
  }

  public boolean attached() {
    return !instanceId.isEmpty();
  }

  /** Attached to a RUNNING instance: packets flow through it. */
  public boolean active() {
    return attached() && instanceState == InstanceState.RUNNING;
  }
}
