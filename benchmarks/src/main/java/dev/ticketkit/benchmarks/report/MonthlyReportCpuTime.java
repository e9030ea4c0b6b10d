package dev.ticketkit.benchmarks.report;

import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.ReportEngine;
import dev.ticketkit.report.source.InMemoryReportSource;
import dev.ticketkit.testkit.report.SupportWorld;
import dev.ticketkit.sla.store.InMemorySlaStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Locale;

/**
 * The monthly report's cost in CPU time of the computing thread (so that a busy shared machine
 * does not distort it): simulates the same month as {@link MonthlyReportBenchmark} (default
 * 100,000 tickets in March 2026), then computes the March report 3 times to warm up and 5 times
 * measured, printing each one's CPU and wall time. The source follows the commits
 * ({@link InMemoryReportSource#following}), so a report is aggregation; with the argument
 * {@code derive} it derives the facts from the stores at every report instead. Run:
 * {@code java -Xmx8g -cp benchmarks/target/benchmarks.jar
 * dev.ticketkit.benchmarks.report.MonthlyReportCpuTime [tickets] [derive]}.
 */
public final class MonthlyReportCpuTime {

  private MonthlyReportCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args optionally the number of tickets
   */
  public static void main(String[] args) {
    int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    boolean derive = args.length > 1 && args[1].equals("derive");
    InMemoryTicketStore store = InMemoryTicketStore.create();
    InMemorySlaStore sla = InMemorySlaStore.create();
    Instant start = at("2026-03-01T00:00");
    long t0 = System.nanoTime();
    SupportWorld world = new SupportWorld(store, sla, start);
    InMemoryReportSource source = derive ? InMemoryReportSource.of(store, sla)
        : InMemoryReportSource.following(store, sla);
    if (!derive) {
      world.service().attach(source);
    }
    world.plan(SupportWorld.ACME, start, at("2026-04-01T00:00"), tickets, 20261130);
    world.runUntil(at("2026-04-03T00:00"));
    ReportEngine engine = ReportEngine.builder().source(source)
        .clock(world.clock()).tenant(SupportWorld.ACME, SupportWorld.SHANGHAI).build();
    System.out.printf(Locale.ROOT, "simulated %,d tickets in %.0f s%n", tickets,
        (System.nanoTime() - t0) / 1e9);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    com.sun.management.ThreadMXBean bytes = (com.sun.management.ThreadMXBean) cpu;
    long self = Thread.currentThread().getId();
    for (int i = 0; i < 8; i++) {
      long c0 = cpu.getCurrentThreadCpuTime();
      long a0 = bytes.getThreadAllocatedBytes(self);
      long w0 = System.nanoTime();
      Report r = engine.monthly(SupportWorld.ACME, YearMonth.of(2026, 3));
      long c1 = cpu.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      long a1 = bytes.getThreadAllocatedBytes(self);
      System.out.printf(Locale.ROOT, "%s %d: received %,d, resolved %,d; %.3f s CPU, %.3f s "
          + "wall, %,d MB allocated%n", i < 3 ? "warm-up" : "measured", i,
          r.volume().received(), r.volume().resolved(), (c1 - c0) / 1e9, (w1 - w0) / 1e9,
          (a1 - a0) >> 20);
    }
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "heap used after GC (stores, kept facts): %,d MB%n",
        (rt.totalMemory() - rt.freeMemory()) >> 20);
  }

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SupportWorld.SHANGHAI).toInstant();
  }
}
