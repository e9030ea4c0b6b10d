package dev.ticketkit.jdbc.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ticketkit.jdbc.DatabaseKind;
import dev.ticketkit.jdbc.JdbcTicketKit;
import javax.sql.DataSource;

/**
 * A migrated TicketKit database for one test class: created on first use (so a missing server
 * skips, or in CI fails, the test that needed it), pooled like a host's, dropped by
 * {@link #close()}. Not thread-safe to create; the kit it returns is.
 */
public final class TestKit implements AutoCloseable {

  private final DatabaseKind kind;
  private final boolean autoCommit;
  private TestDataSources database;
  private HikariDataSource pool;
  private JdbcTicketKit kit;

  /**
   * Prepares (but does not yet create) a database of a kind.
   *
   * @param kind the product
   */
  public TestKit(DatabaseKind kind) {
    this(kind, true);
  }

  /**
   * Prepares a database of a kind whose pool hands out connections in the given auto-commit
   * mode (hosts configure HikariCP with {@code autoCommit=false}, as Spring Boot setups often do).
   *
   * @param kind the product
   * @param autoCommit the pool's auto-commit setting
   */
  public TestKit(DatabaseKind kind, boolean autoCommit) {
    this.kind = kind;
    this.autoCommit = autoCommit;
  }

  /** Returns the kit, creating and migrating the database on first call. */
  public synchronized JdbcTicketKit kit() {
    if (kit == null) {
      database = TestDataSources.create(kind);
      HikariConfig config = new HikariConfig();
      config.setDataSource(database.dataSource());
      config.setMaximumPoolSize(24);
      config.setMinimumIdle(1);
      config.setAutoCommit(autoCommit);
      config.setPoolName("tk-" + database.name());
      pool = new HikariDataSource(config);
      try {
        kit = JdbcTicketKit.create(pool);
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }
    return kit;
  }

  /**
   * Returns a new kit on the same (migrated) database, so that its stores start without
   * commit participants or listeners.
   */
  public synchronized JdbcTicketKit freshKit() {
    kit();
    return JdbcTicketKit.builder().dataSource(pool).kind(kind).migrate(false).build();
  }

  /** Returns the pooled data source (creating the database on first call). */
  public synchronized DataSource dataSource() {
    kit();
    return pool;
  }

  /** Returns the isolated database (creating it on first call). */
  public synchronized TestDataSources database() {
    kit();
    return database;
  }

  /** Returns the product. */
  public DatabaseKind kind() {
    return kind;
  }

  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.close();
      database.close();
    }
    kit = null;
    pool = null;
    database = null;
  }
}
