package io.openvpc.store.jdbc;

import io.openvpc.control.store.Store;
import io.openvpc.control.store.StoreContract;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on PostgreSQL at {@code OPENVPC_TEST_POSTGRES_URL} (CI starts it; default
 * {@value TestPostgres#DEFAULT_URL}). Skipped, saying why, only when that database cannot be reached.
 */
class PostgresStoreTest extends StoreContract {
  @BeforeAll
  static void requirePostgres() {
    Assumptions.assumeTrue(TestPostgres.reachable(), TestPostgres::unreachableMessage);
  }

  @Override
  protected Store createStore() {
    return new JdbcStore(Database.open(TestPostgres.url(), null, null));
  }

  @Override
  protected Store openSecondStore() {
    return new JdbcStore(Database.open(TestPostgres.url(), null, null));
  }
}
