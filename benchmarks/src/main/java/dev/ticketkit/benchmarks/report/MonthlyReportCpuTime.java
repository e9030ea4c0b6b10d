package dev.ticketkit.benchmarks.report;

import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.ReportEngine;
import dev.ticketkit.report.source.InMemoryReportSource;
import dev.ticketkit.testkit.report.SupportWorld;
import dev.ticketkit.sla.store.InMemorySlaStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *
 * <p>To compare two builds in the same window on a shared machine, run one process of each with
 * {@code -Dtk.turn=<file> -Dtk.name=<this> -Dtk.other=<that>}: after its warm-ups each measured
 * report waits until the file names this process, then hands the turn to the other, so the
 * measured reports alternate ({@code -Dtk.rounds=<n>} measured reports, default 5). Each report
 * line shows the load average; heap after a full GC is printed before the first report and
 * after the last, with the class histogram's lines of the report's fact classes.
 */
public final class MonthlyReportCpuTime {

  /** The program's one wall clock, chosen here at its entry point: it stamps each printed line. */
  private static final java.time.Clock WALL_CLOCK = java.time.Clock.systemUTC();

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
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf(Locale.ROOT, "heap used after GC before the first report: %,d MB%n",
        (rt.totalMemory() - rt.freeMemory()) >> 20);
    int rounds = 3 + Integer.getInteger("tk.rounds", 5);
    String turn = System.getProperty("tk.turn");
    for (int i = 0; i < rounds; i++) {
      if (turn != null && i >= 3) {
        awaitTurn(Path.of(turn), System.getProperty("tk.name", "this"));
      }
      long c0 = cpu.getCurrentThreadCpuTime();
      long a0 = bytes.getThreadAllocatedBytes(self);
      long w0 = System.nanoTime();
      Report r = engine.monthly(SupportWorld.ACME, YearMonth.of(2026, 3));
      long c1 = cpu.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      long a1 = bytes.getThreadAllocatedBytes(self);
      System.out.printf(Locale.ROOT, "%s %d: received %,d, resolved %,d; %.3f s CPU, %.3f s "
          + "wall, %,d MB allocated; %s, load %s%n", i < 3 ? "warm-up" : "measured", i,
          r.volume().received(), r.volume().resolved(), (c1 - c0) / 1e9, (w1 - w0) / 1e9,
          (a1 - a0) >> 20, WALL_CLOCK.instant(), load());
      if (turn != null && i >= 3) {
        handTurn(Path.of(turn), System.getProperty("tk.other", "other"));
      }
    }
    System.gc();
    System.out.printf(Locale.ROOT, "heap used after GC (stores, kept facts): %,d MB%n",
        (rt.totalMemory() - rt.freeMemory()) >> 20);
    histogram();
  }

  private static void awaitTurn(Path file, String name) {
    try {
      while (!Files.exists(file) || !Files.readString(file).trim().equals(name)) {
        Thread.sleep(200);
      }
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("cannot read the turn file " + file, e);
    }
  }

  private static void handTurn(Path file, String other) {
    try {
      Files.writeString(file, other);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the turn file " + file, e);
    }
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Prints the class histogram's lines of the report's facts and primitive arrays. */
  private static void histogram() {
    try {
      String h = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
          "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
      for (String line : h.split("\n")) {
        if (line.contains("dev.ticketkit.report") || line.contains(" [J") || line.contains(" [I")
            || line.contains("Total")) {
          System.out.println(line);
        }
      }
    } catch (javax.management.JMException e) {
      System.out.println("no class histogram: " + e);
    }
  }

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SupportWorld.SHANGHAI).toInstant();
  }
}
