package io.openvpc.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PVector;
import org.pcollections.TreePSet;
import org.pcollections.TreePVector;

/**
 * An immutable snapshot of every resource of one {@link Scope} at one revision, with the secondary
 * {@link Index}es and sort {@link Order}s declared in {@link Indexes}. Writers derive the next
 * snapshot with {@link #apply}; readers never lock.
 *
 * <p>Every structure is persistent (pcollections): the next snapshot shares all of this one but the
 * paths to what changed, so a write costs O(log n) per resource put or deleted, whatever the size of
 * the region, and keeping the previous snapshot (listeners get both) costs only what differs.
 */
public final class Topology {
  private final Scope scope;
  private final long revision;
  private final PMap<Class<? extends Resource>, Table> tables;

  /** The resources of one kind: by ID, by each of its indexes' keys (sorted IDs), in each of its orders. */
  static final class Table {
    final PMap<String, Resource> byId;
    final PMap<String, TreePSet<String>>[] indexes;
    final PVector<Resource>[] orders;

    Table(PMap<String, Resource> byId, PMap<String, TreePSet<String>>[] indexes, PVector<Resource>[] orders) {
      this.byId = byId;
      this.indexes = indexes;
      this.orders = orders;
    }

    @SuppressWarnings("unchecked")
    static Table empty(Class<? extends Resource> type) {
      PMap<String, TreePSet<String>>[] indexes = new PMap[Indexes.of(type).size()];
      java.util.Arrays.fill(indexes, HashTreePMap.empty());
      PVector<Resource>[] orders = new PVector[Indexes.ordersOf(type).size()];
      java.util.Arrays.fill(orders, TreePVector.empty());
      return new Table(HashTreePMap.empty(), indexes, orders);
    }
  }

  private Topology(Scope scope, long revision, PMap<Class<? extends Resource>, Table> tables) {
    this.scope = scope;
    this.revision = revision;
    this.tables = tables;
  }

  public static Topology empty(Scope scope) {
    return new Topology(scope, 0, HashTreePMap.empty());
  }

  /** Builds a snapshot from loaded resources (a later resource with the ID of an earlier one replaces it). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Topology of(Scope scope, long revision, Collection<? extends Resource> resources) {
    Map<Class<? extends Resource>, Map<String, Resource>> byType = new LinkedHashMap<>();
    for (Resource r : resources) {
      byType.computeIfAbsent(r.getClass(), k -> new HashMap<>()).put(r.id(), r);
    }
    PMap<Class<? extends Resource>, Table> tables = HashTreePMap.empty();
    for (var e : byType.entrySet()) {
      Class<? extends Resource> type = e.getKey();
      Collection<Resource> all = e.getValue().values();
      List<Index<?>> indexDefs = Indexes.of(type);
      PMap<String, TreePSet<String>>[] indexes = new PMap[indexDefs.size()];
      for (int i = 0; i < indexes.length; i++) {
        Index<Resource> index = (Index<Resource>) indexDefs.get(i);
        Map<String, TreeSet<String>> keyed = new HashMap<>();
        for (Resource r : all) {
          for (String k : index.keys(r)) {
            keyed.computeIfAbsent(k, x -> new TreeSet<>()).add(r.id());
          }
        }
        Map<String, TreePSet<String>> frozen = new HashMap<>();
        keyed.forEach((k, ids) -> frozen.put(k, TreePSet.fromSortedSet(ids)));
        indexes[i] = HashTreePMap.from(frozen);
      }
      List<Order<?>> orderDefs = Indexes.ordersOf(type);
      PVector<Resource>[] orders = new PVector[orderDefs.size()];
      for (int i = 0; i < orders.length; i++) {
        List<Resource> sorted = new ArrayList<>(all);
        sorted.sort((Comparator) orderDefs.get(i).comparator());
        orders[i] = TreePVector.from(sorted);
      }
      tables = tables.plus(type, new Table(HashTreePMap.from(e.getValue()), indexes, orders));
    }
    return new Topology(scope, revision, tables);
  }

  public Scope scope() {
    return scope;
  }

  public long revision() {
    return revision;
  }

  public <R extends Resource> Optional<R> find(Class<R> type, String id) {
    if (id == null) {
      return Optional.empty();
    }
    Table table = tables.get(type);
    return table == null ? Optional.empty() : Optional.ofNullable(type.cast(table.byId.get(id)));
  }

  /** All resources of a type, in no particular order. */
  @SuppressWarnings("unchecked")
  public <R extends Resource> Collection<R> all(Class<R> type) {
    Table table = tables.get(type);
    return table == null ? List.of() : (Collection<R>) table.byId.values();
  }

