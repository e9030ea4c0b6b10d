package dev.ticketkit.jdbc;

import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.testkit.contract.TicketStoreContract;
import org.junit.jupiter.api.AfterAll;

/**
 * Runs ticket-core's store contract against the jOOQ store on H2 through a pool that hands out
 * connections with auto-commit off: the store must not rely on the pool's auto-commit mode.
 */
class H2ManualCommitPoolTest extends TicketStoreContract {

  private static final TestKit DB = new TestKit(DatabaseKind.H2, false);

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected TicketStore createStore() {
    return DB.freshKit().ticketStore();
  }
}
