package dev.ticketkit.benchmarks.compare;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * CPU time per lifecycle of one TicketKit system on one thread and one pooled connection: the
 * CPU of that connection's PostgreSQL backend ({@code /proc/<pid>/stat}) and of the calling
 * thread and the heap the thread allocated (which, unlike CPU time, does not grow with the
 * machine's load), in repeated blocks after a warm-up and an {@code ANALYZE}; then, with
 * {@code --statements=true}, that connection's server-side prepared statements
 * ({@code pg_prepared_statements}: how many distinct SQL texts the lifecycle prepared, and how
 * many of their executions used the generic plan rather than planning anew).
 *
 * <p>CPU time rather than throughput, so that two builds can be compared on a shared machine
 * (run them at the same time or alternately; the load is printed with every block). Usage:
 * {@code java -cp benchmarks.jar dev.ticketkit.benchmarks.compare.CpuPerLifecycle
 * --sla=true --warmup=400 --lifecycles=400 --blocks=3 --statements=true --tag=a}. The database
 * ({@code tk17_cpu<tag>[_sla]}) is created beside {@code -Dticketkit.bench.postgres.url}'s and
 * dropped at the end.
 *
 * <p>With {@code --threads=N} (N > 1) each block is instead a timed run of N workers on a pool of
 * N connections for {@code --seconds}: lifecycles per second (wall time), and the CPU of all the
 * database's backends and of the workers per lifecycle. Every block also prints what the
 * lifecycle cost in statements, round trips and transactions as the client counted them
 * ({@link CountingDataSource}) and the server transactions {@code pg_stat_database} counted.
 */
public final class CpuPerLifecycle {

  private CpuPerLifecycle() {}

  /**
   * Runs the measurement.
   *
   * @param args {@code --sla}, {@code --lean}, {@code --warmup}, {@code --lifecycles},
   *     {@code --blocks}, {@code --statements}, {@code --tables} (inserted, updated and HOT-updated
   *     rows per table at the end), {@code --tag}, {@code --threads}, {@code --seconds} as
   *     {@code --name=value}
   * @throws Exception if the database fails
   */
  public static void main(String[] args) throws Exception {
    boolean sla = Boolean.parseBoolean(option(args, "sla", "true"));
    boolean lean = Boolean.parseBoolean(option(args, "lean", "false"));
    int warmup = Integer.parseInt(option(args, "warmup", "400"));
    int lifecycles = Integer.parseInt(option(args, "lifecycles", "400"));
    int blocks = Integer.parseInt(option(args, "blocks", "3"));
    boolean statements = Boolean.parseBoolean(option(args, "statements", "false"));
    int workers = Integer.parseInt(option(args, "threads", "1"));
    int seconds = Integer.parseInt(option(args, "seconds", "10"));
    String name = ("cpu" + option(args, "tag", "") + (lean ? "-lean" : "") + (sla ? "+sla" : ""))
        .toLowerCase(Locale.ROOT);
    PostgresServer server = new PostgresServer();
    TicketKitSystem system = TicketKitSystem.create(server, name, lean, sla, workers, true, 5000);
    try {
      int pid = backendPid(system);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (int i = 0; i < warmup; i++) {
        system.lifecycle();
      }
      PostgresServer.analyze(system.database());
      if (workers > 1) {
        for (int b = 0; b < blocks; b++) {
          timedBlock(server, system, name, b, workers, seconds);
        }
        return;
      }
      for (int b = 0; b < blocks; b++) {
        settle();
        CountingDataSource.Counts counts0 = system.counting().counts();
        long transactions0 = server.transactions(system.database());
        double server0 = cpuSeconds(pid);
        long client0 = threads.getCurrentThreadCpuTime();
        long bytes0 = allocated(threads);
        for (int i = 0; i < lifecycles; i++) {
          system.lifecycle();
        }
        double server1 = cpuSeconds(pid);
        long client1 = threads.getCurrentThreadCpuTime();
        long bytes1 = allocated(threads);
        System.out.printf(Locale.ROOT, "%s block %d: PostgreSQL CPU %.3f ms / lifecycle, client"
            + " CPU %.3f ms / lifecycle, client heap allocated %.1f KB / lifecycle, load %s%n",
            name, b, (server1 - server0) * 1000 / lifecycles,
            (client1 - client0) / 1e6 / lifecycles, (bytes1 - bytes0) / 1024.0 / lifecycles,
            PostgresServer.loadAverage());
        settle();
        printCounts(name, b, system.counting().counts().minus(counts0),
            server.transactions(system.database()) - transactions0, lifecycles);
      }
      if (statements) {
        printPreparedStatements(system);
      }
      if (Boolean.parseBoolean(option(args, "tables", "false"))) {
        printTableCounters(system);
      }
    } finally {
      system.close();
      server.dropDatabase(system.database());
    }
  }

  /** One timed run of several workers: lifecycles per second and CPU per lifecycle. */
  private static void timedBlock(PostgresServer server, TicketKitSystem system, String name,
      int block, int workers, int seconds) throws Exception {
    settle();
    CountingDataSource.Counts counts0 = system.counting().counts();
    long transactions0 = server.transactions(system.database());
    Round round = Round.run(server, system, workers, seconds * 1000L);
    if (round.failure() != null) {
      throw new IllegalStateException("a worker failed", round.failure());
    }
    System.out.printf(Locale.ROOT, "%s block %d: %d threads, %.1f lifecycles/s, PostgreSQL CPU"
        + " %.3f ms / lifecycle, client CPU %.3f ms / lifecycle, load %s%n", name, block,
        workers, round.rate(), round.serverCpuMillis() / round.lifecycles(),
        round.clientCpuMillis() / round.lifecycles(), PostgresServer.loadAverage());
    settle();
    printCounts(name, block, system.counting().counts().minus(counts0),
        server.transactions(system.database()) - transactions0, round.lifecycles());
  }

  /**
   * Waits until the backends have reported their transactions to {@code pg_stat_database}: a
   * backend reports at most once a second, and what it had not reported when it went idle after
   * its last statement 10 seconds later (PostgreSQL 15's {@code PGSTAT_IDLE_INTERVAL}).
   */
  private static void settle() throws InterruptedException {
    Thread.sleep(11_000);
  }

  private static void printCounts(String name, int block, CountingDataSource.Counts counts,
      long serverTransactions, long lifecycles) {
    System.out.printf(Locale.ROOT, "%s block %d per lifecycle: client %.2f statements, %.2f round"
        + " trips, %.2f transactions; server %.2f transactions%n", name, block,
        counts.statements() / (double) lifecycles, counts.roundTrips() / (double) lifecycles,
        counts.transactions() / (double) lifecycles, serverTransactions / (double) lifecycles);
  }

  private static String option(String[] args, String name, String fallback) {
    for (String a : args) {
      if (a.startsWith("--" + name + "=")) {
        return a.substring(name.length() + 3);
      }
    }
    return fallback;
  }

  private static int backendPid(TicketKitSystem system) throws SQLException {
    try (Connection c = system.counting().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void printTableCounters(TicketKitSystem system) throws SQLException {
    try {
      Thread.sleep(1500); // the server publishes a backend's table counters about once a second
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.out.println("| table | inserted | updated | of them HOT | deleted |");
    System.out.println("|---|---:|---:|---:|---:|");
    try (Connection c = system.counting().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd,"
            + " n_tup_del from pg_stat_user_tables where n_tup_ins + n_tup_upd + n_tup_del > 0"
            + " order by relname")) {
      while (rs.next()) {
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", rs.getString(1),
            rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
      }
    }
  }

  private static void printPreparedStatements(TicketKitSystem system) throws SQLException {
    System.out.println("| statement | generic plans | custom plans | length | text |");
    System.out.println("|---|---:|---:|---:|---|");
    try (Connection c = system.counting().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select name, generic_plans, custom_plans,"
            + " length(statement), left(regexp_replace(statement, '\\s+', ' ', 'g'), 70)"
            + " from pg_prepared_statements order by prepare_time")) {
      while (rs.next()) {
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | `%s` |%n", rs.getString(1),
            rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5));
      }
    }
  }

  /** Bytes the calling thread allocated so far (a load-independent measure of client work). */
  private static long allocated(ThreadMXBean threads) {
    return threads instanceof com.sun.management.ThreadMXBean sun
        ? sun.getCurrentThreadAllocatedBytes() : 0;
  }

  /** User plus system CPU of a process, in seconds. */
  private static double cpuSeconds(int pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) ticksPerSecond();
  }

  private static long ticksPerSecond() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
      return Long.parseLong(new String(p.getInputStream().readAllBytes()).trim());
    } catch (java.io.IOException | NumberFormatException e) {
      return 100;
    }
  }
}
