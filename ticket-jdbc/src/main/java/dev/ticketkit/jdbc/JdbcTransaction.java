package dev.ticketkit.jdbc;

import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.ShapedSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * The ticket store's transaction as the unit of work of a commit sees it: it unwraps to the jOOQ
 * {@link DSLContext} (or the JDBC {@link Connection}) of the transaction, and collects undo
 * actions that run if the commit is abandoned. Confined to the committing thread.
 *
 * <p>The commit's writes are held back and sent together when the commit ends
 * ({@link #flush()}), with the writes TicketKit's own stores add inside the commit
 * ({@link #defer}): on PostgreSQL as ONE statement. A host's unit of work that unwraps the
 * transaction gets it with every held-back write sent first, so it sees the commit's rows as
 * before; TicketKit's stores read and write tables the held-back writes do not touch, through
 * {@link #direct()}. On PostgreSQL the statement that sends them when the commit ends carries
 * the transaction's {@code COMMIT} too ({@link #flushAndCommit()}): a write call is then two
 * round trips, the locked read and the writes with the commit.
 */
final class JdbcTransaction implements TransactionContext {

  /** A held-back write failed when a host's unit of work unwrapped the transaction. */
  static final class PendingWritesFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PendingWritesFailed(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }

  private final Deque<Runnable> undo = new ArrayDeque<>();
  private final List<ShapedSql.Statement> pending = new ArrayList<>();
  private final Map<ReadAlong, Object> prefetched = new HashMap<>();
  private final Consumer<ReadAlong> readAlong;
  private DSLContext sql;
  private ShapedSql shaped;

  /**
   * Creates the transaction of one commit.
   *
   * @param readAlong registers a read with the ticket store for its later commits
   */
  JdbcTransaction(Consumer<ReadAlong> readAlong) {
    this.readAlong = readAlong;
  }

  /** Keeps what a read sent along with the locked read of the ticket returned. */
  void prefetched(ReadAlong read, Object result) {
    prefetched.put(read, result);
  }

  /** Returns what a read returned in this commit if it was sent along, registering nothing. */
  Optional<Object> prefetched(ReadAlong read) {
    return Optional.ofNullable(prefetched.get(read));
  }

  /**
   * Returns what a read returned in this commit, if it was sent along with the locked read,
   * else registers it to be sent along in the ticket store's later commits.
   */
  Optional<Object> prefetchedOrLater(ReadAlong read) {
    Object result = prefetched.get(read);
    if (result == null) {
      readAlong.accept(read);
    }
    return Optional.ofNullable(result);
  }

  void bind(DSLContext transaction, ShapedSql statements) {
    this.sql = transaction;
    this.shaped = statements;
  }

  /** Holds writes back until the commit ends or a host unwraps the transaction. */
  void defer(List<ShapedSql.Statement> statements) {
    pending.addAll(statements);
  }

  /**
   * Returns the transaction's context without sending the held-back writes: for TicketKit's own
   * stores, whose statements here never depend on the commit's ticket rows.
   */
  DSLContext direct() {
    return Objects.requireNonNull(sql, "not bound");
  }

  /** Sends the held-back writes (one statement on PostgreSQL). */
  void flush() throws SQLException {
    if (!pending.isEmpty()) {
      shaped.executeAll(Database.connection(sql), takePending());
    }
  }

  /**
   * Tells whether {@link #flushAndCommit()} will send the {@code COMMIT} with the held-back
   * writes: on PostgreSQL when writes are still held back.
   */
  boolean commitsWithWrites() {
    return shaped.kind() == DatabaseKind.POSTGRESQL && !pending.isEmpty();
  }

  /**
   * Ends the commit's statements, after the unit of work has run: sends the held-back writes
   * and, when {@link #commitsWithWrites()}, the transaction's {@code COMMIT} in the same round
   * trip ({@link ShapedSql#executeAllAndCommit}). Nothing of the unit of work runs after it, so
   * the {@code COMMIT} covers all of the transaction's statements, a host's included. When a
   * host's unit of work unwrapped the transaction (which sent the held-back writes) and nothing
   * was held back after that, nothing is sent and the caller commits as before.
   *
   * @throws SQLException if the database refuses; if the {@code COMMIT} was sent, the
   *     transaction may have committed
   */
  void flushAndCommit() throws SQLException {
    if (commitsWithWrites()) {
      shaped.executeAllAndCommit(Database.connection(sql), takePending());
    } else {
      flush();
    }
  }

  private List<ShapedSql.Statement> takePending() {
    List<ShapedSql.Statement> now = List.copyOf(pending);
    pending.clear();
    return now;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    Objects.requireNonNull(type, "type");
    if (sql == null || (type != DSLContext.class && type != Connection.class)) {
      return Optional.empty();
    }
    try {
      flush();
    } catch (SQLException e) {
      throw new PendingWritesFailed(e);
    }
    return Optional.of(type.cast(type == DSLContext.class ? sql : Database.connection(sql)));
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
