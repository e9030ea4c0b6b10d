package dev.ticketkit.jdbc;

import dev.ticketkit.core.routing.RosterStore;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.testkit.contract.RoutingContract;
import org.junit.jupiter.api.AfterAll;

/** Runs the routing contract against the jOOQ stores on Postgres. */
class PostgresRoutingTest extends RoutingContract {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);

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
  protected RosterStore createRosterStore() {
    return kit.rosterStore();
  }
}
