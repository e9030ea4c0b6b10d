package dev.ticketkit.benchmarks.compare;

import dev.ticketkit.benchmarks.compare.CountingDataSource.Counts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Issue 17's side-by-side comparison: TicketKit (standard and lean workflows, with and without
 * the SLA engine) against TASKANA on the same PostgreSQL server, in alternating rounds in one
 * JVM, each system in a fresh database of its own behind a HikariCP pool of its own, for every
 * combination of thread count and pool size asked for. Reports per system lifecycles per
 * second (median, min, max of the rounds; the median of the per-round ratios to TASKANA),
 * server transactions per lifecycle ({@code pg_stat_database}), statements, round trips and
 * client-side transactions per lifecycle ({@link CountingDataSource}), PostgreSQL backend CPU
 * per lifecycle ({@code /proc}), and the load average; pgbench first as the machine's
 * reference. With {@code --long-run-minutes} it instead runs each system alone on an
 * un-analysed database and prints its throughput minute by minute.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.ticketkit.benchmarks.compare.Comparison [--option=value ...]} (see
 * {@link ComparisonOptions#USAGE}); the server comes from {@code -Dticketkit.bench.postgres.url}.
 */
public final class Comparison {

  private Comparison() {}

  /**
   * Runs the comparison.
   *
   * @param args {@code --name=value} options
   * @throws Exception if PostgreSQL fails
   */
  public static void main(String[] args) throws Exception {
    run(ComparisonOptions.parse(args), Clock.systemUTC());
  }

  /**
   * Runs the comparison.
   *
   * @param o the options
   * @param clock stamps the report's header (the measurements use monotonic timers)
   * @throws Exception if PostgreSQL fails
   */
  static void run(ComparisonOptions o, Clock clock) throws Exception {
    try (PostgresServer server = new PostgresServer()) {
      System.out.printf(Locale.ROOT, "issue 17 comparison, %s, %d cores, Java %s, PostgreSQL %s"
          + " at %s%nload average at start: %s%n%s%n", clock.instant(),
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
          server.version(), PostgresServer.URL, PostgresServer.loadAverage(), o);
      if (o.longRunMinutes() > 0) {
        LongRun.run(server, o);
      } else {
        List<String> report = new ArrayList<>();
        if (o.pgbench()) {
          report.addAll(Pgbench.run(server, o.pgbenchSeconds(), o.keep()));
        }
        for (int threads : o.threads()) {
          for (int pool : o.pools()) {
            report.addAll(configuration(server, o, threads, pool == 0 ? threads : pool));
          }
        }
        System.out.println("\n== summary ==");
        report.forEach(System.out::println);
      }
      System.out.println("load average at end: " + PostgresServer.loadAverage());
    }
  }

  /** Creates one system in a fresh database; null (with a message) if it cannot start. */
  static LifecycleSystem create(PostgresServer server, String name, int pool, boolean analyzed,
      long timeoutMillis) {
    try {
      return switch (name) {
        case "taskana" -> TaskanaSystem.create(server, pool, analyzed, timeoutMillis);
        default -> TicketKitSystem.create(server, name, name.startsWith("lean"),
            name.endsWith("+sla"), pool, analyzed, timeoutMillis);
      };
    } catch (Exception e) {
      System.out.println(name + " could not start: " + e);
      return null;
    }
  }

  private static List<String> configuration(PostgresServer server, ComparisonOptions o,
      int threads, int pool) throws Exception {
    System.out.printf(Locale.ROOT, "%n== %d thread(s), pool %d, %s, load %s ==%n", threads,
        pool, o.analyze() ? "analysed after warm-up" : "never analysed",
        PostgresServer.loadAverage());
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (String name : o.systems()) {
      LifecycleSystem s = create(server, name, pool, o.analyze(), o.connectionTimeoutMillis());
      if (s != null) {
        tallies.put(name, new Tally(s));
      }
    }
    Thread.sleep(PostgresServer.STATS_FLUSH_MILLIS);
    for (Tally t : tallies.values()) {
      t.start(server);
    }
    List<Map<String, Double>> roundRates = new ArrayList<>();
    for (int round = -o.warmupRounds(); round < o.rounds(); round++) {
      if (round == 0 && o.analyze()) {
        for (Tally t : tallies.values()) {
          PostgresServer.analyze(t.system.database());
        }
      }
      roundRates.add(round(server, o, threads, round, new ArrayList<>(tallies.values())));
    }
    Thread.sleep(PostgresServer.STATS_FLUSH_MILLIS);
    List<String> lines = new ArrayList<>(List.of("",
        String.format(Locale.ROOT, "%d thread(s), pool %d, %s, %d rounds of %d s (+%d warm-up),"
            + " load at end %s", threads, pool, o.analyze() ? "analysed" : "NOT analysed",
            o.rounds(), o.seconds(), o.warmupRounds(), PostgresServer.loadAverage()),
        "| system | calls | lifecycles/s median (min..max) | ratio to TASKANA, median of rounds"
            + " | server transactions / lifecycle | statements / lifecycle | round trips /"
            + " lifecycle (per call) | client transactions / lifecycle | PostgreSQL CPU ms /"
            + " lifecycle | client CPU ms / lifecycle |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"));
    for (Tally t : tallies.values()) {
      lines.add(t.row(server, roundRates.subList(o.warmupRounds(), roundRates.size())));
      t.system.close();
      if (!o.keep()) {
        server.dropDatabase(t.system.database());
      }
    }
    lines.forEach(System.out::println);
    return lines;
  }

  /** Runs every live system once, in an order that rotates each round; returns their rates. */
  private static Map<String, Double> round(PostgresServer server, ComparisonOptions o,
      int threads, int round, List<Tally> tallies) throws Exception {
    Map<String, Double> rates = new LinkedHashMap<>();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %2d (load %s):",
        round, PostgresServer.loadAverage()));
    int n = tallies.size();
    for (int i = 0; i < n; i++) {
      Tally t = tallies.get(Math.floorMod(i + round, n));
      if (t.failure != null) {
        continue;
      }
      Round r = Round.run(server, t.system, threads, o.seconds() * 1000L);
      t.add(r, round >= 0);
      if (r.failure() != null) {
        t.failure = r.failure();
        line.append(' ').append(t.system.name()).append(" FAILED (")
            .append(rootCause(r.failure())).append(")");
        continue;
      }
      rates.put(t.system.name(), r.rate());
      line.append(String.format(Locale.ROOT, "  %s %.1f/s", t.system.name(), r.rate()));
    }
    System.out.println(line);
    return rates;
  }

  /** Switches autovacuum off on every table of a schema (the "young database" check). */
  static void disableAutovacuum(DataSource dataSource, String schema) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement p = c.prepareStatement(
          "select tablename from pg_tables where schemaname = ?")) {
        p.setString(1, schema);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            tables.add(rs.getString(1));
          }
        }
      }
      try (Statement s = c.createStatement()) {
        for (String table : tables) {
          s.execute("alter table " + schema + "." + table
              + " set (autovacuum_enabled = false, toast.autovacuum_enabled = false)");
        }
      }
    }
  }

  /** What one system did during one configuration. */
  private static final class Tally {
    final LifecycleSystem system;
    long xactStart;
    Counts countsStart;
    long lifecycles;
    long measuredLifecycles;
    double measuredCpuMillis;
    double measuredClientCpuMillis;
    final List<Double> rates = new ArrayList<>();
    Throwable failure;

    Tally(LifecycleSystem system) {
      this.system = system;
    }

    void start(PostgresServer server) throws SQLException {
      xactStart = server.transactions(system.database());
      countsStart = system.counting().counts();
    }

    void add(Round r, boolean measured) {
      lifecycles += r.lifecycles();
      if (measured && r.failure() == null) {
        measuredLifecycles += r.lifecycles();
        measuredCpuMillis += r.serverCpuMillis();
        measuredClientCpuMillis += r.clientCpuMillis();
        rates.add(r.rate());
      }
    }

    String row(PostgresServer server, List<Map<String, Double>> rounds) throws SQLException {
      String name = system.name();
      if (failure != null) {
        return "| " + name + " | " + system.callsPerLifecycle() + " | FAILED: "
            + rootCause(failure).replace('|', '/') + " | | | | | | | |";
      }
      List<Double> ratios = new ArrayList<>();
      for (Map<String, Double> r : rounds) {
        if (r.containsKey(name) && r.containsKey("taskana")) {
          ratios.add(r.get(name) / r.get("taskana"));
        }
      }
      Counts c = system.counting().counts().minus(countsStart);
      double per = Math.max(1, lifecycles);
      double xact = (server.transactions(system.database()) - xactStart) / per;
      return String.format(Locale.ROOT, "| %s | %d | %.1f (%.1f..%.1f) | %s | %.2f | %.1f |"
              + " %.1f (%.1f) | %.2f | %.2f | %.2f |", name, system.callsPerLifecycle(), median(rates),
          rates.stream().mapToDouble(d -> d).min().orElse(0),
          rates.stream().mapToDouble(d -> d).max().orElse(0),
          ratios.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", median(ratios)), xact,
          c.statements() / per, c.roundTrips() / per,
          c.roundTrips() / per / system.callsPerLifecycle(), c.transactions() / per,
          measuredCpuMillis / Math.max(1, measuredLifecycles),
          measuredClientCpuMillis / Math.max(1, measuredLifecycles));
    }
  }

  /** Returns the innermost cause's type and message: a starved pool shows as such. */
  static String rootCause(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == failure ? failure.toString() : failure.getClass().getSimpleName() + " <- " + t;
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
