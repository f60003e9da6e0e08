package io.openvpc.dataplane.render;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Splits the elements of one concatenated interval set into as few sets as needed so that no two
 * elements of a set overlap: the kernel's set type for concatenated ranges (pipapo) refuses an element
 * whose start or end falls inside another ("File exists"). Elements covered by another are dropped, as
 * both carry the same verdict. Each element is a box: one inclusive range per field.
 */
final class DisjointSets {
  private DisjointSets() {}

  /** One element: per field, the lowest and highest value, with the text nftables reads. */
  record Box(BigInteger[] lo, BigInteger[] hi, String text) {
    boolean overlaps(Box o) {
      for (int i = 0; i < lo.length; i++) {
        if (hi[i].compareTo(o.lo[i]) < 0 || o.hi[i].compareTo(lo[i]) < 0) {
          return false;
        }
      }
      return true;
    }

    boolean within(Box o) {
      for (int i = 0; i < lo.length; i++) {
        if (lo[i].compareTo(o.lo[i]) < 0 || hi[i].compareTo(o.hi[i]) > 0) {
          return false;
        }
      }
      return true;
    }
  }

  /** Groups of pairwise disjoint boxes, in first-fit order. */
  static List<List<Box>> split(List<Box> boxes) {
    // Widest first, so that a box covered by another meets it and is dropped.
    List<Box> sorted = new ArrayList<>(boxes);
    sorted.sort((a, b) -> volume(b).compareTo(volume(a)));
    List<Group> groups = new ArrayList<>();
    next:
    for (Box b : sorted) {
      Group target = null;
      for (Group g : groups) {
        boolean clash = false;
        for (Box o : g.near(b)) {
          if (o.overlaps(b)) {
            if (b.within(o)) {
              continue next;
            }
            clash = true;
            break;
          }
        }
        if (!clash && target == null) {
          target = g;
        }
      }
      if (target == null) {
        target = new Group();
        groups.add(target);
      }
      target.add(b);
    }
    return groups.stream().map(g -> g.members).toList();
  }

  /**
   * One output set, indexed by the start of the first field so that only boxes whose first field can
   * reach a new box are compared with it (thousands of disjoint blocks stay near linear).
   */
  private static final class Group {
    final List<Box> members = new ArrayList<>();
    final TreeMap<BigInteger, List<Box>> byStart = new TreeMap<>();
    BigInteger widest = BigInteger.ZERO;

    void add(Box b) {
      members.add(b);
      byStart.computeIfAbsent(b.lo[0], k -> new ArrayList<>()).add(b);
      BigInteger w = b.hi[0].subtract(b.lo[0]);
      if (w.compareTo(widest) > 0) {
        widest = w;
      }
    }

    Iterable<Box> near(Box b) {
      List<Box> out = new ArrayList<>();
      for (List<Box> l : byStart.subMap(b.lo[0].subtract(widest), true, b.hi[0], true).values()) {
        out.addAll(l);
      }
      return out;
    }
  }

  private static BigInteger volume(Box b) {
    BigInteger v = BigInteger.ONE;
    for (int i = 0; i < b.lo.length; i++) {
      v = v.multiply(b.hi[i].subtract(b.lo[i]).add(BigInteger.ONE));
    }
    return v;
  }
}
