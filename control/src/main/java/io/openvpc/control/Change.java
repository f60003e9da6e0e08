package io.openvpc.control;

import io.openvpc.control.store.StoreTransaction;
import io.openvpc.model.Resource;
import io.openvpc.model.ResourceKey;
import io.openvpc.model.Scope;
import io.openvpc.model.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pending writes of one mutating call over a consistent snapshot. Services validate against
 * {@link #current()}, which already reflects this change's own writes, then put and delete; the
 * {@link Ledger} commits everything in one transaction.
 */
public final class Change {
  private final Topology base;
  private final StoreTransaction tx;
  private final Map<String, Resource> puts = new LinkedHashMap<>();
  private final Map<String, ResourceKey> deletes = new LinkedHashMap<>();
  private Topology current;

  Change(Topology base, StoreTransaction tx) {
    this.base = base;
    this.tx = tx;
    this.current = base;
  }

  public Scope scope() {
    return base.scope();
  }

  /** The snapshot the call started from. */
  public Topology base() {
    return base;
  }

  /** The snapshot with this change's writes applied so far. */
  public Topology current() {
    if (current == null) {
      current = base.apply(base.revision(), puts.values(), deletes.values());
    }
    return current;
  }

  public <R extends Resource> R put(R resource) {
    String id = resource.id();
    // What the store holds for this ID: this change's own last write, nothing after its delete, or
    // the snapshot's version (the snapshot is exactly the committed state, see Ledger#write).
    Resource previous = puts.containsKey(id) ? puts.get(id)
        : deletes.containsKey(id) ? null : base.find(resource.getClass(), id).orElse(null);
    deletes.remove(id);
    puts.put(id, resource);
    tx.put(resource, previous);
    // one O(log n) step on the snapshot so far, not a re-application of every pending write
    current = current == null ? null : current.apply(base.revision(), List.of(resource), List.of());
    return resource;
  }

  public void delete(Resource resource) {
    puts.remove(resource.id());
    deletes.put(resource.id(), ResourceKey.of(resource));
    tx.delete(resource.getClass(), resource.id());
    current = current == null ? null : current.apply(base.revision(), List.of(), List.of(ResourceKey.of(resource)));
  }

  /** Claims a unique key in the database (see {@link StoreTransaction#claim}). */
  public void claim(String namespace, String key, String owner) {
    tx.claim(namespace, key, owner);
  }

  public void release(String namespace, String key) {
    tx.release(namespace, key);
  }

  boolean isEmpty() {
    return puts.isEmpty() && deletes.isEmpty();
  }

  List<Resource> puts() {
    return new ArrayList<>(puts.values());
  }

  List<ResourceKey> deletes() {
    return new ArrayList<>(deletes.values());
  }
}
