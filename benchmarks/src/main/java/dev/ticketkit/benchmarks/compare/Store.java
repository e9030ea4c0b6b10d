package dev.ticketkit.benchmarks.compare;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ticketkit.jdbc.DatabaseKind;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A database the comparison's systems run on ({@code --stores}): the PostgreSQL server (the
 * reference), a MariaDB server, an embedded H2 file database, or an in-memory H2 database. Each
 * system gets a database of its own on it, created fresh and dropped afterwards, and a pool of
 * its own. What the store can count on its own side (server transactions, server CPU, its own
 * statement counters) it counts; what it cannot, it says so by returning nothing. Not
 * thread-safe: the harness's main thread uses it.
 */
interface Store extends AutoCloseable {

  /** Returns the name {@code --stores} and the report use: postgres, mariadb, h2, h2mem. */
  String name();

  /** Returns the product, for {@code JdbcTicketKit.builder().kind(...)}. */
  DatabaseKind kind();

  /**
   * Returns the version and the settings that decide durability and speed, on one line, so a
   * reader can compare the stores' commit guarantees.
   *
   * @return the description
   * @throws SQLException if the store cannot be asked
   */
  String describe() throws SQLException;

  /**
   * Drops (if present) and creates a database, with the schema in it when the store has schemas
   * inside databases (PostgreSQL); the other stores ignore the schema.
   *
   * @param database the database's name ({@code tk17_...})
   * @param schema the schema, or null
   * @throws SQLException if the store fails
   */
  void recreateDatabase(String database, String schema) throws SQLException;

  /**
   * Drops a database, ending its connections (H2: shuts it down and deletes its files).
   *
   * @param database the database's name
   * @throws SQLException if the store fails
   */
  void dropDatabase(String database) throws SQLException;

  /** Returns an unpooled data source on a database (for migrations that need two connections). */
  DataSource direct(String database, String schema);

  /** Returns the JDBC URL of a database, with the schema when the store uses one. */
  String urlOf(String database, String schema);

  /**
   * Opens a pool on a database: a fixed number of connections, all opened at once.
   *
   * @param database the database
   * @param schema the schema to put first on the search path, or null
   * @param size connections
   * @param connectionTimeoutMillis how long a borrower waits before failing
   * @return the pool
   */
  default HikariDataSource pool(String database, String schema, int size,
      long connectionTimeoutMillis) {
    return openPool(urlOf(database, schema), "tk17-" + name() + "-" + database, size,
        connectionTimeoutMillis);
  }

  /**
   * Opens a pool on a JDBC URL: a fixed number of connections, all opened at once.
   *
   * @param url the URL
   * @param name the pool's name
   * @param size connections
   * @param connectionTimeoutMillis how long a borrower waits before failing
   * @return the pool
   */
  static HikariDataSource openPool(String url, String name, int size,
      long connectionTimeoutMillis) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setConnectionTimeout(connectionTimeoutMillis);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }

  /**
   * Switches automatic statistics off for a schema's tables, where the store can (PostgreSQL:
   * autovacuum per table); the others do nothing.
   *
   * @param pool the system's pool
   * @param schema the schema
   * @throws SQLException if the store fails
   */
  default void disableStatistics(DataSource pool, String schema) throws SQLException {}

  /**
   * Gathers optimizer statistics for every table of a database.
   *
   * @param database the database
   * @param pool the system's pool
   * @throws SQLException if the store fails
   */
  void analyze(String database, DataSource pool) throws SQLException;

  /**
   * Returns the store's own count of a system's transactions so far, or -1 if it keeps none that
   * can be told apart from other clients' (then the report shows "-").
   *
   * @param system the system
   * @return committed plus rolled-back transactions, or -1
   * @throws SQLException if the store fails
   */
  default long transactions(LifecycleSystem system) throws SQLException {
    return -1;
  }

  /**
   * Returns the store's own statement counters for a system's connections so far (MariaDB:
   * session status summed over the pool's connections), empty if it has none.
   *
   * @param system the system
   * @return counter name to value
   * @throws SQLException if the store fails
   */
  default Map<String, Long> counters(LifecycleSystem system) throws SQLException {
    return Map.of();
  }

  /** Returns whether {@link #serverCpuMillis} measures anything (false: in-process store). */
  default boolean measuresServerCpu() {
    return false;
  }

  /**
   * Returns user plus system CPU time (ms) of the store's server processes that work for a
   * system, by a key that stays the same between two calls (pid, or thread).
   *
   * @param system the system
   * @return CPU by process, empty if not measured
   * @throws SQLException if the store fails
   */
  default Map<Integer, Double> serverCpuMillis(LifecycleSystem system) throws SQLException {
    return Map.of();
  }

  @Override
  void close() throws SQLException;
}
