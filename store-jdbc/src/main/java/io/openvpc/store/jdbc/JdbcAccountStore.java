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

/** Accounts and API keys over JDBC. */
final class JdbcAccountStore implements AccountStore {
  private final DataSource ds;

  JdbcAccountStore(DataSource ds) {
    this.ds = ds;
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

  private static void insertKey(Connection c, ApiKey key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO api_key (secret_id, secret_key, app_id, created_time) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, key.secretId());
      ps.setString(2, key.secretKey());
      ps.setLong(3, key.appId());
      ps.setTimestamp(4, Timestamp.from(key.createdTime()));
      ps.executeUpdate();
    }
  }

  @Override
  public Optional<ApiKey> findKey(String secretId) {
    List<ApiKey> keys = queryKeys("SELECT secret_id, secret_key, app_id, created_time FROM api_key WHERE secret_id = ?", secretId);
    return keys.stream().findFirst();
  }

  @Override
  public List<ApiKey> keys(long appId) {
    return queryKeys("SELECT secret_id, secret_key, app_id, created_time FROM api_key WHERE app_id = ? ORDER BY created_time, secret_id", appId);
  }

  private List<ApiKey> queryKeys(String sql, Object param) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        List<ApiKey> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new ApiKey(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant()));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreFailure("reading API keys", e);
    }
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
