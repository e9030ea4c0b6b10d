package dev.ticketkit.jdbc;

import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.jdbc.testing.TicketTransactions;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.testkit.contract.SlaStoreContract;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/**
 * Runs ticket-sla's store contract against the jOOQ store on H2 through a pool that hands out
 * connections with auto-commit off: the store must not rely on the pool's mode.
 */
class H2ManualCommitSlaStoreTest extends SlaStoreContract {

  private static final TestKit DB = new TestKit(DatabaseKind.H2, false);

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  protected SlaStore createStore() {
    return DB.kit().slaStore();
  }

  /** Tests share the database; each test's leftover index rows would be due for the next. */
  @AfterEach
  @Override
  protected void cleanUp() {
    JdbcTestSql.execute(DB.dataSource(), "delete from tk_sla_work");
  }

  @Override
  protected void inTicketTransaction(boolean commit, Consumer<TransactionContext> work) {
    TicketTransactions.run(DB, commit, work);
  }
}
