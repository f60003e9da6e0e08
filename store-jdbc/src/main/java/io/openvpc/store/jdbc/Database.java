package io.openvpc.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A migrated connection pool on H2 or PostgreSQL, chosen by the JDBC URL. */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final String url;

  private Database(String url, String user, String password, int poolSize) {
    this.url = url;
    this.dialect = Dialect.of(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("openvpc");
    config.setAutoCommit(true);
    this.dataSource = new HikariDataSource(config);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  /**
   * Opens a database: {@code url} may be a JDBC URL ({@code jdbc:postgresql://127.0.0.1:5432/test}) or
   * {@code null} for the embedded H2 file in {@code dataDir}.
   */
  public static Database open(String url, Path dataDir) {
    if (url == null || url.isBlank()) {
      url = embeddedUrl(dataDir);
    }
    return open(url, null, null);
  }

  public static Database open(String url, String user, String password) {
    return new Database(url, user, password, url.startsWith("jdbc:h2:") ? 8 : 16);
  }

  /**
   * The embedded default: an H2 file that other processes (the {@code openvpc account} command while
   * the server runs) can open too ({@code AUTO_SERVER}), and that writes every commit to the file before
   * acknowledging it. In H2 2.3 {@code WRITE_DELAY=0} sets the MVStore's auto-commit delay to 0, and then
   * the end of every transaction with changes calls {@code MVStore.commit()}, which writes the chunk
   * synchronously (the default, 500 ms, leaves commits in memory for the background writer). Under
   * concurrency a commit was still seen to go unwritten (a killed server lost it), so the
   * store therefore follows each write transaction with a CHECKPOINT ({@link Dialect#afterCommit}). The write
   * is not fsynced: an acknowledged commit survives the process being killed, not a power loss; run on
   * PostgreSQL for that. CrashDurabilityTest kills the server mid-stream to hold this to account.
   */
  public static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("openvpc") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  public String url() {
    return url;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
