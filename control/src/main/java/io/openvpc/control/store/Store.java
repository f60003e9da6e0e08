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
   * Runs {@code work} in one transaction that holds the scope's write lock, so writers of one scope
   * (on this server or another sharing the database) run one at a time. When {@code work} returns the
   * writes commit and the revision increases by one; when it throws, nothing is written.
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
