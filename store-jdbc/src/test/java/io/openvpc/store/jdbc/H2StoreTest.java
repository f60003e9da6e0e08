package io.openvpc.store.jdbc;

import io.openvpc.control.store.Store;
import io.openvpc.control.store.StoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 file, exactly as the server opens it. */
class H2StoreTest extends StoreContract {
  @TempDir
  Path dataDir;

  @Override
  protected Store createStore() {
    return new JdbcStore(Database.open(null, dataDir));
  }

  @Override
  protected Store openSecondStore() {
    return new JdbcStore(Database.open(null, dataDir));
  }
}
