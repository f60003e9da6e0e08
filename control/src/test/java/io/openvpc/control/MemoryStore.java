package io.openvpc.control;

import io.openvpc.control.store.AccountStore;
import io.openvpc.control.store.ClaimConflict;
import io.openvpc.control.store.Store;
import io.openvpc.control.store.StoreTransaction;
import io.openvpc.model.Resource;
import io.openvpc.model.Scope;
import io.openvpc.model.Topology;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A store in memory for control-plane tests: one lock, all-or-nothing writes, no accounts. */
public final class MemoryStore implements Store {
  private final Map<Scope, Topology> scopes = new HashMap<>();
  private final Map<String, String> claims = new HashMap<>();

  @Override
  public synchronized long revision(Scope scope) {
    return load(scope).revision();
  }

  @Override
  public synchronized Topology load(Scope scope) {
    return scopes.getOrDefault(scope, Topology.empty(scope));
  }

  @Override
  public synchronized <T> T write(Scope scope, WriteWork<T> work) {
    Topology base = load(scope);
    Map<String, Resource> puts = new LinkedHashMap<>();
    Map<String, Map.Entry<Class<? extends Resource>, String>> deletes = new LinkedHashMap<>();
    Map<String, String> newClaims = new HashMap<>(claims);
    T result = work.run(new StoreTransaction() {
      @Override
      public long revision() {
        return base.revision();
      }

      @Override
      public Topology load() {
        return base;
      }

      @Override
      public void put(Resource resource) {
        deletes.remove(resource.id());
        puts.put(resource.id(), resource);
      }

      @Override
      public void delete(Class<? extends Resource> type, String id) {
        puts.remove(id);
        deletes.put(id, Map.entry(type, id));
      }

      @Override
      public void claim(String namespace, String key, String owner) {
        String k = scope + "/" + namespace + "/" + key;
        String held = newClaims.putIfAbsent(k, owner);
        if (held != null && !held.equals(owner)) {
          throw new ClaimConflict(namespace, key);
        }
      }

      @Override
      public void release(String namespace, String key) {
        newClaims.remove(scope + "/" + namespace + "/" + key);
      }
    });
    scopes.put(scope, base.apply(base.revision() + 1, puts.values(), List.copyOf(deletes.values())));
    claims.clear();
    claims.putAll(newClaims);
    return result;
  }

  @Override
  public AccountStore accounts() {
    throw new UnsupportedOperationException("the memory store keeps no accounts");
  }

  @Override
  public void close() {}
}
