package io.openvpc.dataplane.render;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Routing table numbers of a router's subnets. A number derives from the subnet ID alone (its suffix
 * read in base 36), so that adding or removing another subnet does not renumber this one's table and
 * disturb its routes; the rare collision is settled by probing, in ID order.
 */
final class SubnetTables {
  static final int BASE = 10_000;
  static final int SPAN = 1 << 20;

  private SubnetTables() {}

  static Map<String, Integer> assign(List<String> subnetIds) {
    Map<String, Integer> out = new HashMap<>();
    Set<Integer> used = new HashSet<>();
    for (String id : new TreeSet<>(subnetIds)) {
      int slot = Math.floorMod(hash(Names.suffix(id)), SPAN);
      while (!used.add(slot)) {
        slot = (slot + 1) % SPAN;
      }
      out.put(id, BASE + slot);
    }
    return out;
  }

  private static long hash(String suffix) {
    try {
      return Long.parseLong(suffix, 36);
    } catch (NumberFormatException e) {
      return suffix.hashCode();
    }
  }
}
