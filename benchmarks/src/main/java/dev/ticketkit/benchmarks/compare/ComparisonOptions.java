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
 */
record ComparisonOptions(int rounds, int warmupRounds, int seconds, List<Integer> threads,
    List<Integer> pools, List<String> systems, boolean analyze, boolean pgbench,
    int pgbenchSeconds, int longRunMinutes, long connectionTimeoutMillis, boolean keep) {

  static final List<String> ALL_SYSTEMS =
      List.of("ticketkit", "ticketkit+sla", "lean", "lean+sla", "taskana");

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
        "keep");
    for (String key : a.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown option --" + key + "\n" + USAGE);
      }
    }
    List<String> systems = List.of(a.getOrDefault("systems", String.join(",", ALL_SYSTEMS))
        .split(","));
    for (String s : systems) {
      if (!ALL_SYSTEMS.contains(s)) {
        throw new IllegalArgumentException("unknown system " + s + "\n" + USAGE);
      }
    }
    return new ComparisonOptions(integer(a, "rounds", 5), integer(a, "warmup", 1),
        integer(a, "seconds", 10), integers(a.getOrDefault("threads", "1,4")),
        integers(a.getOrDefault("pool", "threads").replace("threads", "0")), systems,
        Boolean.parseBoolean(a.getOrDefault("analyze", "true")),
        Boolean.parseBoolean(a.getOrDefault("pgbench", "true")),
        integer(a, "pgbench-seconds", 30), integer(a, "long-run-minutes", 0),
        integer(a, "connection-timeout-ms", 5000),
        Boolean.parseBoolean(a.getOrDefault("keep", "false")));
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
