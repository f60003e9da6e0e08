package io.openvpc.dataplane;

import io.openvpc.model.Cidr;
import io.openvpc.model.HaVip;
import io.openvpc.model.Instance;
import io.openvpc.model.InstanceState;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Ipv6Address;
import io.openvpc.model.NetworkInterface;
import io.openvpc.model.PrivateIp;
import io.openvpc.model.Resource;
import io.openvpc.model.Scope;
import io.openvpc.model.SecurityGroup;
import io.openvpc.model.SecurityGroupPolicy;
import io.openvpc.model.Subnet;
import io.openvpc.model.Topology;
import io.openvpc.model.Vpc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Builds small topologies from model records, as the control plane would hold them. */
public final class Fixtures {
  private final List<Resource> resources = new ArrayList<>();
  private final Scope scope;

  public Fixtures() {
    this(new Scope(1250000000L + ThreadLocalRandom.current().nextInt(1_000_000), "ap-guangzhou"));
  }

  public Fixtures(Scope scope) {
    this.scope = scope;
  }

  /** A random 8-character ID suffix, so that parallel or crashed runs never share names. */
  public static String suffix() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  public Vpc vpc(String cidr, String ipv6) {
    Vpc v = new Vpc("vpc-" + suffix(), "vpc", Cidr.parse(cidr), List.of(), ipv6 == null ? null : Cidr.parse(ipv6),
        false, false, false, List.of(), "", List.of(), Instant.EPOCH);
    resources.add(v);
    return v;
  }

  public Subnet subnet(Vpc vpc, String cidr, String ipv6) {
    Subnet s = new Subnet("subnet-" + suffix(), vpc.id(), "subnet", Cidr.parse(cidr),
        ipv6 == null ? null : Cidr.parse(ipv6), "ap-guangzhou-3", "rtb-" + suffix(), "", false, false, List.of(),
        Instant.EPOCH);
    resources.add(s);
    return s;
  }

  /** A running instance with a primary ENI holding {@code ip} (and {@code ipv6} when not null). */
  public Instance instance(Subnet subnet, String ip, String ipv6) {
    return instance(subnet, ip, ipv6, InstanceState.RUNNING);
  }

  public Instance instance(Subnet subnet, String ip, String ipv6, InstanceState state) {
    Instance i = new Instance("ins-" + suffix(), "i", "ap-guangzhou-3", "S5.SMALL2", "img-1", subnet.vpcId(),
        subnet.id(), state, List.of(), Instant.EPOCH);
    resources.add(i);
    eni(i, subnet, true, ip, ipv6);
    return i;
  }

  public NetworkInterface eni(Instance i, Subnet subnet, boolean primary, String ip, String ipv6) {
    NetworkInterface e = new NetworkInterface("eni-" + suffix(), subnet.vpcId(), subnet.id(), "eni", "", i.id(),
        primary, "20:90:6f:00:00:01", List.of(new PrivateIp(IpAddr.parse(ip), true, "")),
        ipv6 == null ? List.of() : List.of(new Ipv6Address(IpAddr.parse(ipv6), "")), List.of(), "AVAILABLE",
        List.of(), Instant.now());
    resources.add(e);
    return e;
  }

  /** A security group with the given rules. */
  public SecurityGroup securityGroup(List<SecurityGroupPolicy> ingress, List<SecurityGroupPolicy> egress) {
    SecurityGroup g = new SecurityGroup("sg-" + suffix(), "sg", "", "0", false, 1, ingress, egress, List.of(),
        Instant.EPOCH, Instant.EPOCH);
    resources.add(g);
    return g;
  }

  /** A rule: {@code protocol} and {@code port} as Tencent writes them, a CIDR or group peer. */
  public static SecurityGroupPolicy rule(String action, String protocol, String port, String peer) {
    boolean group = peer.startsWith("sg-");
    boolean v6 = !group && peer.contains(":");
    return new SecurityGroupPolicy(protocol, port, "", "", group || v6 ? "" : peer, v6 ? peer : "",
        group ? peer : "", "", "", action, "", Instant.EPOCH);
  }

  /** Binds groups to an ENI, in order. */
  public NetworkInterface bind(NetworkInterface e, String... groupIds) {
    NetworkInterface b = new NetworkInterface(e.id(), e.vpcId(), e.subnetId(), e.name(), e.description(),
        e.instanceId(), e.primary(), e.macAddress(), e.privateIps(), e.ipv6Addresses(), List.of(groupIds), e.state(),
        e.tags(), e.createdTime());
    put(b);
    return b;
  }

  public HaVip havip(Subnet subnet, String vip, NetworkInterface boundTo) {
    HaVip h = new HaVip("havip-" + suffix(), subnet.vpcId(), subnet.id(), "h", IpAddr.parse(vip),
        boundTo == null ? "" : boundTo.id(), boundTo == null ? "" : boundTo.instanceId(), "", false, List.of(),
        List.of(), Instant.EPOCH, Instant.EPOCH);
    resources.add(h);
    return h;
  }

  public NetworkInterface primaryEni(Instance i) {
    return resources.stream().filter(r -> r instanceof NetworkInterface e && e.instanceId().equals(i.id())
        && e.primary()).map(NetworkInterface.class::cast).findFirst().orElseThrow();
  }

  public void put(Resource r) {
    resources.removeIf(x -> x.id().equals(r.id()));
    resources.add(r);
  }

  public void remove(String id) {
    resources.removeIf(x -> x.id().equals(id));
  }

  public Topology topology() {
    return Topology.of(scope, 1, resources);
  }
}
