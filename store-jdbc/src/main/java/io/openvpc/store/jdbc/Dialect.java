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
    throw new IllegalArgumentException("unsupported database URL " + Redaction.credentials(url)
        + "; use jdbc:postgresql://host:port/db or leave it empty for the embedded H2 file");
  }

  /**
   * One statement that takes the scope's row lock by bumping its revision and returns the new
   * revision: one round trip fewer, inside the lock, than UPDATE then SELECT.
   */
  /**
   * A statement run after each write transaction commits, before the call is acknowledged, or null.
   * With WRITE_DELAY=0 alone, a commit acknowledged under concurrency was still seen to be missing
   * after a SIGKILL (CrashDurabilityTest, about one run in three); CHECKPOINT writes H2's store to the
   * file before the reply. PostgreSQL's commit is durable by itself.
   */
  String afterCommit() {
    return this == H2 ? "CHECKPOINT" : null;
  }

  String bumpRevision() {
    String update = "UPDATE scope SET revision = revision + 1 WHERE app_id = ? AND region = ?";
    return this == H2 ? "SELECT revision FROM FINAL TABLE (" + update + ")" : update + " RETURNING revision";
  }

  /**
   * Inserts a resource or replaces its kind and body, in one statement, but only within its own scope:
   * a row of that ID in another scope is left alone and the update count is 0.
   */
  String upsertResource() {
    if (this == H2) {
      return "MERGE INTO resource t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS BIGINT), CAST(? AS VARCHAR(64)),"
          + " CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR))) s (id, app_id, region, kind, body) ON t.id = s.id"
          + " WHEN MATCHED AND t.app_id = s.app_id AND t.region = s.region THEN UPDATE SET kind = s.kind, body = s.body"
          + " WHEN NOT MATCHED THEN INSERT (id, app_id, region, kind, body) VALUES (s.id, s.app_id, s.region, s.kind, s.body)";
    }
    return "INSERT INTO resource (id, app_id, region, kind, body) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
        + " SET kind = EXCLUDED.kind, body = EXCLUDED.body"
        + " WHERE resource.app_id = EXCLUDED.app_id AND resource.region = EXCLUDED.region";
  }

  /**
   * Replaces the document of a resource of the given scope whose lists are stored as splices, and
   * advances its last splice seq by the number of splices about to be added; returns the new last seq
   * (no row when the resource is not there).
   */
  String updateListedResource() {
    String update = "UPDATE resource SET kind = ?, body = ?, splice_seq = splice_seq + ?"
        + " WHERE id = ? AND app_id = ? AND region = ?";
    return this == H2 ? "SELECT splice_seq FROM FINAL TABLE (" + update + ")" : update + " RETURNING splice_seq";
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
