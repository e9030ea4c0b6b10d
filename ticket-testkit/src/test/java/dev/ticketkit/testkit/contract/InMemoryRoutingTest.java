package dev.ticketkit.testkit.contract;

import dev.ticketkit.core.routing.InMemoryRosterStore;
import dev.ticketkit.core.routing.RosterStore;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketStore;

/** Runs the routing contract against {@link InMemoryTicketStore} and {@link InMemoryRosterStore}. */
class InMemoryRoutingTest extends RoutingContract {

  @Override
  protected TicketStore createStore() {
    return InMemoryTicketStore.create();
  }

  @Override
  protected RosterStore createRosterStore() {
    return InMemoryRosterStore.create();
  }
}
