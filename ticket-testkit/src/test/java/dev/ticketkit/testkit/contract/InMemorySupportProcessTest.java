package dev.ticketkit.testkit.contract;

import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketStore;

/** Runs the support-process contract against {@link InMemoryTicketStore}. */
class InMemorySupportProcessTest extends HandoffContract {

  @Override
  protected TicketStore createStore() {
    return InMemoryTicketStore.create();
  }
}
