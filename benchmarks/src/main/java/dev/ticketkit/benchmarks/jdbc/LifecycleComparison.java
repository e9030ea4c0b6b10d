package dev.ticketkit.benchmarks.jdbc;

import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.TicketService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Lifecycles per second of the jOOQ store and the raw-JDBC baseline measured in alternating
 * rounds in one JVM, so that load from other processes on a shared machine falls on both alike;
 * the JMH benchmark {@link TicketLifecycleBenchmark} runs them one after the other instead.
 * Each round times {@code perRound} lifecycles of one store, then of the other (the order flips
 * every round); the report gives each store's median and the median of the per-round ratios.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.ticketkit.benchmarks.jdbc.LifecycleComparison [rounds] [perRound]} (defaults 10, 300;
 * two warm-up rounds are not reported).
 */
public final class LifecycleComparison {

  private LifecycleComparison() {}

  /**
   * Runs the comparison.
   *
   * @param args optional rounds and lifecycles per round
   * @throws Exception if PostgreSQL fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    try (BenchDatabase jooqDb = new BenchDatabase("tk_cmp_jooq");
        BenchDatabase rawDb = new BenchDatabase("tk_cmp_raw")) {
      TicketService jooq = TicketLifecycleBenchmark.service("jooq", jooqDb);
      TicketService raw = TicketLifecycleBenchmark.service("raw", rawDb);
      NewTicket intake = TicketLifecycleBenchmark.intake();
      List<Double> jooqRates = new ArrayList<>();
      List<Double> rawRates = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int round = -2; round < rounds; round++) {
        boolean jooqFirst = round % 2 == 0;
        double first = rate(jooqFirst ? jooq : raw, intake, perRound);
        double second = rate(jooqFirst ? raw : jooq, intake, perRound);
        double j = jooqFirst ? first : second;
        double r = jooqFirst ? second : first;
        System.out.printf(Locale.ROOT, "round %2d: jooq %7.1f/s  raw %7.1f/s  ratio %.3f%n",
            round, j, r, j / r);
        if (round >= 0) {
          jooqRates.add(j);
          rawRates.add(r);
          ratios.add(j / r);
        }
      }
      System.out.printf(Locale.ROOT, "median: jooq %.1f lifecycles/s, raw %.1f lifecycles/s,"
          + " ratio %.3f (min %.3f, max %.3f) over %d rounds of %d%n", median(jooqRates),
          median(rawRates), median(ratios), Collections.min(ratios), Collections.max(ratios),
          rounds, perRound);
      System.out.printf(Locale.ROOT, "client CPU per lifecycle (median): jooq %.2f ms, raw %.2f ms%n",
          median(CPU_MS.get(jooq)), median(CPU_MS.get(raw)));
    }
  }

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private static final java.util.Map<TicketService, List<Double>> CPU_MS =
      new java.util.HashMap<>();

  private static double rate(TicketService service, NewTicket intake, int lifecycles) {
    long cpu = CPU.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < lifecycles; i++) {
      TicketLifecycleBenchmark.lifecycle(service, intake);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    CPU_MS.computeIfAbsent(service, k -> new ArrayList<>())
        .add((CPU.getCurrentThreadCpuTime() - cpu) / 1e6 / lifecycles);
    return lifecycles / seconds;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
