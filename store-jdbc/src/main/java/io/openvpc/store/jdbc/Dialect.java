package io.openvpc.store.jdbc;

import java.sql.SQLException;

/** The little that differs between the databases OpenVPC runs on. */
public enum Dialect {
  H2,
  POSTGRESQL;

  static Dialect of(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("unsupported database URL " + url
        + "; use jdbc:postgresql://host:port/db or leave it empty for the embedded H2 file");
  }

  /**
   * One statement that takes the scope's row lock by bumping its revision and returns the new
   * revision: one round trip fewer, inside the lock, than UPDATE then SELECT.
   */
  String bumpRevision() {
    String update = "UPDATE scope SET revision = revision + 1 WHERE app_id = ? AND region = ?";
    return this == H2 ? "SELECT revision FROM FINAL TABLE (" + update + ")" : update + " RETURNING revision";
  }

  /** Whether an exception is a unique-key violation (SQLSTATE 23505 on both). */
  static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
