package dev.ticketkit.sla.store;

/** Runs the {@link SlaStore} contract against {@link InMemorySlaStore}. */
class InMemorySlaStoreTest extends SlaStoreContract {

  @Override
  protected SlaStore createStore() {
    return InMemorySlaStore.create();
  }
}
