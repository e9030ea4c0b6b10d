package dev.ticketkit.testkit.contract;

import dev.ticketkit.core.privacy.PersonalDataStore;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.kb.store.ArticleStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the personal-data contract against {@link InMemoryTicketStore} and the in-memory article
 * store, scanning their objects.
 */
class InMemoryPersonalDataStoreTest extends PersonalDataStoreContract {

  @Override
  protected TicketStore createStore() {
    return InMemoryTicketStore.create();
  }

  @Override
  protected PersonalDataStore personalData(TicketStore tickets) {
    return (InMemoryTicketStore) tickets;
  }

  private final ArticleStore articles = ArticleStore.inMemory();

  @Override
  protected ArticleStore articleStore(TicketStore tickets) {
    return articles;
  }

  @Override
  protected List<String> storedTexts(TicketStore tickets) {
    List<String> all = new ArrayList<>(StoredStrings.reachable(tickets));
    all.addAll(StoredStrings.reachable(articles));
    return all;
  }
}
