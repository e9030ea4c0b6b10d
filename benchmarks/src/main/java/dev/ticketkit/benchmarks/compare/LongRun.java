package dev.ticketkit.benchmarks.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "no slowdown" check: each system alone (on each of {@code --stores} in turn), in a fresh
 * database that is never analysed (and whose tables have autovacuum off, on PostgreSQL), runs
 * for the given minutes; throughput, server CPU per lifecycle and the load are printed minute by
 * minute, then the last minute against the first.
 */
final class LongRun {

  private LongRun() {}

  static void run(List<Store> stores, ComparisonOptions o) throws Exception {
    for (Store store : stores) {
      for (String name : o.systems()) {
        run(store, name, o);
      }
    }
  }

  private static void run(Store store, String systemName, ComparisonOptions o)
      throws Exception {
    int threads = o.threads().get(0);
    int pool = o.pools().get(0) == 0 ? threads : o.pools().get(0);
    LifecycleSystem system = Comparison.create(store, systemName, pool, false,
        o.connectionTimeoutMillis());
    if (system == null) {
      return;
    }
    String name = system.name();
    System.out.printf(Locale.ROOT, "%n== long run: %s, %d thread(s), pool %d, never analysed,"
        + " %d minutes ==%n| minute | lifecycles/s | %s CPU ms / lifecycle | load |%n"
        + "|---:|---:|---:|---|%n", name, threads, pool, o.longRunMinutes(),
        store instanceof PostgresServer ? "PostgreSQL" : "server");
    List<Double> rates = new ArrayList<>();
    long total = 0;
    try {
      for (int minute = 1; minute <= o.longRunMinutes(); minute++) {
        Round r = Round.run(store, system, threads, 60_000);
        if (r.failure() != null) {
          System.out.println("FAILED in minute " + minute + ": " + r.failure());
          break;
        }
        total += r.lifecycles();
        rates.add(r.rate());
        System.out.printf(Locale.ROOT, "| %d | %.1f | %.2f | %s |%n", minute, r.rate(),
            r.serverCpuMillis() / Math.max(1, r.lifecycles()), PostgresServer.loadAverage());
      }
      if (rates.size() > 1) {
        System.out.printf(Locale.ROOT, "%s: last minute / first minute = %.2f, %d lifecycles in all%n",
            name, rates.get(rates.size() - 1) / rates.get(0), total);
      }
    } finally {
      system.close();
      if (!o.keep()) {
        store.dropDatabase(system.database());
      }
    }
  }
}
