package io.openvpc.control.store;

import io.openvpc.model.Resource;
import io.openvpc.model.Topology;

/** The writes of one transaction on one scope. */
public interface StoreTransaction {
  /** The scope's revision as locked by this transaction; the commit makes it {@code revision() + 1}. */
  long revision();

  /**
   * The database transaction this work runs in. A store may run the works of several writers of a
   * scope one after another in one transaction (group commit): each then sees the writes of those
   * before it, its {@link #revision()} is one more than theirs, and works of one batch return the same
   * object here. By default every work is a batch of its own.
   */
  default Object batch() {
    return this;
  }

  /** Every resource of the scope as this transaction sees it before its own writes. */
  Topology load();

  /** Inserts or replaces a resource. */
  void put(Resource resource);

  /**
   * Replaces {@code previous}, the version of the resource this store holds (committed, or written
   * earlier in this transaction), with {@code resource}; {@code previous} is null for a new resource. A
   * store may then write only what differs (one rule of a large security group, say) instead of the
   * whole resource. Passing a {@code previous} that is not what the store holds corrupts the resource.
   */
  default void put(Resource resource, Resource previous) {
    put(resource);
  }

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
