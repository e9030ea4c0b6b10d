package dev.ticketkit.kb.store;

/** Runs the store contract against the in-memory store. */
class InMemoryArticleStoreTest extends ArticleStoreContract {

  @Override
  protected ArticleStore newStore() {
    return ArticleStore.inMemory();
  }
}
