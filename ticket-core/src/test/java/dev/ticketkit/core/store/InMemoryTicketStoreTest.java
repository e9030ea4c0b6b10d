package dev.ticketkit.core.store;

/** Runs the store contract against {@link InMemoryTicketStore}. */
class InMemoryTicketStoreTest extends TicketStoreContract {

  @Override
  protected TicketStore createStore() {
    return InMemoryTicketStore.create();
  }
}
