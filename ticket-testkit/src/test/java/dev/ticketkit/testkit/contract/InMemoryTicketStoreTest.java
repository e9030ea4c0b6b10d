package dev.ticketkit.testkit.contract;

import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketStore;

/** Runs the store contract against {@link InMemoryTicketStore}. */
class InMemoryTicketStoreTest extends TicketStoreContract {

  @Override
  protected TicketStore createStore() {
    return InMemoryTicketStore.create();
  }
}
