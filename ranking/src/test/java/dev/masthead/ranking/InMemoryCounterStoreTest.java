package dev.masthead.ranking;

/** The {@link CounterStore} contract on the in-memory store. */
class InMemoryCounterStoreTest extends CounterStoreContract {
  @Override
  protected CounterStore attach(StoreLayout layout) {
    return InMemoryCounterStore.create(layout);
  }
}
