package dev.ticketkit.jdbc;

import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.testkit.contract.TicketStoreContract;
import dev.ticketkit.jdbc.testing.TestKit;
import org.junit.jupiter.api.AfterAll;

/** Runs ticket-core's store contract, unchanged, against the jOOQ store on H2. */
class H2TicketStoreTest extends TicketStoreContract {

  private static final TestKit DB = new TestKit(DatabaseKind.H2);

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
