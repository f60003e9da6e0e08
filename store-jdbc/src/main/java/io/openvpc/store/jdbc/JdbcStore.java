package io.openvpc.store.jdbc;

import io.openvpc.control.store.AccountStore;
import io.openvpc.control.store.ClaimConflict;
import io.openvpc.control.store.Store;
import io.openvpc.control.store.StoreTransaction;
import io.openvpc.model.Resource;
import io.openvpc.model.Scope;
import io.openvpc.model.Topology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/** The durable store over JDBC. */
public final class JdbcStore implements Store {
  private static final System.Logger LOG = System.getLogger(JdbcStore.class.getName());
  private final Database database;
  private final DataSource ds;
  private final ResourceRows rows;
  private final JdbcAccountStore accounts;
  /** Scopes whose row is known to exist (rows are never deleted), so writes skip looking for it. */
  private final Set<Scope> knownScopes = ConcurrentHashMap.newKeySet();
  private final Map<Scope, Writers> writers = new ConcurrentHashMap<>();

  public JdbcStore(Database database) {
    this.database = database;
    this.ds = database.dataSource();
    this.rows = new ResourceRows(new ResourceCodec(), database.dialect());
    this.accounts = new JdbcAccountStore(ds, database.secrets());
  }

  @Override
  public long revision(Scope scope) {
    try (Connection c = ds.getConnection()) {
      return revision(c, scope);
    } catch (SQLException e) {
      throw new StoreFailure("reading the revision of " + scope, e);
    }
  }

  private static long revision(Connection c, Scope scope) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM scope WHERE app_id = ? AND region = ?")) {
      ps.setLong(1, scope.appId());
      ps.setString(2, scope.region());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  @Override
  public Topology load(Scope scope) {
    try (Connection c = ds.getConnection()) {
      // The revision first: a snapshot may then be newer than its label, never older, and a newer
      // revision seen later simply reloads.
      long revision = revision(c, scope);
      return Topology.of(scope, revision, rows.load(c, scope));
    } catch (SQLException e) {
      throw new StoreFailure("loading " + scope, e);
    }
  }

  /**
   * Group commit. Writers of one scope on this server queue here, in the JVM, before they take a
   * connection; whoever holds the scope's turn takes every queued work (up to {@link #MAX_BATCH}) and
   * runs them one after another in one database transaction, each in a savepoint of its own once it
   * writes, then commits once and acknowledges them all. A commit (and H2's checkpoint) is the largest
   * part of a small write; under concurrency it is now paid once per batch. The database's row lock
   * still orders the batches of several servers, and no writer holds a pooled connection while it waits.
   */
  @Override
  public <T> T write(Scope scope, WriteWork<T> work) {
    Writers w = writers.computeIfAbsent(scope, s -> new Writers());
    Request<T> request = new Request<>(work);
    w.queue.add(request);
    w.turn.lock();
    try {
      while (!request.done) {
        List<Request<?>> batch = new ArrayList<>();
        for (Request<?> r; batch.size() < MAX_BATCH && (r = w.queue.poll()) != null; ) {
          batch.add(r);
        }
        if (batch.isEmpty()) {
          throw new IllegalStateException("the write of " + scope + " left the queue without running");
        }
        runBatch(scope, batch);
      }
    } finally {
      w.turn.unlock();
    }
    return request.outcome();
  }

  /** The number of works of a scope queued for their turn (for tests). */
  int waiting(Scope scope) {
    Writers w = writers.get(scope);
    return w == null ? 0 : w.queue.size();
  }

  /** The most works one transaction takes. */
  static final int MAX_BATCH = 64;

  /** The writers of one scope on this server: the queue of works and whose turn it is. */
  private static final class Writers {
    final ReentrantLock turn = new ReentrantLock();
    final Queue<Request<?>> queue = new ConcurrentLinkedQueue<>();
  }

  /** One work waiting for its batch, then its outcome. Written and read under the scope's turn. */
  private static final class Request<T> {
    final WriteWork<T> work;
    T result;
    Throwable failure;
    Tx tx;
    boolean done;

    Request(WriteWork<T> work) {
      this.work = work;
    }

    void run(Tx tx) {
      result = work.run(tx);
      this.tx = tx;
    }

