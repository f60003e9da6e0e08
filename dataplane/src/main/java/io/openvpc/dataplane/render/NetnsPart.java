package io.openvpc.dataplane.render;

import io.openvpc.dataplane.host.Address;
import io.openvpc.dataplane.host.Link;
import io.openvpc.dataplane.host.Netns;
import io.openvpc.dataplane.host.NftChain;
import io.openvpc.dataplane.host.NftSet;
import io.openvpc.dataplane.host.Route;
import io.openvpc.dataplane.host.RoutingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one node contributes to one namespace: devices, addresses, routes, rules, nftables sets and
 * chains it declares, elements it adds to sets or maps others declare ({@code elements}, by set name),
 * and the rule segments and named address sets its chains use (rendered once per namespace however many
 * nodes use them). A namespace exists while some node {@code anchors} it (an active ENI does; a subnet
 * or a VPC only adds to a router that exists). Parts of one namespace are merged into its
 * {@link Netns}.
 */
public record NetnsPart(
    String namespace, Netns.Role role, boolean anchors, List<String> sysctls, List<Link> links,
    List<Address> addresses, List<Route> routes, List<RoutingRule> rules, List<NftSet> sets, List<NftChain> chains,
    Map<String, List<String>> elements, Set<String> segments, Set<String> namedSets, String resolvConf) {

  public NetnsPart {
    sysctls = List.copyOf(sysctls);
    links = List.copyOf(links);
    addresses = List.copyOf(addresses);
    routes = List.copyOf(routes);
    rules = List.copyOf(rules);
    sets = List.copyOf(sets);
    chains = List.copyOf(chains);
    elements = Map.copyOf(elements);
    segments = Set.copyOf(segments);
    namedSets = Set.copyOf(namedSets);
    resolvConf = resolvConf == null ? "" : resolvConf;
  }

  /** Builds a part. */
  public static Builder of(String namespace, Netns.Role role) {
    return new Builder(namespace, role);
  }

  /** A part under construction. */
  public static final class Builder {
    private final String namespace;
    private final Netns.Role role;
    private boolean anchors;
    private final List<String> sysctls = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Address> addresses = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final List<RoutingRule> rules = new ArrayList<>();
    private final List<NftSet> sets = new ArrayList<>();
    private final List<NftChain> chains = new ArrayList<>();
    private final Map<String, List<String>> elements = new TreeMap<>();
    private final Set<String> segments = new TreeSet<>();
    private final Set<String> namedSets = new TreeSet<>();
    private String resolvConf = "";

    private Builder(String namespace, Netns.Role role) {
      this.namespace = namespace;
      this.role = role;
    }

    /** This node makes the namespace exist. */
    public Builder anchor() {
      anchors = true;
      return this;
    }

    public Builder sysctls(List<String> s) {
      sysctls.addAll(s);
      return this;
    }

    public Builder link(Link l) {
      links.add(l);
      return this;
    }

    public Builder address(Address a) {
      addresses.add(a);
      return this;
    }

    public Builder route(Route r) {
      routes.add(r);
      return this;
    }

    public Builder rule(RoutingRule r) {
      rules.add(r);
      return this;
    }

    public Builder set(NftSet s) {
      sets.add(s);
      return this;
    }

    public Builder chain(NftChain c) {
      chains.add(c);
      return this;
    }

    /** An element of a set or map that another part declares. */
    public Builder element(String set, String element) {
      elements.computeIfAbsent(set, k -> new ArrayList<>()).add(element);
      return this;
    }

    /** A rule segment whose chain this part's chains jump to, in the given style. */
    public Builder segment(String segment) {
      segments.add(segment);
      return this;
    }

    public Builder resolvConf(String text) {
      resolvConf = text;
      return this;
    }

    public NetnsPart build() {
      return new NetnsPart(namespace, role, anchors, sysctls, links, addresses, routes, rules, sets, chains, elements,
          segments, namedSets, resolvConf);
    }
  }
}
