package io.openvpc.server.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data lives: shared by every command that opens the store. */
public final class StoreOptions {
  @Option(names = "--data-dir", description = "Data directory (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:OPENVPC_DATA_DIR:-${sys:user.home}/.openvpc}")
  public Path dataDir;

  @Option(names = "--database-url", description = "JDBC URL of a PostgreSQL database; default: the embedded H2 file in the data directory.",
      defaultValue = "${env:OPENVPC_DATABASE_URL}")
  public String databaseUrl;

  @Option(names = "--secrets-key-file", description = "The key that seals API secrets in the store (default: "
      + "secrets.key in the data directory, created on first use); every server and command on one database needs "
      + "the same key.", defaultValue = "${env:OPENVPC_SECRETS_KEY_FILE}")
  public Path secretsKeyFile;

  /** Opens the store these options name. */
  public io.openvpc.store.jdbc.Database open() {
    return io.openvpc.store.jdbc.Database.openWithSecretsKey(databaseUrl, dataDir, secretsKeyFile);
  }
}
