package io.openvpc.control.store;

import io.openvpc.model.Scope;
import io.openvpc.model.Topology;

/** Durable storage of accounts and resources. Implementations must be safe for concurrent use. */
public interface Store extends AutoCloseable {

  /** The latest committed revision of a scope (0 for a scope never written). */
  long revision(Scope scope);

  /** Every committed resource of a scope, at its latest revision. */
  Topology load(Scope scope);

  /**
   * Runs {@code work} in a transaction that holds the scope's write lock, so writers of one scope (on
   * this server or another sharing the database) run one at a time. When {@code work} returns, its
   * writes commit and the revision increases by one; when it throws, none of its writes is kept. A
   * store may commit the works of concurrent writers together ({@link StoreTransaction#batch}); each
   * call still returns only once its writes are committed.
   */
  <T> T write(Scope scope, WriteWork<T> work);

  AccountStore accounts();

  @Override
  void close();

  /** The body of a write transaction. */
  @FunctionalInterface
  interface WriteWork<T> {
    T run(StoreTransaction tx);
  }
}
