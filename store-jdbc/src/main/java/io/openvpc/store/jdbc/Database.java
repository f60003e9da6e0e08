package io.openvpc.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A migrated connection pool on H2 or PostgreSQL, chosen by the JDBC URL. */
public final class Database implements AutoCloseable {
  static {
    // H2's AUTO_SERVER opens a TCP port so that a second process (`openvpc account`) can use the file
    // while the server runs. H2 binds it to the system property h2.bindAddress, read once when its
    // SysProperties class loads, and to every interface when that is unset: anyone on the network
    // could then connect, guarded only by the key in the lock file. Loopback it is, set before H2
    // reads it; open() refuses an AUTO_SERVER database if H2 read another value first.
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final String url;
  private final SecretSeal secrets;

  private Database(String url, String user, String password, int poolSize, SecretSeal secrets) {
    this.url = url;
    this.dialect = Dialect.of(url);
    this.secrets = secrets;
    if (autoServer(url)) {
      requireLoopbackAutoServer();
    }
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
   * {@code null} for the embedded H2 file in {@code dataDir}; API secrets are sealed with the key in
   * the data directory's {@value SecretSeal#DEFAULT_FILE}.
   */
  public static Database open(String url, Path dataDir) {
    return openWithSecretsKey(url, dataDir, null);
  }

  /**
   * As {@link #open(String, Path)}, with the secrets key in {@code secretsKeyFile} (null: the data
   * directory's). The data directory is made private to its owner (0700) and the embedded database's
   * files (0600), those H2 creates as it opens included.
   */
  public static Database openWithSecretsKey(String url, Path dataDir, Path secretsKeyFile) {
    if (dataDir == null) {
      if (url == null || url.isBlank()) {
        throw new IllegalArgumentException("the embedded database needs a data directory");
      }
      return new Database(url, null, null, poolSize(url),
          secretsKeyFile != null ? SecretSeal.fromFile(secretsKeyFile) : SecretSeal.ephemeral());
    }
    PrivateFiles.directory(dataDir);
    if (url == null || url.isBlank()) {
      url = embeddedUrl(dataDir);
    }
    SecretSeal secrets = SecretSeal.fromFile(secretsKeyFile != null ? secretsKeyFile
        : dataDir.resolve(SecretSeal.DEFAULT_FILE));
    Database db = new Database(url, null, null, poolSize(url), secrets);
    PrivateFiles.restrictContents(dataDir);
    return db;
  }

  /** A database without a data directory (tools, tests): its secrets are sealed with a key of this JVM only. */
  public static Database open(String url, String user, String password) {
    return new Database(url, user, password, poolSize(url), SecretSeal.ephemeral());
  }

  private static int poolSize(String url) {
    return url.startsWith("jdbc:h2:") ? 8 : 16;
  }

  /**
   * The embedded default: an H2 file that other processes (the {@code openvpc account} command while
   * the server runs) can open too ({@code AUTO_SERVER}, on loopback only), and that writes every commit
   * to the file before acknowledging it. In H2 2.3 {@code WRITE_DELAY=0} sets the MVStore's auto-commit
   * delay to 0, and then the end of every transaction with changes calls {@code MVStore.commit()}, which
   * writes the chunk synchronously (the default, 500 ms, leaves commits in memory for the background
   * writer). Under concurrency a commit was still seen to go unwritten (a killed server lost it), so the
   * store therefore follows each write transaction with a CHECKPOINT ({@link Dialect#afterCommit}). The write
   * is not fsynced: an acknowledged commit survives the process being killed, not a power loss; run on
   * PostgreSQL for that. CrashDurabilityTest kills the server mid-stream to hold this to account.
   * {@code TRACE_LEVEL_FILE=4} sends H2's own diagnostics to the server's log (SLF4J) instead of an
   * {@code openvpc.trace.db} file that H2 would create with the process's umask.
   */
  public static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("openvpc")
        + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;TRACE_LEVEL_FILE=4";
  }

  private static boolean autoServer(String url) {
    return url.startsWith("jdbc:h2:") && url.toUpperCase(Locale.ROOT).replace(" ", "").contains(";AUTO_SERVER=TRUE");
  }

  /** H2 read its bind address once; an auto-server on any other than loopback is refused. */
  private static void requireLoopbackAutoServer() {
    String bind = org.h2.engine.SysProperties.BIND_ADDRESS;
    boolean loopback;
    try {
      loopback = bind != null && !bind.isBlank() && InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      loopback = false;
    }
    if (!loopback) {
      throw new IllegalStateException("H2's AUTO_SERVER would listen on " + (bind == null || bind.isBlank()
          ? "every interface" : bind) + ", not loopback: set -Dh2.bindAddress=127.0.0.1 (or run on PostgreSQL)");
    }
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

  /** The URL with its credentials masked, for logs and messages. */
  public String redactedUrl() {
    return Redaction.credentials(url);
  }

  /** How API secrets are sealed in this database. */
  public SecretSeal secrets() {
    return secrets;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
