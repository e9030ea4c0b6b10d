package dev.ticketkit.benchmarks.compare;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ticketkit.jdbc.DatabaseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The local PostgreSQL server as the comparison sees it: a database per system, pools, the
 * server's own counters ({@code pg_stat_database}) and the CPU time of a database's backend
 * processes read from {@code /proc} (the server must run on this machine).
 *
 * <p>The server comes from {@code -Dticketkit.bench.postgres.url} (default: the local test
 * server, database {@code test}); the systems' databases are created beside it. The reference
 * store of {@code --stores} ({@code postgres}). Not thread-safe: the harness's main thread uses
 * it.
 */
final class PostgresServer implements Store {

  static final String URL = System.getProperty("ticketkit.bench.postgres.url",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  private static final Pattern URL_PARTS =
      Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]*)(\\?(.*))?$");
  /** How long idle backends take to report their statistics (PostgreSQL 15: 10 s). */
  static final long STATS_FLUSH_MILLIS = 11_000;

  private final Connection admin;
  private final long ticksPerSecond;

  PostgresServer() throws SQLException {
    admin = DriverManager.getConnection(URL);
    ticksPerSecond = clockTicks();
  }

  /** Returns the JDBC URL of a database on this server, with the configured parameters. */
  static String urlOf(String database) {
    Matcher m = parts();
    return "jdbc:postgresql://" + m.group(1) + ":" + port(m) + "/" + database
        + (m.group(4) == null ? "" : m.group(4));
  }

  /** Returns host, port and user for command-line tools such as pgbench. */
  static List<String> connectionArguments() {
    Matcher m = parts();
    String user = m.group(5) == null ? null : Pattern.compile("(?:^|&)user=([^&]*)")
        .matcher(m.group(5)).results().map(r -> r.group(1)).findFirst().orElse(null);
    List<String> args = new ArrayList<>(List.of("-h", m.group(1), "-p", port(m)));
    if (user != null) {
      args.addAll(List.of("-U", user));
    }
    return args;
  }

  private static Matcher parts() {
    Matcher m = URL_PARTS.matcher(URL);
    if (!m.matches()) {
      throw new IllegalArgumentException("expected jdbc:postgresql://host:port/db?...: " + URL);
    }
    return m;
  }

  private static String port(Matcher m) {
    return m.group(2) == null ? "5432" : m.group(2);
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }

  @Override
  public String describe() throws SQLException {
    return "PostgreSQL " + version() + ", fsync " + queryString("show fsync")
        + ", wal_sync_method " + queryString("show wal_sync_method") + ", full_page_writes "
        + queryString("show full_page_writes") + ", default_transaction_isolation "
        + queryString("show default_transaction_isolation") + " at " + URL;
  }

  @Override
  public void recreateDatabase(String database, String schema) throws SQLException {
    recreateDatabase(database);
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(urlOf(database));
          Statement s = c.createStatement()) {
        s.execute("create schema " + schema);
      }
    }
  }

  @Override
  public DataSource direct(String database, String schema) {
    PGSimpleDataSource direct = new PGSimpleDataSource();
    direct.setURL(urlOf(database));
    if (schema != null) {
      direct.setCurrentSchema(schema);
    }
    return direct;
  }

  @Override
  public String urlOf(String database, String schema) {
    String url = urlOf(database);
    return schema == null ? url : url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  public void disableStatistics(DataSource pool, String schema) throws SQLException {
    Comparison.disableAutovacuum(pool, schema);
  }

  @Override
  public void analyze(String database, DataSource pool) throws SQLException {
    analyze(database);
  }

  @Override
  public long transactions(LifecycleSystem system) throws SQLException {
    return transactions(system.database());
  }

  @Override
  public boolean measuresServerCpu() {
    return true;
  }

  @Override
  public Map<Integer, Double> serverCpuMillis(LifecycleSystem system) throws SQLException {
    return backendCpuMillis(system.database());
  }

  /** Drops (if present) and creates a database. */
  void recreateDatabase(String database) throws SQLException {
    dropDatabase(database);
    execute("create database " + database);
    String explainMs = System.getProperty("ticketkit.bench.autoExplainMs");
    if (explainMs != null) {
      // Plans into the server log, for this database's new sessions only (no restart needed).
      int ms = Integer.parseInt(explainMs);
      execute("alter database " + database + " set session_preload_libraries = 'auto_explain'");
      execute("alter database " + database + " set auto_explain.log_min_duration = " + ms);
      execute("alter database " + database + " set auto_explain.log_analyze = on");
      execute("alter database " + database + " set auto_explain.log_buffers = on");
      execute("alter database " + database + " set auto_explain.log_timing = off");
      execute("alter database " + database + " set auto_explain.log_nested_statements = on");
    }
  }

  /** Drops a database, ending its connections. */
  @Override
  public void dropDatabase(String database) throws SQLException {
    execute("drop database if exists " + database + " with (force)");
  }

  /** Returns the server's version string. */
  String version() throws SQLException {
    return queryString("show server_version") + ", autovacuum " + queryString("show autovacuum")
        + ", synchronous_commit " + queryString("show synchronous_commit")
        + ", shared_buffers " + queryString("show shared_buffers");
  }

  /**
   * Opens a pool on a database: a fixed number of connections, all opened at once.
   *
   * @param database the database
   * @param schema the schema to put first on the search path, or null
   * @param size connections
   * @param connectionTimeoutMillis how long a borrower waits before failing
   * @return the pool
   */
  @Override
  public HikariDataSource pool(String database, String schema, int size,
      long connectionTimeoutMillis) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(urlOf(database, schema));
    config.setSchema(schema);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setConnectionTimeout(connectionTimeoutMillis);
    config.setPoolName("tk17-" + database);
    return new HikariDataSource(config);
  }

  /**
   * Runs {@code ANALYZE} on every table of a database, inside one transaction (outside a
   * transaction block PostgreSQL would take one transaction per table and swell the system's
   * transaction count).
   */
  static void analyze(String database) throws SQLException {
    try (Connection c = DriverManager.getConnection(urlOf(database));
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("analyze");
      c.commit();
    }
  }

  /** Returns committed plus rolled-back transactions of a database so far. */
  long transactions(String database) throws SQLException {
    try (Statement clear = admin.createStatement()) {
      clear.execute("select pg_stat_clear_snapshot()");
    }
    try (PreparedStatement p = admin.prepareStatement(
        "select xact_commit + xact_rollback from pg_stat_database where datname = ?")) {
      p.setString(1, database);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** Returns user plus system CPU time (ms) of each backend process of a database, by pid. */
  Map<Integer, Double> backendCpuMillis(String database) throws SQLException {
    Map<Integer, Double> cpu = new HashMap<>();
    try (PreparedStatement p = admin.prepareStatement(
        "select pid from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
      p.setString(1, database);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          double ms = processCpuMillis(rs.getInt(1));
          if (ms >= 0) {
            cpu.put(rs.getInt(1), ms);
          }
        }
      }
    }
    return cpu;
  }

  /** Returns the CPU the backends used between two snapshots (new backends count in full). */
  static double cpuDelta(Map<Integer, Double> before, Map<Integer, Double> after) {
    double sum = 0;
    for (Map.Entry<Integer, Double> e : after.entrySet()) {
      sum += e.getValue() - before.getOrDefault(e.getKey(), 0.0);
    }
    return sum;
  }

  private double processCpuMillis(int pid) {
    return processCpuMillis(pid, ticksPerSecond);
  }

  /** Returns user plus system CPU time (ms) of a process from {@code /proc}, or -1. */
  static double processCpuMillis(int pid, long ticksPerSecond) {
    try {
      String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after "pid (comm) ": state is field 3, utime field 14, stime field 15
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return ticks * 1000.0 / ticksPerSecond;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Returns the 1-, 5- and 15-minute load averages, as {@code /proc/loadavg} gives them. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
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
