package dev.ticketkit.jdbc.testing;

import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.jdbc.internal.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Opens a real database transaction and hands work a {@link TransactionContext} over it, as the
 * jOOQ ticket store hands its commit participants: what the SLA contract's
 * {@code inTicketTransaction} needs.
 */
public final class TicketTransactions {

  private TicketTransactions() {}

  /**
   * Runs work in a transaction of the test database, then commits or rolls back.
   *
   * @param db the test database
   * @param commit true to commit
   * @param work the work
   */
  public static void run(TestKit db, boolean commit, Consumer<TransactionContext> work) {
    Deque<Runnable> undo = new ArrayDeque<>();
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      DSLContext sql = DSL.using(c, Database.dialectOf(db.kind()));
      try {
        work.accept(new TransactionContext() {
          @Override
          public <T> Optional<T> unwrap(Class<T> type) {
            return type == DSLContext.class ? Optional.of(type.cast(sql)) : Optional.empty();
          }

          @Override
          public void onRollback(Runnable action) {
            undo.push(action);
          }
        });
        if (commit) {
          c.commit();
        } else {
          c.rollback();
          undo.forEach(Runnable::run);
        }
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