  /** The resources of a type that pass {@code filter}: a scan of the kind; prefer {@link #by} where an index exists. */
  public <R extends Resource> List<R> where(Class<R> type, Predicate<? super R> filter) {
    List<R> out = new ArrayList<>();
    for (R r : all(type)) {
      if (filter.test(r)) {
        out.add(r);
      }
    }
    return out;
  }

  public int count(Class<? extends Resource> type) {
    Table table = tables.get(type);
    return table == null ? 0 : table.byId.size();
  }

  /** The resources that {@code index} finds by {@code key}, in the order of their IDs. */
  public <R extends Resource> List<R> by(Index<R> index, String key) {
    TreePSet<String> ids = ids(index, key);
    if (ids.isEmpty()) {
      return List.of();
    }
    PMap<String, Resource> byId = tables.get(index.type()).byId;
    List<R> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      out.add(index.type().cast(byId.get(id)));
    }
    return out;
  }

  /** The number of resources {@code index} finds by {@code key}. */
  public int countBy(Index<?> index, String key) {
    return ids(index, key).size();
  }

  /** The IDs of the resources {@code index} finds by {@code key}, sorted. */
  public java.util.SortedSet<String> idsBy(Index<?> index, String key) {
    return ids(index, key);
  }

  private TreePSet<String> ids(Index<?> index, String key) {
    Table table = tables.get(index.type());
    if (table == null || key == null) {
      return TreePSet.empty();
    }
    TreePSet<String> ids = table.indexes[slot(index)].get(key);
    return ids == null ? TreePSet.empty() : ids;
  }

  /**
   * The resources of {@code order}'s kind from position {@code from} (inclusive) to {@code to}
   * (exclusive), clipped to the kind's size; {@code reversed} counts positions from the end, so the
   * page is in the opposite order. Costs O(page · log n).
   */
  public <R extends Resource> List<R> range(Order<R> order, boolean reversed, long from, long to) {
    Table table = tables.get(order.type());
    if (table == null) {
      return List.of();
    }
    PVector<Resource> sorted = table.orders[slot(order)];
    int n = sorted.size();
    int a = (int) Math.max(0, Math.min(from, n));
    int b = (int) Math.max(a, Math.min(to, n));
    List<R> out = new ArrayList<>(b - a);
    for (int i = a; i < b; i++) {
      out.add(order.type().cast(sorted.get(reversed ? n - 1 - i : i)));
    }
    return out;
  }

  /** Any resource with this ID, whatever its type. */
  public Optional<Resource> anyById(String id) {
    for (Table t : tables.values()) {
      Resource r = t.byId.get(id);
      if (r != null) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The table of a kind, or null: for tests of structure sharing. */
  Table table(Class<? extends Resource> type) {
    return tables.get(type);
  }

  /** The next snapshot: {@code puts} replace or add resources by ID, {@code deletes} remove them. */
  public Topology apply(long newRevision, Collection<? extends Resource> puts, Collection<ResourceKey> deletes) {
    Map<Class<? extends Resource>, Editor> touched = new HashMap<>();
    for (ResourceKey d : deletes) {
      touched.computeIfAbsent(d.type(), this::editor).delete(d.id());
    }
    for (Resource r : puts) {
      touched.computeIfAbsent(r.getClass(), this::editor).put(r);
    }
    PMap<Class<? extends Resource>, Table> next = tables;
    for (var e : touched.entrySet()) {
      Table t = e.getValue().table();
      next = t.byId.isEmpty() ? next.minus(e.getKey()) : next.plus(e.getKey(), t);
    }
    return new Topology(scope, newRevision, next);
  }

  private Editor editor(Class<? extends Resource> type) {
    Table t = tables.get(type);
    return new Editor(type, t == null ? Table.empty(type) : t);
  }

  private static int slot(Index<?> index) {
    if (index.slot < 0) {
      throw new IllegalArgumentException(index + " is not declared in Indexes");
    }
    return index.slot;
  }

  private static int slot(Order<?> order) {
    if (order.slot < 0) {
      throw new IllegalArgumentException(order + " is not declared in Indexes");
    }
    return order.slot;
  }

  /** Edits one kind's table: each put or delete updates its map, its indexes and its orders in O(log n). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final class Editor {
    private final List<Index<?>> indexDefs;
    private final List<Order<?>> orderDefs;
    private PMap<String, Resource> byId;
    private final PMap<String, TreePSet<String>>[] indexes;
    private final PVector<Resource>[] orders;

    Editor(Class<? extends Resource> type, Table from) {
      indexDefs = Indexes.of(type);
      orderDefs = Indexes.ordersOf(type);
      byId = from.byId;
      indexes = from.indexes.clone();
      orders = from.orders.clone();
    }

    Table table() {
      return new Table(byId, indexes, orders);
    }

    void delete(String id) {
      Resource old = byId.get(id);
      if (old == null) {
        return;
      }
      byId = byId.minus(id);
      for (int i = 0; i < indexes.length; i++) {
        for (String k : ((Index<Resource>) indexDefs.get(i)).keys(old)) {
          indexes[i] = unindex(indexes[i], k, id);
        }
      }
      for (int i = 0; i < orders.length; i++) {
        Comparator<Resource> c = (Comparator) orderDefs.get(i).comparator();
        int at = search(orders[i], old, c);
        if (at >= 0) {
          orders[i] = orders[i].minus(at);
        }
      }
    }

    void put(Resource r) {
      String id = r.id();
      Resource old = byId.get(id);
      if (old == r) {
        return;
      }
      byId = byId.plus(id, r);
      for (int i = 0; i < indexes.length; i++) {
        Index<Resource> index = (Index<Resource>) indexDefs.get(i);
        if (old != null && index.knownSame(old, r)) {
          continue;
        }
        Collection<String> newKeys = index.keys(r);
        if (old != null) {
          Collection<String> oldKeys = index.keys(old);
          if (oldKeys.equals(newKeys) || (oldKeys.size() == newKeys.size() && oldKeys.containsAll(newKeys))) {
            continue;
          }
          for (String k : oldKeys) {
            if (!newKeys.contains(k)) {
              indexes[i] = unindex(indexes[i], k, id);
            }
          }
        }
        for (String k : newKeys) {
          TreePSet<String> ids = indexes[i].get(k);
          indexes[i] = indexes[i].plus(k, ids == null ? TreePSet.singleton(id) : ids.plus(id));
        }
      }
      for (int i = 0; i < orders.length; i++) {
        Comparator<Resource> c = (Comparator) orderDefs.get(i).comparator();
        PVector<Resource> v = orders[i];
        if (old != null) {
          int at = search(v, old, c);
          if (at >= 0 && c.compare(old, r) == 0) {
            orders[i] = v.with(at, r);
            continue;
          }
          if (at >= 0) {
            v = v.minus(at);
          }
        }
        int at = search(v, r, c);
        orders[i] = at >= 0 ? v.with(at, r) : v.plus(-at - 1, r);
      }
    }

    private static PMap<String, TreePSet<String>> unindex(PMap<String, TreePSet<String>> index, String key, String id) {
      TreePSet<String> ids = index.get(key);
      if (ids == null) {
        return index;
      }
      TreePSet<String> rest = ids.minus(id);
      return rest.isEmpty() ? index.minus(key) : index.plus(key, rest);
    }

    /** Binary search: the position of {@code r}, or -(insertion point) - 1. */
    private static int search(PVector<Resource> v, Resource r, Comparator<Resource> c) {
      int lo = 0;
      int hi = v.size() - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int cmp = c.compare(v.get(mid), r);
        if (cmp < 0) {
          lo = mid + 1;
        } else if (cmp > 0) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -(lo + 1);
    }
  }
}
