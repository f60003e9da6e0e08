package io.openvpc.store.jdbc;

import io.openvpc.control.store.AccountStore;
import io.openvpc.control.store.ClaimConflict;
import io.openvpc.control.store.Store;
import io.openvpc.control.store.StoreTransaction;
import io.openvpc.model.Resource;
import io.openvpc.model.ResourceTypes;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/** The durable store over JDBC. */
public final class JdbcStore implements Store {
  private final Database database;
  private final DataSource ds;
  private final ResourceCodec codec = new ResourceCodec();
  private final JdbcAccountStore accounts;
  /** Scopes whose row is known to exist (rows are never deleted), so writes skip looking for it. */
  private final Set<Scope> knownScopes = ConcurrentHashMap.newKeySet();
  private final Map<Scope, ReentrantLock> writers = new ConcurrentHashMap<>();

  public JdbcStore(Database database) {
    this.database = database;
    this.ds = database.dataSource();
    this.accounts = new JdbcAccountStore(ds);
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
      return Topology.of(scope, revision, resources(c, scope));
    } catch (SQLException e) {
      throw new StoreFailure("loading " + scope, e);
    }
  }

  private List<Resource> resources(Connection c, Scope scope) throws SQLException {
    List<Resource> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT kind, body FROM resource WHERE app_id = ? AND region = ?")) {
      ps.setLong(1, scope.appId());
      ps.setString(2, scope.region());
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(codec.decode(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return out;
  }

  /**
   * Writers of one scope on this server queue here, in the JVM, before they take a connection: the
   * database's row lock still orders them against other servers, but they no longer hold pooled
   * connections while they wait, nor convoy on the row lock (with 8 writers on PostgreSQL that
   * convoy cost more than the work itself).
   */
  @Override
  public <T> T write(Scope scope, WriteWork<T> work) {
    ReentrantLock local = writers.computeIfAbsent(scope, s -> new ReentrantLock());
    local.lock();
    try {
      return writeLocked(scope, work);
    } finally {
      local.unlock();
    }
  }

  private <T> T writeLocked(Scope scope, WriteWork<T> work) {
    try (Connection c = ds.getConnection()) {
      if (!knownScopes.contains(scope)) {
        ensureScopeRow(c, scope);
        knownScopes.add(scope);
      }
      c.setAutoCommit(false);
      try {
        long locked = lock(c, scope);
        Tx tx = new Tx(c, scope, locked);
        T result = work.run(tx);
        c.commit();
        String durable = database.dialect().afterCommit();
        if (durable != null) {
          try (java.sql.Statement st = c.createStatement()) {
            st.execute(durable);
          }
        }
        for (Runnable action : tx.afterCommit) {
          action.run();
        }
        return result;
      } catch (RuntimeException | Error e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreFailure("writing " + scope, e);
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
    private final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();

    @Override
    public void afterCommit(Runnable action) {
      afterCommit.add(action);
    }

    private final Connection c;
    private final Scope scope;
    private final long revision;

    Tx(Connection c, Scope scope, long revision) {
      this.c = c;
      this.scope = scope;
      this.revision = revision;
    }

    @Override
    public long revision() {
      return revision;
    }

    @Override
    public Topology load() {
      try {
        return Topology.of(scope, revision, resources(c, scope));
      } catch (SQLException e) {
        throw new StoreFailure("loading " + scope, e);
      }
    }

    @Override
    public void put(Resource resource) {
      String kind = ResourceTypes.kind(resource.getClass());
      String body = codec.encode(resource);
      try (PreparedStatement ps = c.prepareStatement(database.dialect().upsertResource())) {
        ps.setString(1, resource.id());
        ps.setLong(2, scope.appId());
        ps.setString(3, scope.region());
        ps.setString(4, kind);
        ps.setString(5, body);
        if (ps.executeUpdate() != 1) {
          throw new SQLException("the ID " + resource.id() + " belongs to a resource of another scope");
        }
      } catch (SQLException e) {
        throw new StoreFailure("writing " + resource.id(), e);
      }
    }

    @Override
    public void delete(Class<? extends Resource> type, String id) {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM resource WHERE id = ? AND app_id = ? AND region = ?")) {
        ps.setString(1, id);
        ps.setLong(2, scope.appId());
        ps.setString(3, scope.region());
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new StoreFailure("deleting " + id, e);
      }
    }

    @Override
    public void claim(String namespace, String key, String owner) {
      Savepoint sp = null;
      try {
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
