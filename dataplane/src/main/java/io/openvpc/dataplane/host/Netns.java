package io.openvpc.dataplane.host;

import java.util.List;

/**
 * One network namespace as the data plane wants it. A VPC router creates the veth pairs of its ENIs
 * (so its {@link Link}s name their peers); an instance namespace lists the peer ends it expects.
 * {@code sysctls} are set once, when the namespace is created; {@code nftables} is the whole ruleset of
 * the namespace's {@code inet ovpc} table ("" for none); {@code resolvConf} is written to
 * {@code /etc/netns/<name>/resolv.conf} so that processes never see the host's resolver.
 */
public record Netns(
    String name,
    Role role,
    List<String> sysctls,
    List<Link> links,
    List<Address> addresses,
    List<Route> routes,
    List<RoutingRule> rules,
    String nftables,
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
    nftables = nftables == null ? "" : nftables;
    resolvConf = resolvConf == null ? "" : resolvConf;
  }
}
