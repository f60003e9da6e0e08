package io.openvpc.dataplane.render;

import io.openvpc.model.Cidr;
import io.openvpc.model.IpAddr;
import java.util.List;
import java.util.Optional;

/**
 * What the semantics engine decided for one scope, in the form the renderer consumes: per ENI the
 * combined, ordered security-group filters; per subnet the network ACL and the effective routes. The
 * data plane realises these decisions and never makes its own.
 */
public interface CompiledPolicy {
  /** The ENI's security groups for packets it receives (ordered, first match, default drop). */
  Filter ingress(String networkInterfaceId);

  /** The ENI's security groups for packets it sends. */
  Filter egress(String networkInterfaceId);

  /** The HAVIPs the ENI currently announces: it answers on them as on its own addresses. */
  List<IpAddr> haVips(String networkInterfaceId);

  /** The subnet's network ACL, or empty when the subnet has none (everything passes). */
  Optional<RouterRuleset.Acl> acl(String subnetId);

  /** Whether traffic between two ENIs of one subnet passes that subnet's ACL. */
  boolean aclWithinSubnet();

  /** The subnet's effective routes: the VPC's local routes and the enabled routes of its route table. */
  List<SubnetRoute> routes(String subnetId);

  /**
   * One effective route. {@code LOCAL} delivers inside the VPC; {@code NEXT_HOP} forwards to
   * {@code nextHop}, an address held by the ENI {@code networkInterfaceId}; {@code UNAVAILABLE} drops
   * (a next hop whose product the data plane does not realise, or that no ENI holds).
   */
  record SubnetRoute(Cidr destination, Kind kind, IpAddr nextHop, String networkInterfaceId) {
    public enum Kind {
      LOCAL,
      NEXT_HOP,
      UNAVAILABLE
    }
  }
}
