package io.openvpc.engine.graph;

import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The routes a node looks a destination up in, as tiers: a route of an earlier tier always wins over
 * one of a later tier (a VPC's local routes over its route table's), and within a tier routes are in
 * lookup order (longest prefix first), so the first that covers the destination decides. Tiers are
 * shared immutable lists, so a node's table costs two references.
 */
public final class RoutingTable {
  private final ResourceRef source;
  private final List<List<EffectiveRoute>> tiers;
  private final List<Prefix[]> prefixes;

  /** {@code source} names the table in traces ({@code RouteTable rtb-...}). */
  public RoutingTable(ResourceRef source, List<List<EffectiveRoute>> tiers) {
    this.source = source;
    this.tiers = List.copyOf(tiers);
    this.prefixes = new ArrayList<>(tiers.size());
    for (List<EffectiveRoute> tier : this.tiers) {
      Prefix[] p = new Prefix[tier.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = Prefix.of(tier.get(i).destination());
      }
      prefixes.add(p);
    }
  }

  /** The route a packet to {@code destination} takes, if any. */
  public Optional<EffectiveRoute> lookup(Addr destination) {
    for (int t = 0; t < tiers.size(); t++) {
      Prefix[] p = prefixes.get(t);
      for (int i = 0; i < p.length; i++) {
        if (p[i].contains(destination)) {
          return Optional.of(tiers.get(t).get(i));
        }
      }
    }
    return Optional.empty();
  }

  /** Every route in lookup order. */
  public List<EffectiveRoute> routes() {
    List<EffectiveRoute> out = new ArrayList<>();
    tiers.forEach(out::addAll);
    return out;
  }

  public ResourceRef source() {
    return source;
  }

  public List<List<EffectiveRoute>> tiers() {
    return tiers;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof RoutingTable r && r.source.equals(source) && r.tiers.equals(tiers);
  }

  @Override
  public int hashCode() {
    return tiers.hashCode();
  }

  @Override
  public String toString() {
    return routes().stream().map(EffectiveRoute::text).toList().toString();
  }
}
