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
}
