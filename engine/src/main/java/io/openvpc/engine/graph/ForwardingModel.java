package io.openvpc.engine.graph;

import io.openvpc.engine.policy.Action;
import io.openvpc.engine.policy.AddressTemplates;
import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.NetworkAclCompiler;
import io.openvpc.engine.policy.PolicyRule;
import io.openvpc.engine.policy.Prefix;
import io.openvpc.engine.policy.RuleList;
import io.openvpc.engine.policy.RuleRef;
import io.openvpc.engine.policy.SecurityGroupCompiler;
import io.openvpc.engine.policy.ServiceTemplates;
import io.openvpc.model.AddressTemplate;
import io.openvpc.model.AddressTemplateGroup;
import io.openvpc.model.Direction;
import io.openvpc.model.HaVip;
import io.openvpc.model.Instance;
import io.openvpc.model.Ipv6Address;
import io.openvpc.model.IpAddr;
import io.openvpc.model.NetworkAcl;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Resource;
import io.openvpc.model.Route;
import io.openvpc.model.RouteTable;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.ServiceTemplate;
import io.openvpc.model.ServiceTemplateGroup;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the {@link CompiledNetwork} of a scope and keeps it current one resource at a time. A full
 * compile is "put every resource"; a committed change is its puts and deletes. Each put recompiles
 * only what depends on the resource, found through reverse indexes (group to bound ENIs, ACL to
 * subnets, instance to ENIs), so one rule change costs one group plus the lists of its ENIs. Route next
 * hops and named address sets are resolved when asked, so ENI moves never recompile routes or rules.
 *
 * <p>Not thread-safe for writers: the engine serialises {@link #put}/{@link #delete} against readers.
 * Read results are immutable records.
 */
public final class ForwardingModel implements CompiledNetwork {
  private final Scope scope;
  private long revision;
  private final Map<String, Vpc> vpcs = new ConcurrentHashMap<>();
  private final Map<String, Subnet> rawSubnets = new ConcurrentHashMap<>();
  private final Map<String, CompiledSubnet> subnets = new ConcurrentHashMap<>();
  private final Map<String, NetworkAcl> acls = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> aclSubnets = new ConcurrentHashMap<>();
  private final Map<String, RouteTable> routeTables = new ConcurrentHashMap<>();
  private final RouteTables routing = new RouteTables();
  private final Map<String, SecurityGroup> groups = new ConcurrentHashMap<>();
  private final Map<String, List<PolicyRule>[]> groupRules = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> groupEnis = new ConcurrentHashMap<>();
  private final Map<String, NetworkInterface> rawEnis = new ConcurrentHashMap<>();
  private final Map<String, CompiledEni> enis = new ConcurrentHashMap<>();
  private final Map<String, Instance> instances = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> instanceEnis = new ConcurrentHashMap<>();
  private final Map<String, HaVip> haVips = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> eniHaVips = new ConcurrentHashMap<>();
  private final Map<String, Map<Addr, String>> owners = new ConcurrentHashMap<>();
  private final Map<String, Resource> templates = new ConcurrentHashMap<>();
  private final Map<String, List<Prefix>> setCache = new ConcurrentHashMap<>();
  private final ServiceTemplates serviceTemplates = id -> ServiceTemplates.expand(id, templates::get);

  public ForwardingModel(Scope scope) {
    this.scope = scope;
  }

  /** Compiles a whole snapshot. */
  public static ForwardingModel compile(Topology t) {
    ForwardingModel m = new ForwardingModel(t.scope());
    for (Class<? extends Resource> type : List.of(AddressTemplate.class, AddressTemplateGroup.class,
        ServiceTemplate.class, ServiceTemplateGroup.class, Vpc.class, RouteTable.class, NetworkAcl.class,
        Subnet.class, SecurityGroup.class, Instance.class, NetworkInterface.class, HaVip.class)) {
      for (Resource r : t.all(type)) {
        m.put(r);
      }
    }
    m.revision = t.revision();
    return m;
  }

  public void revision(long revision) {
    this.revision = revision;
  }

  // ---- writes --------------------------------------------------------------------------------------

  /** Adds or replaces one resource and recompiles what depends on it. */
  public void put(Resource r) {
    if (r instanceof SecurityGroup sg) {
      putGroup(sg);
    } else if (r instanceof NetworkInterface eni) {
      removeEni(eni.id());
      putEni(eni);
    } else if (r instanceof Instance i) {
      instances.put(i.id(), i);
      recompileEnis(instanceEnis.getOrDefault(i.id(), Set.of()));
    } else if (r instanceof Subnet s) {
      removeSubnet(s.id());
      rawSubnets.put(s.id(), s);
      if (!s.networkAclId().isEmpty()) {
        aclSubnets.computeIfAbsent(s.networkAclId(), k -> ConcurrentHashMap.newKeySet()).add(s.id());
      }
      compileSubnet(s);
    } else if (r instanceof NetworkAcl acl) {
      acls.put(acl.id(), acl);
      for (String s : aclSubnets.getOrDefault(acl.id(), Set.of())) {
        compileSubnet(rawSubnets.get(s));
      }
    } else if (r instanceof RouteTable rt) {
      routeTables.put(rt.id(), rt);
      routing.putTable(rt);
    } else if (r instanceof Vpc v) {
      vpcs.put(v.id(), v);
      routing.putVpc(v);
    } else if (r instanceof HaVip h) {
      removeHaVip(h.id());
      putHaVip(h);
    } else if (r instanceof AddressTemplate || r instanceof AddressTemplateGroup) {
      templates.put(r.id(), r);
      setCache.keySet().removeIf(k -> k.startsWith("ipm"));
    } else if (r instanceof ServiceTemplate || r instanceof ServiceTemplateGroup) {
      templates.put(r.id(), r);
      recompileGroupsUsingServiceTemplates();
    }
  }

  /** Removes one resource and recompiles what depended on it. */
  public void delete(Class<? extends Resource> type, String id) {
    if (type == SecurityGroup.class) {
      groups.remove(id);
      groupRules.remove(id);
      refreshRules(groupEnis.getOrDefault(id, Set.of()));
    } else if (type == NetworkInterface.class) {
      removeEni(id);
    } else if (type == Instance.class) {
      instances.remove(id);
      recompileEnis(instanceEnis.getOrDefault(id, Set.of()));
    } else if (type == Subnet.class) {
      removeSubnet(id);
    } else if (type == NetworkAcl.class) {
      acls.remove(id);
      for (String s : aclSubnets.getOrDefault(id, Set.of())) {
        compileSubnet(rawSubnets.get(s));
      }
    } else if (type == RouteTable.class) {
      routeTables.remove(id);
      routing.removeTable(id);
    } else if (type == Vpc.class) {
      vpcs.remove(id);
      routing.removeVpc(id);
    } else if (type == HaVip.class) {
      removeHaVip(id);
    } else if (type == AddressTemplate.class || type == AddressTemplateGroup.class) {
      templates.remove(id);
      setCache.keySet().removeIf(k -> k.startsWith("ipm"));
    } else if (type == ServiceTemplate.class || type == ServiceTemplateGroup.class) {
      templates.remove(id);
      recompileGroupsUsingServiceTemplates();
    }
  }

  private void putGroup(SecurityGroup sg) {
    putGroup(sg, groups.get(sg.id()));
  }

  @SuppressWarnings("unchecked")
  private void putGroup(SecurityGroup sg, SecurityGroup previous) {
    List<PolicyRule>[] old = previous == null ? null : groupRules.get(sg.id());
    groups.put(sg.id(), sg);
    groupRules.put(sg.id(), new List[] {
        SecurityGroupCompiler.compile(sg, Direction.INGRESS, serviceTemplates, old == null ? null : previous,
            old == null ? List.of() : old[0]),
        SecurityGroupCompiler.compile(sg, Direction.EGRESS, serviceTemplates, old == null ? null : previous,
            old == null ? List.of() : old[1])});
    refreshRules(groupEnis.getOrDefault(sg.id(), Set.of()));
  }

  private void recompileGroupsUsingServiceTemplates() {
    for (SecurityGroup sg : List.copyOf(groups.values())) {
      boolean uses = java.util.stream.Stream.concat(sg.ingress().stream(), sg.egress().stream())
          .anyMatch(p -> !p.serviceTemplateId().isEmpty() || !p.serviceTemplateGroupId().isEmpty());
      if (uses) {
        putGroup(sg, null); // the templates changed: nothing compiled before can be reused
      }
    }
  }

  private void putEni(NetworkInterface eni) {
    rawEnis.put(eni.id(), eni);
    for (String sg : eni.securityGroupIds()) {
      groupEnis.computeIfAbsent(sg, k -> ConcurrentHashMap.newKeySet()).add(eni.id());
      setCache.remove(sg);
    }
    if (eni.attached()) {
      instanceEnis.computeIfAbsent(eni.instanceId(), k -> ConcurrentHashMap.newKeySet()).add(eni.id());
    }
    Map<Addr, String> vpcOwners = owners.computeIfAbsent(eni.vpcId(), k -> new ConcurrentHashMap<>());
    for (PrivateIp ip : eni.privateIps()) {
      vpcOwners.put(Addr.of(ip.address()), eni.id());
    }
    for (Ipv6Address ip : eni.ipv6Addresses()) {
      vpcOwners.put(Addr.of(ip.address()), eni.id());
    }
    compileEni(eni.id());
  }

  private void removeEni(String id) {
    NetworkInterface old = rawEnis.remove(id);
    enis.remove(id);
    if (old == null) {
      return;
    }
    for (String sg : old.securityGroupIds()) {
      Set<String> s = groupEnis.get(sg);
      if (s != null) {
        s.remove(id);
      }
      setCache.remove(sg);
    }
    if (old.attached()) {
      Set<String> s = instanceEnis.get(old.instanceId());
      if (s != null) {
        s.remove(id);
      }
    }
    Map<Addr, String> vpcOwners = owners.getOrDefault(old.vpcId(), Map.of());
    for (PrivateIp ip : old.privateIps()) {
      vpcOwners.remove(Addr.of(ip.address()), id);
    }
    for (Ipv6Address ip : old.ipv6Addresses()) {
      vpcOwners.remove(Addr.of(ip.address()), id);
    }
  }

  private void putHaVip(HaVip h) {
    haVips.put(h.id(), h);
    if (h.bound()) {
      eniHaVips.computeIfAbsent(h.networkInterfaceId(), k -> ConcurrentHashMap.newKeySet()).add(h.id());
      owners.computeIfAbsent(h.vpcId(), k -> new ConcurrentHashMap<>()).put(Addr.of(h.vip()), h.networkInterfaceId());
      compileEni(h.networkInterfaceId());
    }
  }

  private void removeHaVip(String id) {
    HaVip old = haVips.remove(id);
    if (old != null && old.bound()) {
      Set<String> s = eniHaVips.get(old.networkInterfaceId());
      if (s != null) {
        s.remove(id);
      }
      owners.getOrDefault(old.vpcId(), Map.of()).remove(Addr.of(old.vip()), old.networkInterfaceId());
      compileEni(old.networkInterfaceId());
    }
  }

  private void removeSubnet(String id) {
    Subnet old = rawSubnets.remove(id);
    subnets.remove(id);
    if (old != null && !old.networkAclId().isEmpty()) {
      Set<String> s = aclSubnets.get(old.networkAclId());
      if (s != null) {
        s.remove(id);
      }
    }
  }

  /** A group's rules changed: rebuild only the rule lists of the ENIs bound to it. */
  private void refreshRules(Collection<String> ids) {
    for (String id : List.copyOf(ids)) {
      CompiledEni old = enis.get(id);
      NetworkInterface eni = rawEnis.get(id);
      if (old == null || eni == null) {
        compileEni(id);
        continue;
      }
      enis.put(id, new CompiledEni(old.id(), old.vpcId(), old.subnetId(), old.instanceId(), old.instanceState(),
          old.primary(), old.ipv4(), old.ipv6(), old.haVips(), old.securityGroupIds(),
          groupList(eni, Direction.INGRESS), groupList(eni, Direction.EGRESS)));
    }
  }

  private void recompileEnis(Collection<String> ids) {
    for (String id : List.copyOf(ids)) {
      compileEni(id);
    }
  }

  private void compileEni(String id) {
    NetworkInterface eni = rawEnis.get(id);
    if (eni == null) {
      return;
    }
    Instance instance = eni.attached() ? instances.get(eni.instanceId()) : null;
    List<IpAddr> v4 = new ArrayList<>();
    eni.privateIps().stream().sorted(Comparator.comparing(p -> !p.primary())).forEach(p -> v4.add(p.address()));
    List<IpAddr> v6 = eni.ipv6Addresses().stream().map(Ipv6Address::address).toList();
    List<IpAddr> vips = eniHaVips.getOrDefault(id, Set.of()).stream().map(haVips::get)
        .filter(java.util.Objects::nonNull).map(HaVip::vip).sorted().toList();
    enis.put(id, new CompiledEni(id, eni.vpcId(), eni.subnetId(), eni.instanceId(),
        instance == null ? null : instance.state(), eni.primary(), v4, v6, vips, eni.securityGroupIds(),
        groupList(eni, Direction.INGRESS), groupList(eni, Direction.EGRESS)));
  }

  private RuleList groupList(NetworkInterface eni, Direction d) {
    List<String> ids = eni.securityGroupIds();
    if (ids.isEmpty()) {
      return new RuleList(List.of(), Action.ACCEPT, new RuleRef("NetworkInterface", eni.id(), d, -1,
          "no security group is bound: all traffic passes"));
    }
    if (ids.size() == 1 && groupRules.containsKey(ids.get(0))) {
      // the common case: share the group's immutable list instead of copying it per ENI
      return new RuleList(groupRules.get(ids.get(0))[d == Direction.INGRESS ? 0 : 1], Action.DROP,
          new RuleRef(RuleRef.SECURITY_GROUP, ids.get(0), d, -1, "no rule of " + ids.get(0) + " matched: DROP (implicit)"));
    }
    List<PolicyRule> rules = new ArrayList<>();
    for (String sg : ids) {
      List<PolicyRule>[] compiled = groupRules.get(sg);
      if (compiled != null) {
        rules.addAll(compiled[d == Direction.INGRESS ? 0 : 1]);
      }
    }
    return new RuleList(rules, Action.DROP, new RuleRef(RuleRef.SECURITY_GROUP, String.join(",", ids), d, -1,
        "no rule of " + String.join(", ", ids) + " matched: DROP (implicit)"));
  }

  private void compileSubnet(Subnet s) {
    if (s == null) {
      return;
    }
    NetworkAcl acl = s.networkAclId().isEmpty() ? null : acls.get(s.networkAclId());
    RuleList in = acl == null ? NetworkAclCompiler.allowAll(s.id(), Direction.INGRESS)
        : NetworkAclCompiler.compile(acl, Direction.INGRESS);
    RuleList out = acl == null ? NetworkAclCompiler.allowAll(s.id(), Direction.EGRESS)
        : NetworkAclCompiler.compile(acl, Direction.EGRESS);
    subnets.put(s.id(), new CompiledSubnet(s.id(), s.vpcId(), s.cidrBlock(), s.ipv6CidrBlock(), s.routeTableId(),
        s.networkAclId(), in, out));
  }

  // ---- reads ---------------------------------------------------------------------------------------

  @Override
  public Scope scope() {
    return scope;
  }

  @Override
  public long revision() {
    return revision;
  }

  @Override
  public Optional<Vpc> vpc(String id) {
    return Optional.ofNullable(id == null ? null : vpcs.get(id));
  }

  @Override
  public Collection<CompiledEni> interfaces() {
    return java.util.Collections.unmodifiableCollection(enis.values());
  }

  @Override
  public Optional<CompiledEni> eni(String id) {
    return Optional.ofNullable(id == null ? null : enis.get(id));
  }

  @Override
  public Optional<CompiledEni> primaryEni(String instanceId) {
    for (String id : instanceEnis.getOrDefault(instanceId, Set.of())) {
      CompiledEni e = enis.get(id);
      if (e != null && e.primary()) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public Optional<Instance> instance(String id) {
    return Optional.ofNullable(id == null ? null : instances.get(id));
  }

  @Override
  public Collection<CompiledSubnet> subnets() {
    return java.util.Collections.unmodifiableCollection(subnets.values());
  }

  @Override
  public Optional<CompiledSubnet> subnet(String id) {
    return Optional.ofNullable(id == null ? null : subnets.get(id));
  }

  @Override
  public List<EffectiveRoute> routes(String subnetId) {
    CompiledSubnet s = subnets.get(subnetId);
    return s == null ? List.of() : routing.routes(s, this::resolve);
  }

  @Override
  public Optional<EffectiveRoute> lookup(String subnetId, Addr destination) {
    CompiledSubnet s = subnets.get(subnetId);
    return s == null ? Optional.empty() : routing.lookup(s, destination, this::resolve);
  }

  private NextHop resolve(String vpcId, Route r) {
    switch (r.gatewayType()) {
      case LOCAL:
        return new NextHop.Local();
      case CVM: {
        Optional<CompiledEni> eni = primaryEni(r.gatewayId());
        if (eni.isEmpty() || eni.get().ipv4().isEmpty()) {
          return new NextHop.Unavailable("instance " + r.gatewayId() + " has no network interface in the VPC");
        }
        return new NextHop.Interface(eni.get().id(), eni.get().ipv4().get(0));
      }
      case NORMAL_CVM: {
        try {
          IpAddr ip = IpAddr.parse(r.gatewayId());
          Optional<CompiledEni> eni = owner(vpcId, Addr.of(ip));
          return eni.<NextHop>map(e -> new NextHop.Interface(e.id(), ip))
              .orElseGet(() -> new NextHop.Unavailable("no network interface holds " + ip));
        } catch (IllegalArgumentException e) {
          return new NextHop.Unavailable("`" + r.gatewayId() + "` is not an address");
        }
      }
      case HAVIP: {
        HaVip h = haVips.get(r.gatewayId());
        if (h == null) {
          return new NextHop.Unavailable("HAVIP " + r.gatewayId() + " does not exist");
        }
        if (!h.bound() || !enis.containsKey(h.networkInterfaceId())) {
          return new NextHop.Unavailable("HAVIP " + h.id() + " (" + h.vip() + ") is not announced by any network interface");
        }
        return new NextHop.Interface(h.networkInterfaceId(), h.vip());
      }
      default:
        return new NextHop.Unavailable("next hop type " + r.gatewayType() + " (" + r.gatewayId()
            + ") is not modelled by OpenVPC yet");
    }
  }

  @Override
  public Optional<CompiledEni> owner(String vpcId, Addr address) {
    String id = owners.getOrDefault(vpcId, Map.of()).get(address);
    return Optional.ofNullable(id == null ? null : enis.get(id));
  }

  @Override
  public List<Prefix> resolve(String name) {
    List<Prefix> cached = setCache.get(name);
    if (cached != null) {
      return cached;
    }
    List<Prefix> computed = computeSet(name);
    setCache.put(name, computed);
    return computed;
  }

  private List<Prefix> computeSet(String name) {
    List<Prefix> out = new ArrayList<>();
    if (name.startsWith("sg-")) {
      for (String eniId : groupEnis.getOrDefault(name, Set.of())) {
        NetworkInterface eni = rawEnis.get(eniId);
        if (eni != null) {
          eni.privateIps().forEach(p -> out.add(Prefix.of(Addr.of(p.address()))));
          eni.ipv6Addresses().forEach(p -> out.add(Prefix.of(Addr.of(p.address()))));
        }
      }
      out.sort(null);
    } else {
      AddressTemplates.expand(name, templates::get).ifPresent(blocks -> blocks.forEach(b -> out.add(Prefix.of(b))));
    }
    return List.copyOf(out);
  }

  @Override
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (List<PolicyRule>[] lists : groupRules.values()) {
      for (List<PolicyRule> l : lists) {
        for (PolicyRule r : l) {
          if (!r.warning().isEmpty()) {
            out.add(r.ref() + ": " + r.warning());
          }
        }
      }
    }
    for (CompiledSubnet s : subnets.values()) {
      for (RuleList l : List.of(s.inbound(), s.outbound())) {
        for (PolicyRule r : l.rules()) {
          if (!r.warning().isEmpty()) {
            out.add(r.ref() + ": " + r.warning());
          }
        }
      }
    }
    return out;
  }
}
