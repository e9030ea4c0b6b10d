package dev.ticketkit.jdbc.internal;

import dev.ticketkit.core.TicketKitException;
import dev.ticketkit.jdbc.DatabaseKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Runs units of work on a host's data source: each in its own connection, either as one
 * transaction or in auto-commit for single reads, translating database failures.
 *
 * <p>A unit of work that throws a {@link TicketKitException} (a conflict, bad input) has its
 * transaction rolled back and the exception passes through unchanged; a {@link SQLException} or a
 * jOOQ {@link DataAccessException} is rolled back and translated by the {@link Failures} given at
 * construction, so no driver type reaches a caller. Thread-safe: it holds no connection between
 * calls.
 */
public final class Database {

  /** Builds the library exception that stands for a database failure. */
  @FunctionalInterface
  public interface Failures {
    /**
     * Returns the exception to throw.
     *
     * @param message what was being done
     * @param cause the database's exception
     * @return the library exception
     */
    RuntimeException translate(String message, Exception cause);
  }

  /** One unit of work against a {@link DSLContext} bound to a connection. */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @param sql the context bound to the unit's connection
     * @return the result
     * @throws SQLException if the driver fails
     */
    T run(DSLContext sql) throws SQLException;
  }

  /**
   * Thrown by {@link #ticketTransaction} when {@code COMMIT} itself failed, or by its work when a
   * statement that carried the {@code COMMIT} failed: the transaction may or may not have taken
   * effect, and the caller resolves which.
   */
  public static final class CommitFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param cause the driver's failure
     */
    public CommitFailedException(Exception cause) {
      super(cause);
    }
  }

  private final DataSource dataSource;
  private final DatabaseKind kind;
  private final SQLDialect dialect;
  private final Settings settings;
  private final Failures failures;
  private final ShapedSql shaped;

  /**
   * Creates the helper.
   *
   * @param dataSource the host's data source
   * @param kind the database product behind it
   * @param failures how failures are translated
   */
  public Database(DataSource dataSource, DatabaseKind kind, Failures failures) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.failures = Objects.requireNonNull(failures, "failures");
    this.dialect = dialectOf(kind);
    this.settings = new Settings()
        .withRenderQuotedNames(RenderQuotedNames.NEVER)
        .withExecuteLogging(false)
        .withFetchWarnings(false)
        .withRenderSchema(false);
    this.shaped = new ShapedSql(kind, DSL.using(dialect, settings));
  }

  /**
   * Returns a copy that translates failures differently, sharing the data source.
   *
   * @param other the other translation
   * @return the copy
   */
  public Database withFailures(Failures other) {
    return new Database(dataSource, kind, other);
  }

  /** @return the runner of statements rendered once per shape, for this database */
  public ShapedSql shaped() {
    return shaped;
  }

  /**
   * Returns the JDBC connection a context is bound to.
   *
   * @param sql a context from {@link #transaction} or {@link #read}
   * @return its connection
   */
  public static Connection connection(DSLContext sql) {
    return sql.configuration().connectionProvider().acquire();
  }

  /**
   * Opens a connection of the data source, for work that spans several calls (a report
   * reader's transaction); the caller closes it.
   *
   * @return the connection
   * @throws SQLException if the data source fails
   */
  public Connection openConnection() throws SQLException {
    return dataSource.getConnection();
  }

  /** @return the database product */
  public DatabaseKind kind() {
    return kind;
  }

  /**
   * Returns the jOOQ dialect of a database product.
   *
   * @param kind the product
   * @return the dialect
   */
  public static SQLDialect dialectOf(DatabaseKind kind) {
    return switch (kind) {
      case H2 -> SQLDialect.H2;
      case POSTGRESQL -> SQLDialect.POSTGRES;
      case MARIADB -> SQLDialect.MARIADB;
    };
  }

  /**
   * Runs work in one transaction: commits when it returns, rolls back when it throws.
   *
   * @param what what the work does, for error messages
   * @param work the work
   * @param <T> the result type
   * @return the work's result
   */
  public <T> T transaction(String what, Work<T> work) {
    return transaction(what, false, false, work);
  }

  /**
   * Runs work in one transaction like {@link #transaction}, except that a failure of the
   * {@code COMMIT} itself is thrown as {@link CommitFailedException}, untranslated, for a caller
   * that can read back whether the transaction took effect. The work may end the transaction
   * itself with its last statement (PostgreSQL: {@code <writes>; commit}) and throw
   * {@link CommitFailedException} when that statement fails; the {@code Connection.commit()}
   * that follows then has nothing to end (pgjdbc sends nothing in that state).
   *
   * @param what what the work does, for error messages
   * @param work the work
   * @param <T> the result type
   * @return the work's result
   */
  public <T> T ticketTransaction(String what, Work<T> work) {
    return transaction(what, false, true, work);
  }

  /**
   * Runs work in one transaction at READ COMMITTED isolation: the default of H2 and PostgreSQL,
   * and set explicitly on MariaDB (whose default, REPEATABLE READ, takes gap locks on range
   * scans that would block inserts by other transactions into the scanned range).
   *
   * @param what what the work does, for error messages
   * @param work the work
   * @param <T> the result type
   * @return the work's result
   */
  public <T> T readCommittedTransaction(String what, Work<T> work) {
    return transaction(what, kind == DatabaseKind.MARIADB, false, work);
  }

  private <T> T transaction(String what, boolean readCommitted, boolean resolvable,
      Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      int isolation = readCommitted ? connection.getTransactionIsolation() : -1;
      if (readCommitted) {
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
      connection.setAutoCommit(false);
      try {
        T result = work.run(bind(connection));
        commit(connection, resolvable);
        return result;
      } catch (Throwable t) {
        rollbackQuietly(connection, t);
        throw t;
      } finally {
        restore(connection, autoCommit, isolation);
      }
    } catch (SQLException | DataAccessException e) {
      throw failures.translate("cannot " + what + " (" + kind + ")", e);
    }
  }

  /**
   * Runs work in auto-commit mode: each statement sees the latest committed data and each
   * write is its own transaction. A pool that hands out connections with auto-commit off (a
   * common host setting) gets the connection switched to auto-commit for the work and back
   * after it; otherwise the pool would roll back the work's writes when the connection returns.
   *
   * @param what what the work does, for error messages
   * @param work the work
   * @param <T> the result type
   * @return the work's result
   */
  public <T> T read(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      if (!autoCommit) {
        connection.setAutoCommit(true);
      }
      try {
        return work.run(bind(connection));
      } finally {
        if (!autoCommit && !connection.isClosed()) {
          connection.setAutoCommit(false);
        }
      }
    } catch (SQLException | DataAccessException e) {
      throw failures.translate("cannot " + what + " (" + kind + ")", e);
    }
  }

  /**
   * Returns a context bound to a connection, with TicketKit's settings.
   *
   * @param connection the connection
   * @return the context
   */
  public DSLContext bind(Connection connection) {
    return DSL.using(connection, dialect, settings);
  }

  /**
   * Returns a context on the same connection and transaction as another one, with TicketKit's
   * dialect and settings (a unit of work may be handed a context configured by the host).
   *
   * @param other a context bound to a transaction
   * @return the context to run TicketKit's statements in
   */
  public DSLContext adopt(DSLContext other) {
    return DSL.using(other.configuration().derive(dialect).derive(settings));
  }

  private static void commit(Connection connection, boolean resolvable) throws SQLException {
    try {
      connection.commit();
    } catch (SQLException e) {
      if (resolvable) {
        throw new CommitFailedException(e);
      }
      throw e;
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static void restore(Connection connection, boolean autoCommit, int isolation) {
    try {
      if (autoCommit && !connection.isClosed()) {
        connection.setAutoCommit(true);
      }
      if (isolation >= 0 && !connection.isClosed()) {
        connection.setTransactionIsolation(isolation);
      }
    } catch (SQLException e) {
      // The connection is broken; closing it is all that is left to do.
    }
  }
}
