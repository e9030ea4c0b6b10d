package dev.ticketkit.benchmarks.report;

import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.ReportEngine;
import dev.ticketkit.report.source.InMemoryReportSource;
import dev.ticketkit.testkit.report.SupportWorld;
import dev.ticketkit.sla.store.InMemorySlaStore;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A monthly report over the in-memory stores: {@code tickets} tickets arrive in March 2026 and
 * live their simulated lives (ticket-report's {@code SupportWorld}: histories of 10 to 30 entries,
 * SLA clocks, escalations, ratings, reopens), then the March report is computed, previous month
 * and suggestions included. The fact derivation from the stores is part of every call (the
 * in-memory source keeps no cache). Target: at most 1 s for 100,000 tickets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class MonthlyReportBenchmark {

  /** How many tickets arrive in the month. */
  @Param({"100000"})
  public int tickets;

  private ReportEngine engine;

  /** Simulates the month. */
  @Setup
  public void simulate() {
    InMemoryTicketStore store = InMemoryTicketStore.create();
    InMemorySlaStore sla = InMemorySlaStore.create();
    Instant start = at("2026-03-01T00:00");
    Instant end = at("2026-04-01T00:00");
    SupportWorld world = new SupportWorld(store, sla, start);
    world.plan(SupportWorld.ACME, start, end, tickets, 20261130);
    world.runUntil(at("2026-04-03T00:00"));
    engine = ReportEngine.builder().source(InMemoryReportSource.of(store, sla))
        .clock(world.clock()).tenant(SupportWorld.ACME, SupportWorld.SHANGHAI).build();
  }

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SupportWorld.SHANGHAI).toInstant();
  }

  /**
   * Computes the March report.
   *
   * @return the report
   */
  @Benchmark
  public Report march() {
    return engine.monthly(SupportWorld.ACME, YearMonth.of(2026, 3));
  }
}
