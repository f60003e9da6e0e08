package io.openvpc.store.jdbc;

import io.openvpc.control.Account;
import io.openvpc.control.ApiKey;
import io.openvpc.control.store.AccountStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Accounts and API keys over JDBC. Secret keys are written sealed ({@link SecretSeal}); a key that an
 * earlier version stored in plain text is sealed in place the first time it is read.
 */
final class JdbcAccountStore implements AccountStore {
  private static final String KEY_COLUMNS = "SELECT secret_id, secret_key, sealed_key, app_id, created_time FROM api_key";
  private final DataSource ds;
  private final SecretSeal seal;

  JdbcAccountStore(DataSource ds, SecretSeal seal) {
    this.ds = ds;
    this.seal = seal;
  }

  @Override
  public void create(Account account, ApiKey firstKey) {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO account (app_id, owner_uin, name, created_time) VALUES (?, ?, ?, ?)")) {
          ps.setLong(1, account.appId());
          ps.setString(2, account.ownerUin());
          ps.setString(3, account.name());
          ps.setTimestamp(4, Timestamp.from(account.createdTime()));
          ps.executeUpdate();
        }
        insertKey(c, firstKey);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreFailure("creating account " + account.appId(), e);
    }
  }

  @Override
  public void addKey(ApiKey key) {
    try (Connection c = ds.getConnection()) {
      insertKey(c, key);
    } catch (SQLException e) {
      throw new StoreFailure("adding a key to account " + key.appId(), e);
    }
  }

  private void insertKey(Connection c, ApiKey key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO api_key (secret_id, sealed_key, app_id, created_time) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, key.secretId());
      ps.setString(2, seal.seal(key.secretId(), key.secretKey()));
      ps.setLong(3, key.appId());
      ps.setTimestamp(4, Timestamp.from(key.createdTime()));
      ps.executeUpdate();
    }
  }

  @Override
  public Optional<ApiKey> findKey(String secretId) {
    List<ApiKey> keys = queryKeys(KEY_COLUMNS + " WHERE secret_id = ?", secretId);
    return keys.stream().findFirst();
  }

  @Override
  public List<ApiKey> keys(long appId) {
    return queryKeys(KEY_COLUMNS + " WHERE app_id = ? ORDER BY created_time, secret_id", appId);
  }

  private List<ApiKey> queryKeys(String sql, Object param) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        List<ApiKey> out = new ArrayList<>();
        while (rs.next()) {
          String secretId = rs.getString(1);
          String plain = rs.getString(2);
          String sealed = rs.getString(3);
          String secret = sealed != null ? seal.open(secretId, sealed) : sealInPlace(c, secretId, plain);
          out.add(new ApiKey(secretId, secret, rs.getLong(4), rs.getTimestamp(5).toInstant()));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreFailure("reading API keys", e);
    }
  }

  /**
   * Seals a key stored in plain text by an earlier version, and forgets the plain text; only the row
   * as read is changed, so a concurrent reader doing the same does no harm.
   */
  private String sealInPlace(Connection c, String secretId, String plain) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE api_key SET sealed_key = ?, secret_key = NULL WHERE secret_id = ? AND secret_key = ?")) {
      ps.setString(1, seal.seal(secretId, plain));
      ps.setString(2, secretId);
      ps.setString(3, plain);
      ps.executeUpdate();
    }
    return plain;
  }

  @Override
  public Optional<Account> find(long appId) {
    return queryAccounts("SELECT app_id, owner_uin, name, created_time FROM account WHERE app_id = ?", appId)
        .stream().findFirst();
  }

  @Override
  public List<Account> list() {
    return queryAccounts("SELECT app_id, owner_uin, name, created_time FROM account ORDER BY app_id", null);
  }

  private List<Account> queryAccounts(String sql, Object param) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      if (param != null) {
        ps.setObject(1, param);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<Account> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreFailure("reading accounts", e);
    }
  }
}
