package dev.ticketkit.jdbc;

import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.testkit.contract.TicketStoreContract;
import dev.ticketkit.jdbc.testing.TestKit;
import org.junit.jupiter.api.AfterAll;

/** Runs ticket-core's store contract, unchanged, against the jOOQ store on PostgreSQL. */
class PostgresTicketStoreTest extends TicketStoreContract {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  /** Returns the test database; a subclass may run the contract on another pool. */
  protected TestKit db() {
    return DB;
  }

  @Override
  protected TicketStore createStore() {
    return db().freshKit().ticketStore();
  }
}
