package io.openvpc.dataplane.host;

import java.util.List;

/**
 * One network namespace as the data plane wants it. A VPC router creates the veth pairs of its ENIs
 * (so its {@link Link}s name their peers); an instance namespace lists the peer ends it expects.
 * {@code sysctls} ({@code key=value}) are set when the namespace is created and whenever they are found
 * otherwise; {@code nftables} is the namespace's {@code inet ovpc} table ({@link NftTable#EMPTY} for
 * none); {@code resolvConf} is written to {@code /etc/netns/<name>/resolv.conf} so that processes never
 * see the host's resolver.
 */
public record Netns(
    String name,
    Role role,
    List<String> sysctls,
    List<Link> links,
    List<Address> addresses,
    List<Route> routes,
    List<RoutingRule> rules,
    NftTable nftables,
    String resolvConf) {

  /** What a namespace stands for. */
  public enum Role {
    /** The router of one VPC: its subnets' gateways, route tables and filters. */
    ROUTER,
    /** One running instance. */
    INSTANCE
  }

  public Netns {
    sysctls = List.copyOf(sysctls);
    links = List.copyOf(links);
    addresses = List.copyOf(addresses);
    routes = List.copyOf(routes);
    rules = List.copyOf(rules);
    nftables = nftables == null ? NftTable.EMPTY : nftables;
    resolvConf = resolvConf == null ? "" : resolvConf;
  }

  /** A namespace of this name and role holding nothing (what a namespace just created holds). */
  public static Netns empty(String name, Role role) {
    return new Netns(name, role, List.of(), List.of(), List.of(), List.of(), List.of(), NftTable.EMPTY, "");
  }

  /**
   * A digest of everything this value says (20 hex digits). The driver records it with a namespace once
   * the namespace holds exactly this, so that an agent restarted with the same desired state can trust
   * the namespace without reading it back.
   */
  public String digest() {
    StringBuilder sb = new StringBuilder(name).append('\n').append(role).append('\n');
    sysctls.forEach(s -> sb.append("sysctl ").append(s).append('\n'));
    links.forEach(l -> sb.append("link ").append(l.name()).append(' ').append(l.alias()).append(' ')
        .append(l.peerNamespace()).append(' ').append(l.peerName()).append(' ').append(l.up()).append('\n'));
    addresses.forEach(a -> sb.append("address ").append(a.key()).append('\n'));
    routes.forEach(r -> sb.append("route ").append(r.key()).append('\n'));
    rules.forEach(r -> sb.append("rule ").append(r.key()).append('\n'));
    sb.append("nft ").append(nftables.digest()).append('\n');
    sb.append("resolv ").append(NftTable.digest(resolvConf)).append('\n');
    return NftTable.digest(sb.toString());
  }
}
