package io.openvpc.engine.graph;

import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.AddressSets;
import io.openvpc.model.Cidr;
import io.openvpc.model.Scope;
import io.openvpc.model.Vpc;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The compiled forwarding model of one scope at one revision: the read API of the tracer, the symbolic
 * analysis and the data plane. Everything it returns is immutable; the semantics (rule order, group
 * expansion, defaults, route choice, next-hop resolution) are decided here once, so consumers render or
 * interpret, never re-derive.
 */
public interface CompiledNetwork extends AddressSets {
  Scope scope();

  /** The Topology revision this model reflects. */
  long revision();

  Optional<Vpc> vpc(String id);

  Collection<CompiledEni> interfaces();

  Optional<CompiledEni> eni(String id);

  /** The primary ENI of an instance. */
  Optional<CompiledEni> primaryEni(String instanceId);

  Collection<CompiledSubnet> subnets();

  Optional<CompiledSubnet> subnet(String id);

  /**
   * The routes a subnet uses, in lookup order: the VPC's local routes first (they always win inside
   * the VPC), then the enabled routes of its table by descending prefix length (ties keep creation
   * order), each with its next hop resolved.
   */
  List<EffectiveRoute> routes(String subnetId);

  /** The route a packet to {@code destination} leaving {@code subnetId} takes, if any. */
  Optional<EffectiveRoute> lookup(String subnetId, Addr destination);

  /** The ENI in a VPC that holds an address (a private address or an announced HAVIP). */
  Optional<CompiledEni> owner(String vpcId, Addr address);

  /** The blocks of a named set ({@code sg-}, {@code ipm-}, {@code ipmg-}) as CIDRs, for rendering. */
  default List<Cidr> addressSet(String name) {
    return resolve(name).stream().map(io.openvpc.engine.policy.Prefix::cidr).toList();
  }

  /** Rules that compiled to "matches nothing" and why (a deleted template, an unparsable block). */
  List<String> warnings();
}
