package io.openvpc.engine.graph;

import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.RuleList;
import io.openvpc.model.InstanceState;
import io.openvpc.model.IpAddr;
import java.util.ArrayList;
import java.util.List;

/**
 * An ENI as a node of the forwarding graph: where it is, which addresses it holds (private IPv4, IPv6
 * and the HAVIPs it currently announces), whether it can send and receive (attached to a RUNNING
 * instance), and its security groups compiled into one ingress and one egress first-match list (the
 * bound groups' rules concatenated in binding order, then the implicit DROP). This is what the data
 * plane renders into the ENI's nftables chains.
 */
public record CompiledEni(
    String id,
    String vpcId,
    String subnetId,
    String instanceId,
    InstanceState instanceState,
    boolean primary,
    List<IpAddr> ipv4,
    List<IpAddr> ipv6,
    List<IpAddr> haVips,
    List<String> securityGroupIds,
    RuleList ingress,
    RuleList egress) {

  public CompiledEni {
    ipv4 = List.copyOf(ipv4);
    ipv6 = List.copyOf(ipv6);
    haVips = List.copyOf(haVips);
    securityGroupIds = List.copyOf(securityGroupIds);
  }

  public boolean attached() {
    return !instanceId.isEmpty();
  }

  /** Whether packets flow through it: attached to an instance that is RUNNING. */
  public boolean active() {
    return attached() && instanceState == InstanceState.RUNNING;
  }

  /** Every address it sends from and receives on, private first, then HAVIPs. */
  public List<IpAddr> addresses() {
    List<IpAddr> all = new ArrayList<>(ipv4);
    all.addAll(ipv6);
    all.addAll(haVips);
    return all;
  }

  /** The first address of a family: the primary IPv4, or the first IPv6 address. */
  public java.util.Optional<IpAddr> firstAddress(boolean v6) {
    List<IpAddr> l = v6 ? ipv6 : ipv4;
    return l.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(l.get(0));
  }

  public boolean holds(Addr a) {
    for (IpAddr ip : addresses()) {
      if (Addr.of(ip).equals(a)) {
        return true;
      }
    }
    return false;
  }
}
