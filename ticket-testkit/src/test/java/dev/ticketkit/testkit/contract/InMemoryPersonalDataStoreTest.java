package dev.ticketkit.testkit.contract;

import dev.ticketkit.core.privacy.PersonalDataStore;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketStore;
import java.util.List;

/** Runs the personal-data contract against {@link InMemoryTicketStore}, scanning its objects. */
class InMemoryPersonalDataStoreTest extends PersonalDataStoreContract {

  @Override
  protected TicketStore createStore() {
    return InMemoryTicketStore.create();
  }

  @Override
  protected PersonalDataStore personalData(TicketStore tickets) {
    return (InMemoryTicketStore) tickets;
  }

  @Override
  protected List<String> storedTexts(TicketStore tickets) {
    return StoredStrings.reachable(tickets);
  }
}
