package dev.ticketkit.testkit.contract;

import dev.ticketkit.core.store.InMemoryRequesterIndex;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.RequesterIndex;
import dev.ticketkit.core.store.TicketStore;

/** Runs the support-process contract against {@link InMemoryTicketStore}. */
class InMemorySupportProcessTest extends FollowUpLedgerContract {

  @Override
  protected TicketStore createStore() {
    return InMemoryTicketStore.create();
  }

  @Override
  protected RequesterIndex createRequesterIndex() {
    return InMemoryRequesterIndex.create();
  }
}
