package dev.ticketkit.benchmarks.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The comparison's parameters, from {@code --name=value} arguments.
 *
 * @param rounds measured rounds per configuration
 * @param warmupRounds rounds run first and not reported
 * @param seconds seconds each system runs in a round
 * @param threads thread counts, one configuration each
 * @param pools pool sizes: a number, or 0 for "as many as threads"
 * @param systems systems to run: ticketkit, ticketkit+sla, lean, lean+sla, taskana
 * @param analyze true to ANALYZE every table after the warm-up rounds
 * @param pgbench true to run pgbench -N first (1 and 4 clients)
 * @param pgbenchSeconds seconds of each pgbench run
 * @param longRunMinutes above 0: instead of rounds, run each system alone this many minutes on
 *     an un-analysed fresh database and print its throughput per minute
 * @param connectionTimeoutMillis how long a thread waits for a pooled connection before the
 *     system is reported as starved
 * @param keep true to keep the databases afterwards
 * @param stores the databases to run every system on, in this order: postgres (the reference;
 *     pgbench and the PostgreSQL-only counters need it), mariadb, h2 (embedded file database),
 *     h2mem (in-memory H2)
 */
record ComparisonOptions(int rounds, int warmupRounds, int seconds, List<Integer> threads,
    List<Integer> pools, List<String> systems, boolean analyze, boolean pgbench,
    int pgbenchSeconds, int longRunMinutes, long connectionTimeoutMillis, boolean keep,
    List<String> stores) {

  static final List<String> ALL_SYSTEMS =
      List.of("ticketkit", "ticketkit+sla", "lean", "lean+sla", "taskana");

  static final List<String> ALL_STORES = List.of("postgres", "mariadb", "h2", "h2mem");

  static final String USAGE = """
      options (defaults in brackets):
        --rounds=N            measured rounds per configuration [5]
        --warmup=N            warm-up rounds, not reported [1]
        --seconds=N           seconds per system per round [10]
        --threads=1,4         thread counts [1,4]
        --pool=threads,8      pool sizes; "threads" = as many as threads [threads]
        --systems=...         of ticketkit, ticketkit+sla, lean, lean+sla, taskana [all]
        --analyze=true|false  ANALYZE after warm-up; false = never (autovacuum off) [true]
        --pgbench=true|false  pgbench -N with 1 and 4 clients first [true]
        --pgbench-seconds=N   [30]
        --long-run-minutes=N  instead: each system alone N minutes, un-analysed, per minute [0]
        --connection-timeout-ms=N  pool wait before a system counts as starved [5000]
        --keep=true|false     keep the tk17_* databases [false]
        --stores=...          of postgres, mariadb, h2, h2mem: run every system on each, in
                              the same alternating rounds (taskana: not on mariadb) [postgres]
      """;

  /**
   * Parses arguments.
   *
   * @param args {@code --name=value} arguments
   * @return the options
   * @throws IllegalArgumentException naming the argument if one is unknown or malformed
   */
  static ComparisonOptions parse(String[] args) {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value, got " + arg + "\n" + USAGE);
      }
      a.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    Set<String> known = Set.of("rounds", "warmup", "seconds", "threads", "pool", "systems",
        "analyze", "pgbench", "pgbench-seconds", "long-run-minutes", "connection-timeout-ms",
        "keep", "stores");
    for (String key : a.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown option --" + key + "\n" + USAGE);
      }
    }
    List<String> systems = names(a.getOrDefault("systems", String.join(",", ALL_SYSTEMS)),
        ALL_SYSTEMS, "system");
    List<String> stores = names(a.getOrDefault("stores", "postgres"), ALL_STORES, "store");
    return new ComparisonOptions(integer(a, "rounds", 5), integer(a, "warmup", 1),
        integer(a, "seconds", 10), integers(a.getOrDefault("threads", "1,4")),
        integers(a.getOrDefault("pool", "threads").replace("threads", "0")), systems,
        Boolean.parseBoolean(a.getOrDefault("analyze", "true")),
        Boolean.parseBoolean(a.getOrDefault("pgbench", "true")),
        integer(a, "pgbench-seconds", 30), integer(a, "long-run-minutes", 0),
        integer(a, "connection-timeout-ms", 5000),
        Boolean.parseBoolean(a.getOrDefault("keep", "false")), stores);
  }

  /** Returns whether more than PostgreSQL runs (the report then names each row's store). */
  boolean multiStore() {
    return !stores.equals(List.of("postgres"));
  }

  private static List<String> names(String csv, List<String> allowed, String what) {
    List<String> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      String name = s.trim();
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("unknown " + what + " " + name + "\n" + USAGE);
      }
      if (out.contains(name)) {
        throw new IllegalArgumentException(what + " " + name + " given twice\n" + USAGE);
      }
      out.add(name);
    }
    return List.copyOf(out);
  }

  private static int integer(Map<String, String> a, String key, int fallback) {
    String v = a.get(key);
    try {
      return v == null ? fallback : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be a number, got " + v, e);
    }
  }

  private static List<Integer> integers(String csv) {
    List<Integer> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      out.add(Integer.parseInt(s.trim()));
    }
    return out;
  }
}
