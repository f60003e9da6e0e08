package io.openvpc.control.store;

/** The store contract on the in-memory store that control's unit tests use. */
class InMemoryStoreTest extends StoreContract {
  @Override
  protected Store createStore() {
    return new InMemoryStore();
  }
}
