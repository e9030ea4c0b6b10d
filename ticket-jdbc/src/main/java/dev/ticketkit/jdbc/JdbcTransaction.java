package dev.ticketkit.jdbc;

import dev.ticketkit.core.store.TransactionContext;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The ticket store's transaction as the unit of work of a commit sees it: it unwraps to the jOOQ
 * {@link DSLContext} (or the JDBC {@link Connection}) of the transaction, and collects undo
 * actions that run if the commit is abandoned. Confined to the committing thread.
 */
final class JdbcTransaction implements TransactionContext {

  private final Deque<Runnable> undo = new ArrayDeque<>();
  private DSLContext sql;

  void bind(DSLContext transaction) {
    this.sql = transaction;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    Objects.requireNonNull(type, "type");
    if (sql != null && type == DSLContext.class) {
      return Optional.of(type.cast(sql));
    }
    if (sql != null && type == Connection.class) {
      return Optional.of(type.cast(sql.configuration().connectionProvider().acquire()));
    }
    return Optional.empty();
  }

  @Override
  public void onRollback(Runnable action) {
    undo.push(Objects.requireNonNull(action, "undo"));
  }

  /** Runs the undo actions, newest first, keeping the first failure's suppressed others. */
  void rollback(Throwable cause) {
    while (!undo.isEmpty()) {
      try {
        undo.pop().run();
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }
}
