package io.openvpc.control.store;

import io.openvpc.control.Account;
import io.openvpc.control.ApiKey;
import io.openvpc.model.Resource;
import io.openvpc.model.Scope;
import io.openvpc.model.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Store} in memory, for unit tests of control services (ONOS keeps one beside each real
 * store). It honours the same contract as the JDBC store ({@code StoreContract} checks both): one
 * writer per scope at a time, all-or-nothing commits, claims unique across every scope.
 */
public final class InMemoryStore implements Store {
  private final Map<Scope, ScopeState> scopes = new ConcurrentHashMap<>();
  private final Map<String, String> claims = new HashMap<>();
  /** The scope of every stored resource ID: IDs are unique across scopes, as the JDBC store's key is. */
  private final Map<String, Scope> idScopes = new ConcurrentHashMap<>();
  private final Accounts accounts = new Accounts();

  private static final class ScopeState {
    final ReentrantLock lock = new ReentrantLock();
    volatile Topology committed;

    ScopeState(Scope scope) {
      committed = Topology.empty(scope);
    }
  }

  private ScopeState state(Scope scope) {
    return scopes.computeIfAbsent(scope, ScopeState::new);
  }

  @Override
  public long revision(Scope scope) {
    ScopeState s = scopes.get(scope);
    return s == null ? 0 : s.committed.revision();
  }

  @Override
  public Topology load(Scope scope) {
    ScopeState s = scopes.get(scope);
    return s == null ? Topology.empty(scope) : s.committed;
  }

  @Override
  public <T> T write(Scope scope, WriteWork<T> work) {
    ScopeState s = state(scope);
    s.lock.lock();
    try {
      Tx tx = new Tx(scope, s.committed);
      try {
        T result = work.run(tx);
        s.committed = s.committed.apply(s.committed.revision() + 1, tx.puts.values(), tx.deletes.values());
        tx.deletes.keySet().forEach(id -> idScopes.remove(id, scope));
        tx.puts.keySet().forEach(id -> idScopes.put(id, scope));
        tx.afterCommit.forEach(Runnable::run);
        return result;
      } catch (RuntimeException | Error e) {
        tx.undoClaims();
        throw e;
      }
    } finally {
      s.lock.unlock();
    }
  }

  private final class Tx implements StoreTransaction {
    private final Scope scope;
    private final Topology base;
    private final Map<String, Resource> puts = new LinkedHashMap<>();
    private final Map<String, io.openvpc.model.ResourceKey> deletes = new LinkedHashMap<>();
    /** Claims taken (owner null) or released (previous owner) by this transaction, to undo on rollback. */
    private final List<String[]> claimLog = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    @Override
    public void afterCommit(Runnable action) {
      afterCommit.add(action);
    }

    Tx(Scope scope, Topology base) {
      this.scope = scope;
      this.base = base;
    }

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
      Scope holder = idScopes.get(resource.id());
      if (holder != null && !holder.equals(scope)) {
        throw new IllegalStateException("the ID " + resource.id() + " belongs to a resource of another scope");
      }
      deletes.remove(resource.id());
      puts.put(resource.id(), resource);
    }

    @Override
    public void delete(Class<? extends Resource> type, String id) {
      puts.remove(id);
      deletes.put(id, new io.openvpc.model.ResourceKey(type, id));
    }

    @Override
    public void claim(String namespace, String key, String owner) {
      String k = namespace + "\n" + key;
      synchronized (claims) {
        String holder = claims.get(k);
        if (holder != null) {
          if (holder.equals(owner)) {
            return;
          }
          throw new ClaimConflict(namespace, key);
        }
        claims.put(k, owner);
        claimLog.add(new String[] {k, null});
      }
    }

    @Override
    public void release(String namespace, String key) {
      String k = namespace + "\n" + key;
      synchronized (claims) {
        String previous = claims.remove(k);
        if (previous != null) {
          claimLog.add(new String[] {k, previous});
        }
      }
    }

    void undoClaims() {
      synchronized (claims) {
        for (int i = claimLog.size() - 1; i >= 0; i--) {
          String[] entry = claimLog.get(i);
          if (entry[1] == null) {
            claims.remove(entry[0]);
          } else {
            claims.put(entry[0], entry[1]);
          }
        }
      }
    }
  }

  @Override
  public AccountStore accounts() {
    return accounts;
  }

  @Override
  public void close() {}

  private static final class Accounts implements AccountStore {
    private final Map<Long, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public synchronized void create(Account account, ApiKey firstKey) {
      if (accounts.containsKey(account.appId()) || keys.containsKey(firstKey.secretId())
          || accounts.values().stream().anyMatch(a -> a.ownerUin().equals(account.ownerUin()))) {
        throw new IllegalStateException("account " + account.appId() + " or key " + firstKey.secretId() + " exists");
      }
      accounts.put(account.appId(), account);
      keys.put(firstKey.secretId(), firstKey);
    }

    @Override
    public synchronized void addKey(ApiKey key) {
      if (!accounts.containsKey(key.appId()) || keys.putIfAbsent(key.secretId(), key) != null) {
        throw new IllegalStateException("cannot add key " + key.secretId() + " to " + key.appId());
      }
    }

    @Override
    public Optional<ApiKey> findKey(String secretId) {
      return Optional.ofNullable(keys.get(secretId));
    }

    @Override
    public Optional<Account> find(long appId) {
      return Optional.ofNullable(accounts.get(appId));
    }

    @Override
    public List<Account> list() {
      return accounts.values().stream().sorted(Comparator.comparingLong(Account::appId)).toList();
    }

    @Override
    public List<ApiKey> keys(long appId) {
      return keys.values().stream().filter(k -> k.appId() == appId)
          .sorted(Comparator.comparing(ApiKey::createdTime).thenComparing(ApiKey::secretId)).toList();
    }
  }
}
