package dev.ticketkit.benchmarks.compare;

import dev.ticketkit.jdbc.DatabaseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The local MariaDB server as the comparison sees it ({@code --stores=mariadb}): a database per
 * system ({@code utf8mb4}, binary collation, as the library's tests create them), and what the
 * server counts for a system's connections.
 *
 * <p>MariaDB keeps no per-database transaction counter, and {@code performance_schema} is off
 * here, so the server's own counts come from each pooled connection's session status
 * ({@code Questions}: every statement the server received, including the driver's own
 * {@code SET autocommit} and {@code COMMIT}; {@code Com_commit}, {@code Com_rollback}: explicit
 * transaction ends; {@code Com_set_option}: {@code SET} statements), read by borrowing every
 * connection of the system's pool at once while the system is idle. The server's CPU is the
 * whole {@code mariadbd} process (its connection threads cannot be told apart without
 * {@code performance_schema}), so it includes any other client's work at the same time.
 *
 * <p>The server comes from {@code -Dticketkit.bench.mariadb.url} (default
 * {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}). Not thread-safe: the harness's main
 * thread uses it.
 */
final class MariaDbServer implements Store {

  static final String URL = System.getProperty("ticketkit.bench.mariadb.url",
      "jdbc:mariadb://127.0.0.1:3306/test?user=root");
  private static final Pattern URL_PARTS = Pattern.compile("^(jdbc:mariadb://[^/]+/)([^?]*)(.*)$");
  /** The session counters summed per system. */
  static final List<String> COUNTERS =
      List.of("QUESTIONS", "COM_COMMIT", "COM_ROLLBACK", "COM_SET_OPTION");
  /** The sum of the pool's connection ids: equal in two readings if the pool kept them. */
  static final String CONNECTION_IDS = "connection ids";
  /** How many connections were read (each reading adds one to their {@code QUESTIONS}). */
  static final String READINGS = "readings";
  private static final List<String> SETTINGS = List.of("innodb_flush_log_at_trx_commit",
      "sync_binlog", "log_bin", "binlog_format", "innodb_doublewrite", "innodb_flush_method",
      "innodb_buffer_pool_size", "innodb_log_file_size", "tx_isolation",
      "innodb_stats_auto_recalc", "performance_schema", "thread_handling");

  private final Connection admin;
  private final long ticksPerSecond;
  private final int pid;

  MariaDbServer() throws SQLException {
    admin = DriverManager.getConnection(URL);
    ticksPerSecond = PostgresServer.clockTicks();
    pid = serverPid();
  }

  @Override
  public String name() {
    return "mariadb";
  }

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.MARIADB;
  }

  @Override
  public String describe() throws SQLException {
    Map<String, String> values = new HashMap<>();
    try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(
        "show global variables where variable_name in ('" + String.join("','", SETTINGS) + "')")) {
      while (rs.next()) {
        values.put(rs.getString(1), rs.getString(2));
      }
    }
    StringJoiner line = new StringJoiner(", ", "MariaDB " + queryString("select version()")
        + ", ", " at " + URL + (pid > 0 ? " (mariadbd pid " + pid + ")" : " (mariadbd not found:"
        + " no server CPU)"));
    for (String setting : SETTINGS) {
      line.add(setting + " " + values.getOrDefault(setting, "?"));
    }
    return line.toString();
  }

  @Override
  public void recreateDatabase(String database, String schema) throws SQLException {
    dropDatabase(database);
    execute("create database " + database + " character set utf8mb4 collate utf8mb4_bin");
  }

  @Override
  public void dropDatabase(String database) throws SQLException {
    execute("drop database if exists " + database);
  }

  @Override
  public DataSource direct(String database, String schema) {
    try {
      return new MariaDbDataSource(urlOf(database, schema));
    } catch (SQLException e) {
      throw new IllegalArgumentException("bad MariaDB URL " + urlOf(database, schema), e);
    }
  }

  @Override
  public String urlOf(String database, String schema) {
    Matcher m = URL_PARTS.matcher(URL);
    if (!m.matches()) {
      throw new IllegalArgumentException("expected jdbc:mariadb://host:port/db?...: " + URL);
    }
    return m.group(1) + database + m.group(3);
  }

  /** Runs {@code ANALYZE TABLE} over every table of the database, in one statement. */
  @Override
  public void analyze(String database, DataSource pool) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(
        "select table_name from information_schema.tables where table_schema = '" + database
            + "' and table_type = 'BASE TABLE'")) {
      while (rs.next()) {
        tables.add(database + ".`" + rs.getString(1) + "`");
      }
    }
    if (!tables.isEmpty()) {
      try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(
          "analyze table " + String.join(", ", tables))) {
        while (rs.next()) {
          // drain: one status row per table
        }
      }
    }
  }

  /**
   * Sums the session counters of every connection of the system's pool. Borrows them all at
   * once (the system must be idle); each reading is one statement, which the caller subtracts
   * ({@link #COUNTERS} {@code QUESTIONS} grows by one per connection per reading).
   */
  @Override
  public Map<String, Long> counters(LifecycleSystem system) throws SQLException {
    Map<String, Long> sums = new LinkedHashMap<>();
    COUNTERS.forEach(c -> sums.put(c, 0L));
    List<Connection> borrowed = new ArrayList<>();
    try {
      for (int i = 0; i < system.pool().getMaximumPoolSize(); i++) {
        borrowed.add(system.pool().getConnection());
      }
      for (Connection c : borrowed) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
            "select connection_id(), variable_name, variable_value from"
                + " information_schema.session_status where variable_name in ('"
                + String.join("','", COUNTERS) + "')")) {
          long id = 0;
          while (rs.next()) {
            id = rs.getLong(1);
            sums.merge(rs.getString(2).toUpperCase(java.util.Locale.ROOT),
                Long.parseLong(rs.getString(3)), Long::sum);
          }
          sums.merge(CONNECTION_IDS, id, Long::sum);
        }
      }
    } finally {
      for (Connection c : borrowed) {
        c.close();
      }
    }
    sums.put(READINGS, (long) borrowed.size());
    return sums;
  }

  @Override
  public boolean measuresServerCpu() {
    return pid > 0;
  }

  /** Returns the whole {@code mariadbd} process's CPU (every client's work). */
  @Override
  public Map<Integer, Double> serverCpuMillis(LifecycleSystem system) {
    if (pid <= 0) {
      return Map.of();
    }
    double ms = PostgresServer.processCpuMillis(pid, ticksPerSecond);
    return ms < 0 ? Map.of() : Map.of(pid, ms);
  }

  /** Finds the server process on this machine by its name; -1 if it is not here. */
  private static int serverPid() {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> {
            try {
              String comm = Files.readString(p.resolve("comm")).trim();
              return comm.equals("mariadbd") || comm.equals("mysqld");
            } catch (IOException e) {
              return false;
            }
          })
          .map(p -> Integer.parseInt(p.getFileName().toString())).findFirst().orElse(-1);
    } catch (IOException e) {
      return -1;
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.execute(sql);
    }
  }

  private String queryString(String sql) throws SQLException {
    try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Override
  public void close() throws SQLException {
    admin.close();
  }
}
