package io.openvpc.engine.compile;

import io.openvpc.model.ResourceKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values a slot holds, by writer. Most slots have one writer; named sets and shared artifacts
 * have several (a group's set has one per bound ENI), kept unordered and ordered by writer only when
 * read, so that reads are the same however the graph was built. The first writer's value, which
 * single-valued reads see, is kept at hand.
 */
final class Cell {
  /** Writers in a stable order, the order of a slot's values. */
  static final Comparator<ResourceKey> BY_KEY = Cell::byKey;

  /** Resource keys in a stable order: by kind's simple name (named only when kinds differ), then ID. */
  static int byKey(ResourceKey a, ResourceKey b) {
    if (a.type() != b.type()) {
      int c = a.type().getSimpleName().compareTo(b.type().getSimpleName());
      if (c != 0) {
        return c;
      }
    }
    return a.id().compareTo(b.id());
  }

  /** The first writer in writer order, and its value. */
  private ResourceKey writer;
  private Object value;
  /** With two writers or more: all of them (a cell of one writer, most cells, keeps only the two fields above). */
  private Shared shared;

  /** Every writer and its value, in no order. */
  private static final class Shared {
    ResourceKey[] writers = new ResourceKey[4];
    Object[] values = new Object[4];
    int count;

    int indexOf(ResourceKey w) {
      for (int i = 0; i < count; i++) {
        if (writers[i].equals(w)) {
          return i;
        }
      }
      return -1;
    }

    void add(ResourceKey w, Object v) {
      if (count == writers.length) {
        writers = Arrays.copyOf(writers, count * 2);
        values = Arrays.copyOf(values, count * 2);
      }
      writers[count] = w;
      values[count++] = v;
    }
  }

  /** {@code had}: {@code w} is among the writers already (it wrote the slot before). */
  void put(ResourceKey w, Object v, boolean had) {
    if (shared == null) {
      if (writer == null || writer.equals(w)) {
        writer = w;
        value = v;
        return;
      }
      shared = new Shared();
      shared.add(writer, value);
    } else if (had) {
      shared.values[shared.indexOf(w)] = v;
      if (writer.equals(w)) {
        value = v;
      }
      return;
    }
    shared.add(w, v);
    if (byKey(w, writer) < 0) {
      writer = w;
      value = v;
    }
  }

  void remove(ResourceKey w) {
    if (shared == null) {
      if (w.equals(writer)) {
        writer = null;
        value = null;
      }
      return;
    }
    Shared s = shared;
    int i = s.indexOf(w);
    if (i < 0) {
      return;
    }
    int last = --s.count;
    s.writers[i] = s.writers[last];
    s.values[i] = s.values[last];
    s.writers[last] = null;
    s.values[last] = null;
    if (s.count == 1) {
      writer = s.writers[0];
      value = s.values[0];
      shared = null;
    } else if (w.equals(writer)) {
      int first = 0;
      for (int k = 1; k < s.count; k++) {
        if (byKey(s.writers[k], s.writers[first]) < 0) {
          first = k;
        }
      }
      writer = s.writers[first];
      value = s.values[first];
    }
  }

  boolean isEmpty() {
    return writer == null;
  }

  /** The value of the first writer. */
  Object first() {
    return value;
  }

  /** Every writer's value, in writer order. */
  List<Object> values() {
    if (shared == null) {
      return writer == null ? List.of() : List.of(value);
    }
    Shared s = shared;
    Integer[] order = new Integer[s.count];
    for (int i = 0; i < s.count; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> byKey(s.writers[a], s.writers[b]));
    List<Object> out = new ArrayList<>(s.count);
    for (Integer i : order) {
      out.add(s.values[i]);
    }
    return out;
  }

  /** Every writer's value, in no particular order. */
  List<Object> unordered() {
    if (shared == null) {
      return writer == null ? List.of() : List.of(value);
    }
    return Arrays.asList(shared.values).subList(0, shared.count);
  }

  /** The value for a dump: itself, or by writer when there are several. */
  Object shown() {
    if (shared == null) {
      return value;
    }
    Map<String, Object> m = new TreeMap<>();
    for (int i = 0; i < shared.count; i++) {
      m.put(shared.writers[i].toString(), shared.values[i]);
    }
    return m;
  }
}
