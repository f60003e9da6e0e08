package io.openvpc.dataplane.host;

/**
 * A policy routing rule ({@code ip rule}) the data plane owns: at {@code priority}, packets that match
 * {@code to} (a CIDR, or "" for any) and arrive on {@code iif} (or "" for any) look up {@code table}.
 */
public record RoutingRule(boolean ipv6, int priority, String from, String to, String iif, int table) {
  public RoutingRule {
    from = from == null ? "" : from;
    to = to == null ? "" : to;
    iif = iif == null ? "" : iif;
  }

  public String key() {
    return (ipv6 ? "-6" : "-4") + " pref " + priority + (from.isEmpty() ? "" : " from " + from)
        + (to.isEmpty() ? "" : " to " + to) + (iif.isEmpty() ? "" : " iif " + iif) + " lookup " + table;
  }
}
