package io.openvpc.engine.compile;

import java.util.Arrays;

/**
 * What one compile wrote, in order: a handful of slots (an ENI writes about ten), so arrays and a
 * linear search cost less than a map, in time and in the memory every resource keeps.
 */
final class Writes {
  static final Writes NONE = new Writes();
  Slot[] slots = new Slot[4];
  Object[] values = new Object[4];
  int size;

  int indexOf(Slot s) {
    for (int i = 0; i < size; i++) {
      if (slots[i].equals(s)) {
        return i;
      }
    }
    return -1;
  }

  Object get(Slot s) {
    int i = indexOf(s);
    return i < 0 ? null : values[i];
  }

  /** False when the slot was written already. */
  boolean add(Slot s, Object v) {
    if (indexOf(s) >= 0) {
      return false;
    }
    if (size == slots.length) {
      slots = Arrays.copyOf(slots, Math.max(4, size * 2));
      values = Arrays.copyOf(values, Math.max(4, size * 2));
    }
    slots[size] = s;
    values[size++] = v;
    return true;
  }

  /** Drops the room a finished compile did not use: every resource keeps its writes. */
  void trim() {
    if (size < slots.length) {
      slots = Arrays.copyOf(slots, size);
      values = Arrays.copyOf(values, size);
    }
  }
}
