package dev.ticketkit.jdbc;

import dev.ticketkit.jdbc.testing.TestKit;
import org.junit.jupiter.api.AfterAll;

/**
 * Runs ticket-core's store contract against the jOOQ store on PostgreSQL through a pool that hands
 * out connections with auto-commit off: the store must not rely on the pool's mode.
 */
class PostgresManualCommitTicketStoreTest extends PostgresTicketStoreTest {

  private static final TestKit MANUAL = new TestKit(DatabaseKind.POSTGRESQL, false);

  @AfterAll
  static void dropManualCommitDatabase() {
    MANUAL.close();
  }

  @Override
  protected TestKit db() {
    return MANUAL;
  }
}
