package dev.ticketkit.testkit.contract;

import dev.ticketkit.kb.store.ArticleStore;

/** Runs the store contract against the in-memory store. */
class InMemoryArticleStoreTest extends ArticleStoreContract {

  @Override
  protected ArticleStore newStore() {
    return ArticleStore.inMemory();
  }
}
