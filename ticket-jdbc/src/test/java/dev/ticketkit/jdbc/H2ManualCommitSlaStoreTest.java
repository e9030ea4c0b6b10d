package dev.ticketkit.jdbc;

import dev.ticketkit.jdbc.testing.TestKit;
import org.junit.jupiter.api.AfterAll;

/**
 * Runs ticket-sla's store contract against the jOOQ store on H2 through a pool that hands out
 * connections with auto-commit off: the store must not rely on the pool's mode.
 */
class H2ManualCommitSlaStoreTest extends H2SlaStoreTest {

  private static final TestKit MANUAL = new TestKit(DatabaseKind.H2, false);

  @AfterAll
  static void dropManualCommitDatabase() {
    MANUAL.close();
  }

  @Override
  protected TestKit db() {
    return MANUAL;
  }
}
