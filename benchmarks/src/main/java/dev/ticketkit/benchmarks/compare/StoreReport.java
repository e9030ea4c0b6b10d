package dev.ticketkit.benchmarks.compare;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of a configuration's report that only a run on several stores has: each system's
 * rate on every store beside its PostgreSQL rate (the median of the per-round ratios, each round
 * pairing the two under the same load), what each store's columns mean, and the MariaDB server's
 * own statement counters beside the client's.
 */
final class StoreReport {

  private StoreReport() {}

  /**
   * Returns the report lines.
   *
   * @param o the options
   * @param tallies every system of the configuration
   * @param rounds the measured rounds' rates by report name
   * @return the lines, starting with an empty one
   * @throws SQLException if a store's counters cannot be read
   */
  static List<String> lines(ComparisonOptions o, Collection<Tally> tallies,
      List<Map<String, Double>> rounds) throws SQLException {
    List<String> lines = new ArrayList<>(notes(o));
    lines.addAll(byStore(o, tallies, rounds));
    lines.addAll(mariaDbCounters(tallies));
    return lines;
  }

  private static List<String> notes(ComparisonOptions o) {
    List<String> notes = new ArrayList<>(List.of("",
        "Rows off PostgreSQL are system@store. Statements, round trips and client transactions"
            + " are counted on the client (CountingDataSource) for every store; ratio to TASKANA"
            + " is against TASKANA on the same store."));
    if (o.stores().contains("mariadb")) {
      notes.add("mariadb: no per-database transaction counter (server transactions '-'); server"
          + " CPU is the whole mariadbd process, other clients included; the server's own"
          + " statement counts are in the MariaDB table below.");
    }
    if (o.stores().contains("h2") || o.stores().contains("h2mem")) {
      notes.add("h2, h2mem: embedded in the harness's JVM: the database's work is in the client"
          + " CPU, a round trip is a method call, and there is no server counter (server"
          + " transactions and server CPU '-').");
    }
    return notes;
  }

  private static List<String> byStore(ComparisonOptions o, Collection<Tally> tallies,
      List<Map<String, Double>> rounds) {
    Map<String, Tally> byName = new LinkedHashMap<>();
    tallies.forEach(t -> byName.put(t.system.name(), t));
    StringBuilder head = new StringBuilder("| system |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String store : o.stores()) {
      head.append(' ').append(store).append(" lifecycles/s median |");
      rule.append("---:|");
    }
    List<String> others = o.stores().stream().filter(s -> !s.equals("postgres")).toList();
    boolean postgres = o.stores().contains("postgres");
    if (postgres) {
      for (String store : others) {
        head.append(' ').append(store).append(" / postgres, median of rounds |");
        rule.append("---:|");
      }
    }
    List<String> lines = new ArrayList<>(List.of("", "By store (same rounds):", head.toString(),
        rule.toString()));
    for (String system : o.systems()) {
      StringBuilder row = new StringBuilder("| " + system + " |");
      for (String store : o.stores()) {
        Tally t = byName.get(Comparison.displayName(system, store));
        row.append(' ').append(t == null || t.failure != null || t.rates.isEmpty() ? "-"
            : String.format(Locale.ROOT, "%.1f", Comparison.median(t.rates))).append(" |");
      }
      if (postgres) {
        for (String store : others) {
          List<Double> ratios = Tally.ratios(rounds, Comparison.displayName(system, store),
              system);
          row.append(' ').append(ratios.isEmpty() ? "-"
              : String.format(Locale.ROOT, "%.2f", Comparison.median(ratios))).append(" |");
        }
      }
      lines.add(row.toString());
    }
    return lines;
  }

  private static List<String> mariaDbCounters(Collection<Tally> tallies) throws SQLException {
    List<String> lines = new ArrayList<>();
    for (Tally t : tallies) {
      if (!(t.store instanceof MariaDbServer) || t.failure != null) {
        continue;
      }
      if (lines.isEmpty()) {
        lines.addAll(List.of("", "MariaDB's own counters (session status of the pool's"
            + " connections, warm-up included, per lifecycle):",
            "| system | server statements (Questions) | per call | COMMIT + ROLLBACK | SET"
                + " statements | client statements | client round trips |",
            "|---|---:|---:|---:|---:|---:|---:|"));
      }
      Map<String, Long> d = t.serverCounters();
      double per = Math.max(1, t.lifecycles);
      // each reading of the counters is one statement on each connection, counted in its own
      // value: the delta holds the end's reading
      long questions = d.getOrDefault("QUESTIONS", 0L)
          - t.serverCountersStart.getOrDefault(MariaDbServer.READINGS, 0L);
      boolean sameConnections = d.getOrDefault(MariaDbServer.CONNECTION_IDS, 0L) == 0;
      CountingDataSource.Counts c = t.counts();
      lines.add(String.format(Locale.ROOT, "| %s%s | %.1f | %.1f | %.2f | %.2f | %.1f | %.1f |",
          t.system.name(), sameConnections ? "" : " (pool replaced connections: approximate)",
          questions / per, questions / per / t.system.callsPerLifecycle(),
          (d.getOrDefault("COM_COMMIT", 0L) + d.getOrDefault("COM_ROLLBACK", 0L)) / per,
          d.getOrDefault("COM_SET_OPTION", 0L) / per, c.statements() / per,
          c.roundTrips() / per));
    }
    return lines;
  }
}
