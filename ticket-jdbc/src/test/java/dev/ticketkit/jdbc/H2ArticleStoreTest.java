package dev.ticketkit.jdbc;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.testkit.contract.ArticleStoreContract;
import org.junit.jupiter.api.AfterAll;

/** Runs ticket-kb's article store contract, unchanged, against the jOOQ store on H2. */
class H2ArticleStoreTest extends ArticleStoreContract {

  private static final TestKit DB = new TestKit(DatabaseKind.H2);

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected ArticleStore newStore() {
    return DB.kit().articleStore();
  }

  @Override
  protected void storeUnreadableArticle(TenantId owner, ArticleId id) {
    UnreadableArticleRows.insert(DB.dataSource(), owner, id);
  }
}
