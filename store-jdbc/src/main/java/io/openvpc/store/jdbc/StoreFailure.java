package io.openvpc.store.jdbc;

/** The database failed; the call that hit it fails as a whole with an internal error. */
public final class StoreFailure extends RuntimeException {
  public StoreFailure(String what, Throwable cause) {
    super(what + " failed: " + cause.getMessage(), cause);
  }
}
