package io.openvpc.control.store;

import io.openvpc.model.Resource;
import io.openvpc.model.Topology;

/** The writes of one transaction on one scope. */
public interface StoreTransaction {
  /** The scope's revision as locked by this transaction; the commit makes it {@code revision() + 1}. */
  long revision();

  /** Every resource of the scope as this transaction sees it before its own writes. */
  Topology load();

  /** Inserts or replaces a resource. */
  void put(Resource resource);

  void delete(Class<? extends Resource> type, String id);

  /**
   * Claims a unique key (a private address in a VPC, say) for an owner. The database enforces the
   * uniqueness, so two servers can never hand out the same key.
   *
   * @throws ClaimConflict if another owner holds the key
   */
  void claim(String namespace, String key, String owner);

  void release(String namespace, String key);

  /**
   * Runs {@code action} once the transaction has committed, while this server still holds the scope's
   * write turn: the next writer of the scope on this server starts after it. Not run on rollback. An
   * exception from it is the action's own problem; the commit stands.
   */
  void afterCommit(Runnable action);
}
