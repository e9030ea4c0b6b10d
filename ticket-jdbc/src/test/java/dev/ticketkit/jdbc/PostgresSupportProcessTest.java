package dev.ticketkit.jdbc;

import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.testkit.contract.HandoffContract;
import dev.ticketkit.jdbc.testing.TestKit;
import org.junit.jupiter.api.AfterAll;

/** Runs the support-process contract against the jOOQ store on Postgres. */
class PostgresSupportProcessTest extends HandoffContract {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected TicketStore createStore() {
    return DB.freshKit().ticketStore();
  }
}
