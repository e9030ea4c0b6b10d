package dev.ticketkit.benchmarks.compare;

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
 * <p>With {@code --stores=postgres,mariadb,h2,h2mem} every system also runs on MariaDB and on
 * embedded H2 (file and in-memory), in the same alternating rounds; rows off PostgreSQL are
 * named {@code system@store}, and a table per configuration sets each system's rate on every
 * store beside its PostgreSQL rate ({@link StoreReport}).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.ticketkit.benchmarks.compare.Comparison [--option=value ...]} (see
 * {@link ComparisonOptions#USAGE}); the server comes from {@code -Dticketkit.bench.postgres.url}
 * (MariaDB: {@code -Dticketkit.bench.mariadb.url}).
 */
public final class Comparison {

  private Comparison() {}

  /**
   * Runs the comparison.
   *
   * @param args {@code --name=value} options
   * @throws Exception if a database fails
   */
  public static void main(String[] args) throws Exception {
    run(ComparisonOptions.parse(args), Clock.systemUTC());
  }

  /**
   * Runs the comparison.
   *
   * @param o the options
   * @param clock stamps the report's header (the measurements use monotonic timers)
   * @throws Exception if a database fails
   */
  static void run(ComparisonOptions o, Clock clock) throws Exception {
    List<Store> stores = new ArrayList<>();
    try {
      for (String name : o.stores()) {
        stores.add(openStore(name));
      }
      PostgresServer server = postgres(stores);
      header(o, clock, server);
      if (o.multiStore()) {
        for (Store store : stores) {
          System.out.println("store " + store.name() + ": " + store.describe());
        }
      }
      if (o.longRunMinutes() > 0) {
        LongRun.run(stores, o);
      } else {
        List<String> report = new ArrayList<>();
        if (o.pgbench()) {
          if (server != null) {
            report.addAll(Pgbench.run(server, o.pgbenchSeconds(), o.keep()));
          } else {
            System.out.println("pgbench skipped: it needs postgres in --stores");
          }
        }
        for (int threads : o.threads()) {
          for (int pool : o.pools()) {
            report.addAll(configuration(stores, o, threads, pool == 0 ? threads : pool));
          }
        }
        System.out.println("\n== summary ==");
        report.forEach(System.out::println);
      }
      System.out.println("load average at end: " + PostgresServer.loadAverage());
    } finally {
      for (Store store : stores) {
        store.close();
      }
    }
  }

  private static void header(ComparisonOptions o, Clock clock, PostgresServer server)
      throws SQLException {
    if (server != null) {
      System.out.printf(Locale.ROOT, "issue 17 comparison, %s, %d cores, Java %s, PostgreSQL %s"
          + " at %s%nload average at start: %s%n%s%n", clock.instant(),
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
          server.version(), PostgresServer.URL, PostgresServer.loadAverage(), o);
    } else {
      System.out.printf(Locale.ROOT, "issue 17 comparison, %s, %d cores, Java %s%nload average"
          + " at start: %s%n%s%n", clock.instant(), Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"), PostgresServer.loadAverage(), o);
    }
  }

  private static PostgresServer postgres(List<Store> stores) {
    for (Store store : stores) {
      if (store instanceof PostgresServer p) {
        return p;
      }
    }
    return null;
  }

  /** Opens a store by its {@code --stores} name. */
  static Store openStore(String name) throws Exception {
    return switch (name) {
      case "postgres" -> new PostgresServer();
      case "mariadb" -> new MariaDbServer();
      case "h2" -> H2Store.file();
      case "h2mem" -> H2Store.inMemory();
      default -> throw new IllegalArgumentException("unknown store " + name);
    };
  }

  /**
   * Returns the report's name of a system on a store: the bare name on PostgreSQL (so a
   * PostgreSQL-only run reads as before), {@code system@store} elsewhere.
   *
   * @param system the system's name ({@code ticketkit+sla})
   * @param store the store's name ({@code mariadb})
   * @return the name
   */
  static String displayName(String system, String store) {
    return store.equals("postgres") ? system : system + "@" + store;
  }

  /** Returns the system's name without its store ({@code lean@h2} gives {@code lean}). */
  static String systemOf(String displayName) {
    int at = displayName.indexOf('@');
    return at < 0 ? displayName : displayName.substring(0, at);
  }

  /** Returns the store of a report name ({@code lean@h2}: h2; {@code lean}: postgres). */
  static String storeOf(String displayName) {
    int at = displayName.indexOf('@');
    return at < 0 ? "postgres" : displayName.substring(at + 1);
  }

  /** Creates one system in a fresh database; null (with a message) if it cannot start. */
  static LifecycleSystem create(Store store, String system, int pool, boolean analyzed,
      long timeoutMillis) {
    String name = displayName(system, store.name());
    try {
      return switch (system) {
        case "taskana" -> TaskanaSystem.create(store, name, pool, analyzed, timeoutMillis);
        default -> TicketKitSystem.create(store, name, system, system.startsWith("lean"),
            system.endsWith("+sla"), pool, analyzed, timeoutMillis);
      };
    } catch (Exception e) {
      System.out.println(name + " could not start: " + e);
      return null;
    }
  }

  private static List<String> configuration(List<Store> stores, ComparisonOptions o,
      int threads, int pool) throws Exception {
    System.out.printf(Locale.ROOT, "%n== %d thread(s), pool %d, %s, load %s ==%n", threads,
        pool, o.analyze() ? "analysed after warm-up" : "never analysed",
        PostgresServer.loadAverage());
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (Store store : stores) {
      for (String name : o.systems()) {
        LifecycleSystem s = create(store, name, pool, o.analyze(), o.connectionTimeoutMillis());
        if (s != null) {
          tallies.put(s.name(), new Tally(store, s));
        }
      }
    }
    boolean postgres = postgres(stores) != null;
    if (postgres) {
      Thread.sleep(PostgresServer.STATS_FLUSH_MILLIS);
    }
    for (Tally t : tallies.values()) {
      t.start();
    }
    List<Map<String, Double>> roundRates = new ArrayList<>();
    for (int round = -o.warmupRounds(); round < o.rounds(); round++) {
      if (round == 0 && o.analyze()) {
        for (Tally t : tallies.values()) {
          t.store.analyze(t.system.database(), t.system.pool());
        }
      }
      roundRates.add(round(o, threads, round, new ArrayList<>(tallies.values())));
    }
    if (postgres) {
      Thread.sleep(PostgresServer.STATS_FLUSH_MILLIS);
    }
    List<String> lines = new ArrayList<>(List.of("",
        String.format(Locale.ROOT, "%d thread(s), pool %d, %s, %d rounds of %d s (+%d warm-up),"
            + " load at end %s", threads, pool, o.analyze() ? "analysed" : "NOT analysed",
            o.rounds(), o.seconds(), o.warmupRounds(), PostgresServer.loadAverage()),
        "| system | calls | lifecycles/s median (min..max) | ratio to TASKANA, median of rounds"
            + " | server transactions / lifecycle | statements / lifecycle | round trips /"
            + " lifecycle (per call) | client transactions / lifecycle | "
            + (o.multiStore() ? "server" : "PostgreSQL") + " CPU ms /"
            + " lifecycle | client CPU ms / lifecycle |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"));
    List<Map<String, Double>> measured = roundRates.subList(o.warmupRounds(), roundRates.size());
    for (Tally t : tallies.values()) {
      lines.add(t.row(measured));
    }
    if (o.multiStore()) {
      lines.addAll(StoreReport.lines(o, tallies.values(), measured));
    }
    for (Tally t : tallies.values()) {
      t.system.close();
      if (!o.keep()) {
        t.store.dropDatabase(t.system.database());
      }
    }
    lines.forEach(System.out::println);
    return lines;
  }

  /** Runs every live system once, in an order that rotates each round; returns their rates. */
  private static Map<String, Double> round(ComparisonOptions o, int threads, int round,
      List<Tally> tallies) throws Exception {
    Map<String, Double> rates = new LinkedHashMap<>();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %2d (load %s):",
        round, PostgresServer.loadAverage()));
    int n = tallies.size();
    for (int i = 0; i < n; i++) {
      Tally t = tallies.get(Math.floorMod(i + round, n));
      if (t.failure != null) {
        continue;
      }
      Round r = Round.run(t.store, t.system, threads, o.seconds() * 1000L);
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
