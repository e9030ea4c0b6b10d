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
 */
public final class CpuPerLifecycle {

  private CpuPerLifecycle() {}

  /**
   * Runs the measurement.
   *
   * @param args {@code --sla}, {@code --lean}, {@code --warmup}, {@code --lifecycles},
   *     {@code --blocks}, {@code --statements}, {@code --tables} (inserted, updated and HOT-updated
   *     rows per table at the end), {@code --tag} as {@code --name=value}
   * @throws Exception if the database fails
   */
  public static void main(String[] args) throws Exception {
    boolean sla = Boolean.parseBoolean(option(args, "sla", "true"));
    boolean lean = Boolean.parseBoolean(option(args, "lean", "false"));
    int warmup = Integer.parseInt(option(args, "warmup", "400"));
    int lifecycles = Integer.parseInt(option(args, "lifecycles", "400"));
    int blocks = Integer.parseInt(option(args, "blocks", "3"));
    boolean statements = Boolean.parseBoolean(option(args, "statements", "false"));
    String name = ("cpu" + option(args, "tag", "") + (lean ? "-lean" : "") + (sla ? "+sla" : ""))
        .toLowerCase(Locale.ROOT);
    PostgresServer server = new PostgresServer();
    TicketKitSystem system = TicketKitSystem.create(server, name, lean, sla, 1, true, 5000);
    try {
      int pid = backendPid(system);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (int i = 0; i < warmup; i++) {
        system.lifecycle();
      }
      PostgresServer.analyze(system.database());
      for (int b = 0; b < blocks; b++) {
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
