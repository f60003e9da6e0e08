package io.openvpc.dataplane.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
 * Each stage dispatches on the interface with a verdict map, so the cost does not grow with the number
 * of ENIs. Filters with identical content share one chain, named by a digest of the content. The table
 * carries a digest of the whole text as its comment: the reconciler compares it to decide whether the
 * ruleset must be replaced (atomically, in one {@code nft -f} transaction that leaves conntrack alone).
 */
public final class RouterRuleset {
  /** The table every router namespace carries. */
  public static final String TABLE = "inet ovpc";

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
  public static String render(List<Port> ports, Map<String, Acl> acls, boolean aclWithinSubnet) {
    Map<String, String> chains = new TreeMap<>();
    Map<String, String> aclOut = new LinkedHashMap<>();
    Map<String, String> aclIn = new LinkedHashMap<>();
    Map<String, String> sgOut = new LinkedHashMap<>();
    Map<String, String> sgIn = new LinkedHashMap<>();
    Map<String, List<String>> subnetIfs = new TreeMap<>();
    for (Port p : ports) {
      subnetIfs.computeIfAbsent(p.subnetId(), k -> new java.util.ArrayList<>()).add(p.ifname());
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
    StringBuilder table = new StringBuilder();
    if (!aclWithinSubnet) {
      for (Map.Entry<String, List<String>> e : subnetIfs.entrySet()) {
        if (acls.containsKey(e.getKey())) {
          table.append("  set ifs-").append(suffix(e.getKey())).append(" {\n    type ifname\n    elements = { ")
              .append(String.join(", ", e.getValue().stream().map(i -> "\"" + i + "\"").toList()))
              .append(" }\n  }\n");
        }
      }
    }
    chains.values().forEach(table::append);
    table.append("  chain forward {\n    type filter hook forward priority filter; policy drop;\n");
    dispatch(table, "iifname", aclOut, "network ACL outbound");
    dispatch(table, "oifname", aclIn, "network ACL inbound");
    table.append("    ct state established,related accept\n    ct state invalid drop\n");
    dispatch(table, "iifname", sgOut, "security group egress");
    dispatch(table, "oifname", sgIn, "security group ingress");
    table.append("    accept\n  }\n");
    String body = table.toString();
    return "table inet ovpc {\n  comment \"openvpc " + digest(body) + "\"\n" + body + "}\n";
  }

  /**
   * The chain for a filter, shared by every port with the same filter and {@code firstLine} (a rule put
   * ahead of the filter's, such as the same-subnet exemption of an ACL).
   */
  private static String chain(Map<String, String> chains, String kind, Filter filter, String firstLine) {
    Rendered r = rendered(filter, firstLine);
    String name = kind + "-" + r.digest();
    chains.computeIfAbsent(name, n -> r.template().replace(PLACEHOLDER, n));
    return name;
  }

  /** A filter's chain text with {@link #PLACEHOLDER} for its name, and the digest that names it. */
  private record Rendered(String template, String digest) {}

  /** Renders a filter, or recalls it: filters are remembered across passes by content. */
  private static Rendered rendered(Filter filter, String firstLine) {
    Map.Entry<Filter, String> key = Map.entry(filter, firstLine);
    synchronized (RENDERED) {
      Rendered r = RENDERED.get(key);
      if (r == null) {
        String text = FilterChain.render(PLACEHOLDER, filter, firstLine);
        r = new Rendered(text, digest(text).substring(0, 12));
        RENDERED.put(key, r);
      }
      return r;
    }
  }

  private static void dispatch(StringBuilder out, String match, Map<String, String> chainByIf, String comment) {
    if (chainByIf.isEmpty()) {
      return;
    }
    out.append("    ").append(match).append(" vmap { ");
    boolean first = true;
    for (Map.Entry<String, String> e : chainByIf.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      out.append('"').append(e.getKey()).append("\" : jump ").append(e.getValue());
      first = false;
    }
    out.append(" } comment \"").append(comment).append("\"\n");
  }

  static String suffix(String id) {
    int dash = id.indexOf('-');
    return dash < 0 ? id : id.substring(dash + 1);
  }

  static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
