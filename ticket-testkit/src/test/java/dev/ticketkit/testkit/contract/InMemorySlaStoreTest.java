package dev.ticketkit.testkit.contract;

import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.store.SlaStore;

/** Runs the {@link SlaStore} contract against {@link InMemorySlaStore}. */
class InMemorySlaStoreTest extends SlaStoreContract {

  @Override
  protected SlaStore createStore() {
    return InMemorySlaStore.create();
  }
}
