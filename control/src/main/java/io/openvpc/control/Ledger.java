package io.openvpc.control;

import io.openvpc.control.store.Store;
import io.openvpc.control.store.StoreTransaction;
import io.openvpc.model.Scope;
import io.openvpc.model.Topology;
import io.openvpc.model.TopologyChange;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The revisioned view of every scope: the latest committed {@link Topology} per scope, cached and
 * validated against the store's revision counter, so that reads cost one revision lookup and writes
 * validate against an exact snapshot while holding the scope's lock. With several servers on one
 * database each keeps its own cache; a revision mismatch reloads.
 */
public final class Ledger {
  private static final System.Logger LOG = System.getLogger(Ledger.class.getName());
  private final Store store;
  private final Map<Scope, Topology> cache = new ConcurrentHashMap<>();
  private final List<TopologyListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<Scope, Staged> staged = new ConcurrentHashMap<>();

  public Ledger(Store store) {
    this.store = store;
  }

  public Store store() {
    return store;
  }

  public void addListener(TopologyListener listener) {
    listeners.add(listener);
  }

  /** The latest committed snapshot of a scope. */
  public Topology read(Scope scope) {
    long revision = store.revision(scope);
    Topology cached = cache.get(scope);
    if (cached != null && cached.revision() == revision) {
      return cached;
    }
    Topology loaded = store.load(scope);
    cache.merge(scope, loaded, (a, b) -> a.revision() >= b.revision() ? a : b);
    return loaded;
  }

  /** The cached snapshot without asking the store; for consumers that follow changes (engine, data plane). */
  public Topology cached(Scope scope) {
    Topology t = cache.get(scope);
    return t != null ? t : read(scope);
  }

  /** Every scope this server has seen. */
  public java.util.Set<Scope> scopes() {
    return java.util.Set.copyOf(cache.keySet());
  }

  /**
   * Runs one mutating call: {@code work} sees a snapshot that is exactly the committed state under the
   * scope's lock, records its writes on the {@link Change}, and they commit together or not at all.
   */
  public <T> T write(Scope scope, Function<Change, T> work) {
    return store.write(scope, tx -> {
      Topology base = base(scope, tx);
      Change change = new Change(base, tx);
      T value = work.apply(change);
      Topology after = base.apply(base.revision() + 1, change.puts(), change.deletes());
      Staged staged = new Staged(tx.batch(), after);
      this.staged.put(scope, staged);
      // After the commit but before the next writer of this scope on this server starts: the next
      // writer finds the cache at its revision (no reload), and listeners see changes in order.
      tx.afterCommit(() -> committed(scope, base, after, change, staged));
      return value;
    });
  }

  /**
   * The snapshot a work starts from, exactly the state its transaction sees: the cache when it is at
   * the transaction's revision; the result of the work before it when both share a transaction (group
   * commit); else loaded from the store.
   */
  private Topology base(Scope scope, StoreTransaction tx) {
    Topology cached = cache.get(scope);
    if (cached != null && cached.revision() == tx.revision()) {
      return cached;
    }
    Staged s = staged.get(scope);
    if (s != null && s.batch() == tx.batch() && s.after().revision() == tx.revision()) {
      return s.after();
    }
    return tx.load();
  }

  /** The snapshot a work of a not yet committed transaction leaves, for the next work of the same transaction. */
  private record Staged(Object batch, Topology after) {}

  private void committed(Scope scope, Topology before, Topology after, Change change, Staged staged) {
    this.staged.remove(scope, staged);
    cache.merge(scope, after, (a, b) -> a.revision() >= b.revision() ? a : b);
    if (change.isEmpty()) {
      return;
    }
    TopologyChange event = new TopologyChange(scope, before, after, change.puts(), change.deletes());
    for (TopologyListener l : listeners) {
      try {
        l.changed(event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "listener " + l + " failed on revision " + after.revision()
            + " of " + scope + "; the change is committed", e);
      }
    }
  }

}
