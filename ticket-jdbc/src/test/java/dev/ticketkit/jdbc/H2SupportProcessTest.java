package dev.ticketkit.jdbc;

import dev.ticketkit.core.store.RequesterIndex;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.testkit.contract.FollowUpLedgerContract;
import dev.ticketkit.jdbc.testing.TestKit;
import org.junit.jupiter.api.AfterAll;

/** Runs the support-process contract against the jOOQ store on H2. */
class H2SupportProcessTest extends FollowUpLedgerContract {

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
  protected RequesterIndex createRequesterIndex() {
    return kit.requesterIndex();
  }
}
