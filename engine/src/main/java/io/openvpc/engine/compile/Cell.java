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
  /** With two writers or more: every writer and its value, in no order. */
  private ResourceKey[] writers;
  private Object[] values;
  private int count;

  /** {@code had}: {@code w} is among the writers already (it wrote the slot before). */
  void put(ResourceKey w, Object v, boolean had) {
    if (writers == null) {
      if (writer == null || writer.equals(w)) {
        writer = w;
        value = v;
        return;
      }
      writers = new ResourceKey[] {writer, null, null, null};
      values = new Object[] {value, null, null, null};
      count = 1;
    } else if (had) {
      int i = indexOf(w);
      values[i] = v;
      if (writer.equals(w)) {
        value = v;
      }
      return;
    }
    if (count == writers.length) {
      writers = Arrays.copyOf(writers, count * 2);
      values = Arrays.copyOf(values, count * 2);
    }
    writers[count] = w;
    values[count++] = v;
    if (byKey(w, writer) < 0) {
      writer = w;
      value = v;
    }
  }

  void remove(ResourceKey w) {
    if (writers == null) {
      if (w.equals(writer)) {
        writer = null;
        value = null;
      }
      return;
    }
    int i = indexOf(w);
    if (i < 0) {
      return;
    }
    count--;
    writers[i] = writers[count];
    values[i] = values[count];
    writers[count] = null;
    values[count] = null;
    if (count == 1) {
      writer = writers[0];
      value = values[0];
      writers = null;
      values = null;
      count = 0;
    } else if (w.equals(writer)) {
      int first = 0;
      for (int k = 1; k < count; k++) {
        if (byKey(writers[k], writers[first]) < 0) {
          first = k;
        }
      }
      writer = writers[first];
      value = values[first];
    }
  }

  private int indexOf(ResourceKey w) {
    for (int i = 0; i < count; i++) {
      if (writers[i].equals(w)) {
        return i;
      }
    }
    return -1;
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
    if (writers == null) {
      return writer == null ? List.of() : List.of(value);
    }
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> byKey(writers[a], writers[b]));
    List<Object> out = new ArrayList<>(count);
    for (Integer i : order) {
      out.add(values[i]);
    }
    return out;
  }

  /** Every writer's value, in no particular order. */
  List<Object> unordered() {
    if (writers == null) {
      return writer == null ? List.of() : List.of(value);
    }
    return Arrays.asList(values).subList(0, count);
  }

  /** The value for a dump: itself, or by writer when there are several. */
  Object shown() {
    if (writers == null) {
      return value;
    }
    Map<String, Object> m = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      m.put(writers[i].toString(), values[i]);
    }
    return m;
  }
}
