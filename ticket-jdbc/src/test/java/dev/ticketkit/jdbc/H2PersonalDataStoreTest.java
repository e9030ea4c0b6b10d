package dev.ticketkit.jdbc;

import dev.ticketkit.core.privacy.PersonalDataStore;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.testkit.contract.PersonalDataStoreContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * Runs the personal-data contract against the jOOQ store on H2, scanning every text and
 * JSON column of every TicketKit table (the knowledge base's too).
 */
class H2PersonalDataStoreTest extends PersonalDataStoreContract {

  private static final TestKit DB = new TestKit(DatabaseKind.H2);

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  private JdbcTicketKit kit;

  @Override
  protected TicketStore createStore() {
    kit = DB.freshKit();
    return kit.ticketStore();
  }

  @Override
  protected ArticleStore articleStore(TicketStore tickets) {
    return kit.articleStore();
  }

  @Override
  protected PersonalDataStore personalData(TicketStore tickets) {
    return (PersonalDataStore) tickets;
  }

  @Override
  protected List<String> storedTexts(TicketStore tickets) {
    return StoredTextScan.all(DB.dataSource(), DB.kind() == DatabaseKind.MARIADB);
  }
}
