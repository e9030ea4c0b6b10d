package dev.ticketkit.jdbc;

import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.jdbc.testing.TicketTransactions;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.testkit.contract.SlaStoreContract;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/** Runs ticket-sla's store contract, unchanged, against the jOOQ store on H2. */
class H2SlaStoreTest extends SlaStoreContract {

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
  protected SlaStore createStore() {
    return db().kit().slaStore();
  }

  /** Tests share the database; each test's leftover index rows would be due for the next. */
  @AfterEach
  @Override
  protected void cleanUp() {
    JdbcTestSql.execute(db().dataSource(), "delete from tk_sla_work");
  }

  @Override
  protected void inTicketTransaction(boolean commit, Consumer<TransactionContext> work) {
    TicketTransactions.run(db(), commit, work);
  }
}
