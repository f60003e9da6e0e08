package io.openvpc.engine.compile;

import io.openvpc.engine.policy.Addr;
import io.openvpc.engine.policy.Prefix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A named address set as rules read it: its blocks in order, and for membership its host addresses
 * hashed (a group's set is one host per bound ENI, thousands for a large group) and its shorter blocks
 * in an array.
 */
final class ResolvedSet {
  final List<Prefix> prefixes;
  private final Set<Addr> hosts;
  private final Prefix[] blocks;

  ResolvedSet(List<Prefix> sorted) {
    this.prefixes = List.copyOf(sorted);
    Set<Addr> h = new HashSet<>();
    List<Prefix> b = new ArrayList<>();
    for (Prefix p : prefixes) {
      if (p.length() == (p.v6() ? 128 : 32)) {
        h.add(new Addr(p.v6(), p.hi(), p.lo()));
      } else {
        b.add(p);
      }
    }
    this.hosts = h;
    this.blocks = b.toArray(Prefix[]::new);
  }

  boolean contains(Addr a) {
    if (hosts.contains(a)) {
      return true;
    }
    for (Prefix p : blocks) {
      if (p.contains(a)) {
        return true;
      }
    }
    return false;
  }
}
