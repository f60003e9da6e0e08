package io.openvpc.dataplane.linux;

import io.openvpc.dataplane.host.Address;
import io.openvpc.dataplane.host.Link;
import io.openvpc.dataplane.host.Netns;
import io.openvpc.dataplane.host.NftTable;
import io.openvpc.dataplane.host.Route;
import io.openvpc.dataplane.host.RoutingRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What it takes to bring one namespace from its actual to its desired state: sysctls to set, links to
 * remove (first, so that a name can be reused), veth pairs to create, then one {@code ip -batch} of
 * addresses, routes and IPv4 rules, one {@code ip -6 -batch} of IPv6 rules, the nft script that changes
 * its table ({@link NftDelta}: only the parts that differ, one transaction) with the whole table as a
 * fallback should the kernel refuse the delta, and the resolver file. Computed purely from the two
 * {@link Netns} values; an empty plan means the namespace is already right.
 */
public record NetnsPlan(
    String namespace,
    List<String> sysctls,
    List<String> removeLinks,
    List<String> createLinks,
    List<String> batch,
    List<String> batch6,
    String nftables,
    NftTable nftablesWhole,
    String resolvConf) {

  public boolean isEmpty() {
    return sysctls.isEmpty() && removeLinks.isEmpty() && createLinks.isEmpty() && batch.isEmpty()
        && batch6.isEmpty() && nftables == null && resolvConf == null;
  }

  /**
   * Only the links a plan would delete (cheaper than the whole plan: no table delta): those no longer
   * wanted, and those whose alias changed (the ENI moved, or the link is known to be broken). A link
   * without an alias is one just made (a router creates the instance's end bare): it is labelled, not
   * rebuilt.
   */
  public static List<String> linkRemovals(Netns desired, Netns actual) {
    Map<String, Link> want = byKey(desired.links(), Link::name);
    List<String> remove = new ArrayList<>();
    for (Link l : actual.links()) {
      Link w = want.get(l.name());
      if (w == null && !l.name().equals("lo") || w != null && !l.alias().isEmpty() && !w.alias().equals(l.alias())) {
        remove.add("link del " + l.name());
      }
    }
    return remove;
  }

  /**
   * The script that loads the whole desired table, should the kernel refuse the delta; null when the
   * delta is that already. Made only when needed: at a thousand ports it is a large text.
   */
  public String nftablesFull() {
    if (nftablesWhole == null) {
      return null;
    }
    String full = NftDelta.full(nftablesWhole);
    return full.equals(nftables) ? null : full;
  }

  /** The plan from {@code actual} (empty lists for a fresh namespace) to {@code desired}. */
  public static NetnsPlan between(Netns desired, Netns actual) {
    if (desired.equals(actual)) {
      // What the agent applied last time, unchanged: the common case of a pass, and the cheapest.
      return new NetnsPlan(desired.name(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null);
    }
    List<String> sysctls = actual.sysctls().containsAll(desired.sysctls()) ? List.of() : desired.sysctls();
    List<String> remove = new ArrayList<>();
    List<String> create = new ArrayList<>();
    List<String> batch = new ArrayList<>();
    List<String> batch6 = new ArrayList<>();
    // A router of a thousand ports mostly changes in its table alone: lists that are equal need no keys.
    boolean sameLinks = desired.links().equals(actual.links());
    Map<String, Link> want = sameLinks ? Map.of() : byKey(desired.links(), Link::name);
    Map<String, Link> have = sameLinks ? Map.of() : byKey(actual.links(), Link::name);
    if (!sameLinks) {
      remove.addAll(linkRemovals(desired, actual));
    }
    java.util.Set<String> gone = new java.util.HashSet<>();
    for (String r : remove) {
      gone.add(r.substring("link del ".length()));
    }
    for (Link w : want.values()) {
      Link h = have.get(w.name());
      boolean fresh = h == null || gone.contains(w.name());
      if (fresh && w.createsPair()) {
        create.add("link add " + w.name() + " type veth peer name " + w.peerName() + " netns " + w.peerNamespace());
      }
      if (fresh || h.up() != w.up() || !h.alias().equals(w.alias())) {
        if (!w.alias().isEmpty()) {
          batch.add("link set " + w.name() + " alias " + w.alias());
        }
        batch.add("link set " + w.name() + (w.up() ? " up" : " down"));
      }
    }
    boolean sameAddresses = gone.isEmpty() && desired.addresses().equals(actual.addresses());
    Map<String, Address> wantAddr = sameAddresses ? Map.of() : byKey(desired.addresses(), Address::key);
    Map<String, Address> haveAddr = sameAddresses ? Map.of() : byKey(
        actual.addresses().stream().filter(a -> !gone.contains(a.device())).toList(), Address::key);
    for (Address a : haveAddr.values()) {
      if (!wantAddr.containsKey(a.key())) {
        batch.add("address del " + a.cidr() + " dev " + a.device());
      }
    }
    for (Address a : wantAddr.values()) {
      if (!haveAddr.containsKey(a.key())) {
        batch.add("address replace " + a.cidr() + " dev " + a.device() + (a.noPrefixRoute() ? " noprefixroute" : "")
            + (a.ipv6() ? " nodad" : ""));
      }
    }
    boolean sameRoutes = gone.isEmpty() && desired.routes().equals(actual.routes());
    Map<String, Route> wantRoute = sameRoutes ? Map.of() : byKey(desired.routes(), Route::key);
    // Deleting a link takes its routes with it.
    Map<String, Route> haveRoute = sameRoutes ? Map.of() : byKey(
        actual.routes().stream().filter(r -> !gone.contains(r.device())).toList(), Route::key);
    for (Route r : haveRoute.values()) {
      if (!wantRoute.containsKey(r.key())) {
        batch.add("route del " + routeSpec(r));
      }
    }
    for (Route r : wantRoute.values()) {
      if (!haveRoute.containsKey(r.key())) {
        batch.add("route replace " + routeSpec(r) + " proto " + Route.PROTOCOL);
      }
    }
    boolean sameRules = desired.rules().equals(actual.rules());
    Map<String, RoutingRule> wantRule = sameRules ? Map.of() : byKey(desired.rules(), RoutingRule::key);
    Map<String, RoutingRule> haveRule = sameRules ? Map.of() : byKey(actual.rules(), RoutingRule::key);
    for (RoutingRule r : haveRule.values()) {
      if (!wantRule.containsKey(r.key())) {
        (r.ipv6() ? batch6 : batch).add("rule del " + ruleSpec(r));
      }
    }
    for (RoutingRule r : wantRule.values()) {
      if (!haveRule.containsKey(r.key())) {
        (r.ipv6() ? batch6 : batch).add("rule add " + ruleSpec(r) + " proto " + Route.PROTOCOL);
      }
    }
    String nft = NftDelta.between(desired.nftables(), actual.nftables());
    String resolv = desired.resolvConf().equals(actual.resolvConf()) ? null : desired.resolvConf();
    return new NetnsPlan(desired.name(), sysctls, remove, create, batch, batch6, nft.isEmpty() ? null : nft,
        nft.isEmpty() ? null : desired.nftables(), resolv);
  }

  static String routeSpec(Route r) {
    StringBuilder sb = new StringBuilder();
    if (!r.type().equals("unicast")) {
      sb.append(r.type()).append(' ');
    }
    sb.append(r.destination());
    if (!r.via().isEmpty()) {
      sb.append(" via ").append(r.via());
    }
    if (!r.device().isEmpty()) {
      sb.append(" dev ").append(r.device());
    }
    if (!r.via().isEmpty() && !r.via().startsWith("fe80:")) {
      sb.append(" onlink");
    }
    return sb.append(" table ").append(r.table()).toString();
  }

  static String ruleSpec(RoutingRule r) {
    return "pref " + r.priority() + (r.from().isEmpty() ? "" : " from " + r.from())
        + (r.to().isEmpty() ? "" : " to " + r.to()) + (r.iif().isEmpty() ? "" : " iif " + r.iif())
        + " lookup " + r.table();
  }

  private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    Map<String, T> m = new LinkedHashMap<>();
    for (T t : items) {
      m.putIfAbsent(key.apply(t), t);
    }
    return m;
  }
}
