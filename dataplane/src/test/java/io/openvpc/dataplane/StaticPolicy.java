package io.openvpc.dataplane;

import io.openvpc.dataplane.render.CompiledPolicy;
import io.openvpc.dataplane.render.Filter;
import io.openvpc.dataplane.render.RouterRuleset;
import io.openvpc.model.Cidr;
import io.openvpc.model.HaVip;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled policy given by hand, for rendering and kernel tests that must not depend on the
 * engine's semantics: filters per ENI (default: accept all), ACLs per subnet, and local routes for the
 * VPC's blocks.
 */
public final class StaticPolicy implements CompiledPolicy {
  private final Topology topology;
  private final Map<String, Filter> ingress = new HashMap<>();
  private final Map<String, Filter> egress = new HashMap<>();
  private final Map<String, RouterRuleset.Acl> acls = new HashMap<>();
  private final Map<String, List<SubnetRoute>> extraRoutes = new HashMap<>();

  public StaticPolicy(Topology topology) {
    this.topology = topology;
  }

  public StaticPolicy ingress(String eni, Filter f) {
    ingress.put(eni, f);
    return this;
  }

  public StaticPolicy egress(String eni, Filter f) {
    egress.put(eni, f);
    return this;
  }

  public StaticPolicy acl(String subnet, RouterRuleset.Acl acl) {
    acls.put(subnet, acl);
    return this;
  }

  public StaticPolicy route(String subnet, SubnetRoute r) {
    extraRoutes.computeIfAbsent(subnet, k -> new ArrayList<>()).add(r);
    return this;
  }

  @Override
  public Filter ingress(String id) {
    return ingress.getOrDefault(id, Filter.acceptAll());
  }

  @Override
  public Filter egress(String id) {
    return egress.getOrDefault(id, Filter.acceptAll());
  }

  @Override
  public List<IpAddr> haVips(String eniId) {
    return topology.where(HaVip.class, h -> h.networkInterfaceId().equals(eniId)).stream().map(HaVip::vip).toList();
  }

  @Override
  public Optional<RouterRuleset.Acl> acl(String subnetId) {
    return Optional.ofNullable(acls.get(subnetId));
  }

  @Override
  public boolean aclWithinSubnet() {
    return false;
  }

  @Override
  public List<SubnetRoute> routes(String subnetId) {
    Subnet s = topology.find(Subnet.class, subnetId).orElseThrow();
    Vpc v = topology.find(Vpc.class, s.vpcId()).orElseThrow();
    List<SubnetRoute> out = new ArrayList<>();
    for (Cidr c : v.ipv4Blocks()) {
      out.add(new SubnetRoute(c, SubnetRoute.Kind.LOCAL, null, ""));
    }
    if (v.ipv6CidrBlock() != null) {
      out.add(new SubnetRoute(v.ipv6CidrBlock(), SubnetRoute.Kind.LOCAL, null, ""));
    }
    out.addAll(extraRoutes.getOrDefault(subnetId, List.of()));
    return out;
  }
}
