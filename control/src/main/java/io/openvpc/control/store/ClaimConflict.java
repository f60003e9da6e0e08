package io.openvpc.control.store;

/** A unique key is already held by another owner. */
public final class ClaimConflict extends RuntimeException {
  public ClaimConflict(String namespace, String key) {
    super(namespace + " " + key + " is already taken", null, false, false);
  }
}
