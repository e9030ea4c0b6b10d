package dev.ticketkit.benchmarks.compare;

import dev.ticketkit.benchmarks.compare.CountingDataSource.Counts;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one system on one store did during one configuration of the comparison: its rounds'
 * rates, lifecycles, CPU, and the counts at the start, from which its report row is made. Not
 * thread-safe: the harness's main thread uses it between rounds.
 */
final class Tally {
  final Store store;
  final LifecycleSystem system;
  long xactStart;
  Counts countsStart;
  Map<String, Long> serverCountersStart = Map.of();
  long lifecycles;
  long measuredLifecycles;
  double measuredCpuMillis;
  double measuredClientCpuMillis;
  final List<Double> rates = new ArrayList<>();
  Throwable failure;

  Tally(Store store, LifecycleSystem system) {
    this.store = store;
    this.system = system;
  }

  /** Reads the counters the row subtracts later. */
  void start() throws SQLException {
    xactStart = store.transactions(system);
    countsStart = system.counting().counts();
    serverCountersStart = store.counters(system);
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

  /** Returns the client-side counts since {@link #start()}. */
  Counts counts() {
    return system.counting().counts().minus(countsStart);
  }

  /**
   * Returns the store's own counters since {@link #start()} (empty if it keeps none); read while
   * the system is idle.
   */
  Map<String, Long> serverCounters() throws SQLException {
    Map<String, Long> end = store.counters(system);
    Map<String, Long> delta = new HashMap<>();
    for (Map.Entry<String, Long> e : end.entrySet()) {
      delta.put(e.getKey(), e.getValue() - serverCountersStart.getOrDefault(e.getKey(), 0L));
    }
    return delta;
  }

  /** Returns the name of the TASKANA row this row's ratio is taken against (same store). */
  String taskanaName() {
    return Comparison.displayName("taskana", store.name());
  }

  String row(List<Map<String, Double>> rounds) throws SQLException {
    String name = system.name();
    if (failure != null) {
      return "| " + name + " | " + system.callsPerLifecycle() + " | FAILED: "
          + Comparison.rootCause(failure).replace('|', '/') + " | | | | | | | |";
    }
    List<Double> ratios = ratios(rounds, name, taskanaName());
    Counts c = counts();
    double per = Math.max(1, lifecycles);
    long xactEnd = store.transactions(system);
    String xact = xactEnd < 0 || xactStart < 0 ? "-"
        : String.format(Locale.ROOT, "%.2f", (xactEnd - xactStart) / per);
    String serverCpu = store.measuresServerCpu()
        ? String.format(Locale.ROOT, "%.2f", measuredCpuMillis / Math.max(1, measuredLifecycles))
        : "-";
    return String.format(Locale.ROOT, "| %s | %d | %.1f (%.1f..%.1f) | %s | %s | %.1f |"
            + " %.1f (%.1f) | %.2f | %s | %.2f |", name, system.callsPerLifecycle(),
        Comparison.median(rates), rates.stream().mapToDouble(d -> d).min().orElse(0),
        rates.stream().mapToDouble(d -> d).max().orElse(0),
        ratios.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", Comparison.median(ratios)),
        xact, c.statements() / per, c.roundTrips() / per,
        c.roundTrips() / per / system.callsPerLifecycle(), c.transactions() / per, serverCpu,
        measuredClientCpuMillis / Math.max(1, measuredLifecycles));
  }

  /** Returns, for every round in which both ran, the rate of one system over another's. */
  static List<Double> ratios(List<Map<String, Double>> rounds, String name, String over) {
    List<Double> ratios = new ArrayList<>();
    for (Map<String, Double> r : rounds) {
      if (r.containsKey(name) && r.containsKey(over)) {
        ratios.add(r.get(name) / r.get(over));
      }
    }
    return ratios;
  }
}
