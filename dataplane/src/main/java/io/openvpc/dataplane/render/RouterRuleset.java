package io.openvpc.dataplane.render;

import io.openvpc.dataplane.host.NftChain;
import io.openvpc.dataplane.host.NftSet;
import io.openvpc.dataplane.host.NftTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The nftables ruleset of one VPC router, table {@code inet ovpc}. Every packet between two ENIs of
 * the VPC is forwarded by the router (there is no bridge to bypass it), so its forward hook sees it:
 *
 * <ol>
 *   <li>the network ACL of the sender's subnet (outbound) and of the receiver's subnet (inbound),
 *       stateless, on every packet, replies included;
 *   <li>conntrack: packets of established connections (and related ICMP errors) pass, as security
 *       groups are stateful;
 *   <li>the sender ENI's security groups (egress) and the receiver ENI's (ingress), for new connections.
 * </ol>
 *
 * Each stage dispatches on the interface with a named verdict map ({@code dispatch-sg-in} ...), so the
 * cost does not grow with the number of ENIs and adding a port is one map element. Filters with
 * identical content share one chain, named by a digest of the content. The result is a structured
 * {@link NftTable}: the driver applies only the parts that changed, in one transaction that leaves
 * conntrack alone.
 */
public final class RouterRuleset {
  /** The table every router namespace carries. */
  public static final String TABLE = NftTable.TABLE;

  private static final String PLACEHOLDER = "ovpc-chain-name";
  /** Rendered filters by content: a pass re-renders only filters that changed. */
  private static final Map<Map.Entry<Filter, String>, Rendered> RENDERED = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Map.Entry<Filter, String>, Rendered> eldest) {
      return size() > 512;
    }
  };

  private RouterRuleset() {}

  /** An ENI's router-side interface, its subnet, and its compiled security groups. */
  public record Port(String ifname, String subnetId, Filter ingress, Filter egress) {}

  /** A subnet's network ACL: inbound (packets entering the subnet) and outbound. */
  public record Acl(Filter inbound, Filter outbound) {}

  /**
   * Renders the ruleset. {@code acls} holds only subnets that have an ACL; {@code aclWithinSubnet} says
   * whether traffic between two ENIs of one subnet passes that subnet's ACL too.
   */
  public static NftTable render(List<Port> ports, Map<String, Acl> acls, boolean aclWithinSubnet) {
    Map<String, FilterChain.Parts> chains = new TreeMap<>();
    Map<String, String> aclOut = new LinkedHashMap<>();
    Map<String, String> aclIn = new LinkedHashMap<>();
    Map<String, String> sgOut = new LinkedHashMap<>();
    Map<String, String> sgIn = new LinkedHashMap<>();
    Map<String, List<String>> subnetIfs = new TreeMap<>();
    for (Port p : ports) {
      subnetIfs.computeIfAbsent(p.subnetId(), k -> new ArrayList<>()).add(p.ifname());
    }
    for (Port p : ports) {
      sgOut.put(p.ifname(), chain(chains, "sg", p.egress(), ""));
      sgIn.put(p.ifname(), chain(chains, "sg", p.ingress(), ""));
      Acl acl = acls.get(p.subnetId());
      if (acl != null) {
        String set = "@ifs-" + suffix(p.subnetId());
        aclOut.put(p.ifname(), chain(chains, "acl-out", acl.outbound(),
            aclWithinSubnet ? "" : "oifname " + set + " return comment \"same subnet\""));
        aclIn.put(p.ifname(), chain(chains, "acl-in", acl.inbound(),
            aclWithinSubnet ? "" : "iifname " + set + " return comment \"same subnet\""));
      }
    }
    List<NftSet> sets = new ArrayList<>();
    if (!aclWithinSubnet) {
      for (Map.Entry<String, List<String>> e : subnetIfs.entrySet()) {
        if (acls.containsKey(e.getKey())) {
          sets.add(new NftSet("ifs-" + suffix(e.getKey()), "type ifname;",
              e.getValue().stream().map(i -> "\"" + i + "\"").toList()));
        }
      }
    }
    List<NftChain> out = new ArrayList<>();
    for (FilterChain.Parts c : chains.values()) {
      sets.addAll(c.sets());
      out.add(c.chain());
    }
    List<String> forward = new ArrayList<>();
    dispatch(sets, forward, "iifname", "dispatch-acl-out", aclOut, "network ACL outbound");
    dispatch(sets, forward, "oifname", "dispatch-acl-in", aclIn, "network ACL inbound");
    forward.add("ct state established,related accept");
    forward.add("ct state invalid drop");
    dispatch(sets, forward, "iifname", "dispatch-sg-out", sgOut, "security group egress");
    dispatch(sets, forward, "oifname", "dispatch-sg-in", sgIn, "security group ingress");
    forward.add("accept");
    out.add(new NftChain("forward", "type filter hook forward priority filter; policy drop;", forward));
    return new NftTable(sets, out);
  }

  /**
   * The chain for a filter, shared by every port with the same filter and {@code firstLine} (a rule put
   * ahead of the filter's, such as the same-subnet exemption of an ACL).
   */
  private static String chain(Map<String, FilterChain.Parts> chains, String kind, Filter filter, String firstLine) {
    Rendered r = rendered(filter, firstLine);
    String name = kind + "-" + r.digest();
    chains.computeIfAbsent(name, n -> named(r.template(), n));
    return name;
  }

  /** A template's parts with {@link #PLACEHOLDER} replaced by the chain's name. */
  private static FilterChain.Parts named(FilterChain.Parts t, String name) {
    List<NftSet> sets = t.sets().stream().map(s -> new NftSet(s.name().replace(PLACEHOLDER, name), s.declaration(),
        s.elements())).toList();
    NftChain c = t.chain();
    return new FilterChain.Parts(sets, new NftChain(name, c.declaration(),
        c.rules().stream().map(r -> r.replace("@" + PLACEHOLDER, "@" + name)).toList()));
  }

  /** A filter's parts with {@link #PLACEHOLDER} for its name, and the digest that names it. */
  private record Rendered(FilterChain.Parts template, String digest) {}

  /** Renders a filter, or recalls it: filters are remembered across passes by content. */
  private static Rendered rendered(Filter filter, String firstLine) {
    Map.Entry<Filter, String> key = Map.entry(filter, firstLine);
    synchronized (RENDERED) {
      Rendered r = RENDERED.get(key);
      if (r == null) {
        FilterChain.Parts parts = FilterChain.render(PLACEHOLDER, filter, firstLine);
        String text = new NftTable(parts.sets(), List.of(parts.chain())).text();
        r = new Rendered(parts, NftTable.digest(text).substring(0, 12));
        RENDERED.put(key, r);
      }
      return r;
    }
  }

  /** A verdict map from interface to chain, and the forward rule that looks the packet's interface up in it. */
  private static void dispatch(List<NftSet> sets, List<String> forward, String match, String map,
      Map<String, String> chainByIf, String comment) {
    if (chainByIf.isEmpty()) {
      return;
    }
    List<String> elements = new ArrayList<>();
    chainByIf.forEach((ifname, chain) -> elements.add("\"" + ifname + "\" : jump " + chain));
    sets.add(new NftSet(map, "type ifname : verdict;", elements));
    forward.add(match + " vmap @" + map + " comment \"" + comment + "\"");
  }

  static String suffix(String id) {
    int dash = id.indexOf('-');
    return dash < 0 ? id : id.substring(dash + 1);
  }

}