    T outcome() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return result;
    }
  }

  private void runBatch(Scope scope, List<Request<?>> batch) {
    List<Request<?>> committed = List.of();
    try (Connection c = ds.getConnection()) {
      if (!knownScopes.contains(scope)) {
        ensureScopeRow(c, scope);
        knownScopes.add(scope);
      }
      c.setAutoCommit(false);
      try {
        long revision = lock(c, scope);
        long first = revision;
        Object token = new Object();
        List<Request<?>> succeeded = new ArrayList<>();
        for (Request<?> r : batch) {
          Tx tx = new Tx(c, scope, revision, token, batch.size() > 1);
          try {
            r.run(tx);
            succeeded.add(r);
            revision++;
          } catch (RuntimeException | Error e) {
            r.failure = e;
            if (tx.savepoint != null) {
              c.rollback(tx.savepoint); // its writes go; those of the works before it stay
            }
          }
        }
        if (succeeded.isEmpty()) {
          c.rollback();
        } else {
          if (revision != first + 1) { // the lock counted one work
            setRevision(c, scope, revision);
          }
          c.commit();
          String durable = database.dialect().afterCommit();
          if (durable != null) {
            try (java.sql.Statement st = c.createStatement()) {
              st.execute(durable);
            }
          }
          committed = succeeded;
        }
      } catch (SQLException | RuntimeException | Error e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException | Error e) {
      // the transaction is gone: no work of the batch took effect
      Throwable failure = e instanceof SQLException sql ? new StoreFailure("writing " + scope, sql) : e;
      for (Request<?> r : batch) {
        if (r.failure == null) {
          r.failure = failure;
        }
        r.done = true;
      }
      return;
    }
    try {
      for (Request<?> r : committed) {
        for (Runnable action : r.tx.afterCommit) {
          try {
            action.run();
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "an after-commit action of " + scope + " failed; the commit stands", e);
          }
        }
      }
    } finally {
      for (Request<?> r : batch) {
        r.done = true;
      }
    }
  }

  private static void setRevision(Connection c, Scope scope, long revision) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE scope SET revision = ? WHERE app_id = ? AND region = ?")) {
      ps.setLong(1, revision);
      ps.setLong(2, scope.appId());
      ps.setString(3, scope.region());
      ps.executeUpdate();
    }
  }

  private static void ensureScopeRow(Connection c, Scope scope) throws SQLException {
    if (revision(c, scope) > 0 || exists(c, scope)) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO scope (app_id, region, revision) VALUES (?, ?, 0)")) {
      ps.setLong(1, scope.appId());
      ps.setString(2, scope.region());
      ps.executeUpdate();
    } catch (SQLException e) {
      if (!Dialect.isUniqueViolation(e)) {
        throw e; // another server created it first: fine
      }
    }
  }

  private static boolean exists(Connection c, Scope scope) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM scope WHERE app_id = ? AND region = ?")) {
      ps.setLong(1, scope.appId());
      ps.setString(2, scope.region());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Takes the scope's row lock by bumping its revision; returns the revision before the bump. */
  private long lock(Connection c, Scope scope) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(database.dialect().bumpRevision())) {
      ps.setLong(1, scope.appId());
      ps.setString(2, scope.region());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("scope row of " + scope + " is missing");
        }
        return rs.getLong(1) - 1;
      }
    }
  }

  private final class Tx implements StoreTransaction {
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Connection c;
    private final Scope scope;
    private final long revision;
    private final Object batch;
    /** Whether the work shares its transaction with others, and so needs a savepoint before it writes. */
    private final boolean shared;
    /** Where to roll back to, should this work fail; set before its first write. */
    private Savepoint savepoint;

    Tx(Connection c, Scope scope, long revision, Object batch, boolean shared) {
      this.c = c;
      this.scope = scope;
      this.revision = revision;
      this.batch = batch;
      this.shared = shared;
    }

    @Override
    public void afterCommit(Runnable action) {
      afterCommit.add(action);
    }

    @Override
    public Object batch() {
      return batch;
    }

    private void beforeWrite() throws SQLException {
      if (shared && savepoint == null) {
        savepoint = c.setSavepoint();
      }
    }

    @Override
    public long revision() {
      return revision;
    }

    @Override
    public Topology load() {
      try {
        return Topology.of(scope, revision, rows.load(c, scope));
      } catch (SQLException e) {
        throw new StoreFailure("loading " + scope, e);
      }
    }

    @Override
    public void put(Resource resource) {
      put(resource, null);
    }

    @Override
    public void put(Resource resource, Resource previous) {
      try {
        beforeWrite();
        rows.put(c, scope, resource, previous);
      } catch (SQLException e) {
        throw new StoreFailure("writing " + resource.id(), e);
      }
    }

    @Override
    public void delete(Class<? extends Resource> type, String id) {
      try {
        beforeWrite();
        rows.delete(c, scope, type, id);
      } catch (SQLException e) {
        throw new StoreFailure("deleting " + id, e);
      }
    }

    @Override
    public void claim(String namespace, String key, String owner) {
      Savepoint sp = null;
      try {
        beforeWrite();
        sp = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO claim (namespace, claim_key, owner) VALUES (?, ?, ?)")) {
          ps.setString(1, namespace);
          ps.setString(2, key);
          ps.setString(3, owner);
          ps.executeUpdate();
        }
        c.releaseSavepoint(sp);
      } catch (SQLException e) {
        if (Dialect.isUniqueViolation(e)) {
          try {
            c.rollback(sp);
            if (owner.equals(holder(namespace, key))) {
              return; // claiming again what one already holds is no conflict
            }
          } catch (SQLException ignored) {
            // the transaction is rolled back as a whole by the caller anyway
          }
          throw new ClaimConflict(namespace, key);
        }
        throw new StoreFailure("claiming " + namespace + " " + key, e);
      }
    }

    private String holder(String namespace, String key) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement("SELECT owner FROM claim WHERE namespace = ? AND claim_key = ?")) {
        ps.setString(1, namespace);
        ps.setString(2, key);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    }

    @Override
    public void release(String namespace, String key) {
      try {
        beforeWrite();
      } catch (SQLException e) {
        throw new StoreFailure("releasing " + namespace + " " + key, e);
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM claim WHERE namespace = ? AND claim_key = ?")) {
        ps.setString(1, namespace);
        ps.setString(2, key);
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new StoreFailure("releasing " + namespace + " " + key, e);
      }
    }
  }

  @Override
  public AccountStore accounts() {
    return accounts;
  }

  public Database database() {
    return database;
  }

  @Override
  public void close() {
    database.close();
  }
}
