package dev.ticketkit.report.source;

import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.report.ReportEngine;
import dev.ticketkit.report.ReportPeriod;
import dev.ticketkit.testkit.report.OracleCheck;
import dev.ticketkit.testkit.report.SupportWorld;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.sla.store.InMemorySlaStore;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * For random small helpdesks and random periods, every figure the oracle counts from the raw
 * history equals the report's (the in-memory source and the whole computation).
 */
class ReportOracleProperties {

  private static final Instant START = Instant.parse("2026-02-01T16:00:00Z");

  @Property(tries = 12)
  void reportsAgreeWithTheHistoryOracle(@ForAll long seed,
      @ForAll @IntRange(min = 10, max = 80) int tickets,
      @ForAll @IntRange(min = 0, max = 20) int fromDay,
      @ForAll @IntRange(min = 1, max = 300) int hours) {
    InMemoryTicketStore store = InMemoryTicketStore.create();
    InMemorySlaStore sla = InMemorySlaStore.create();
    SupportWorld w = new SupportWorld(store, sla, START);
    w.plan(SupportWorld.ACME, START, START.plus(Duration.ofDays(21)), tickets, seed);
    Instant end = START.plus(Duration.ofDays(28));
    w.runUntil(end);
    Instant from = START.plus(Duration.ofDays(fromDay));
    ReportPeriod p = ReportPeriod.of(from, from.plus(Duration.ofHours(hours)),
        SupportWorld.SHANGHAI);
    ReportEngine engine = ReportEngine.builder().source(InMemoryReportSource.of(store, sla))
        .clock(new MutableClock(end)).tenant(SupportWorld.ACME, SupportWorld.SHANGHAI).build();
    OracleCheck.check(engine.report(SupportWorld.ACME, p), store, sla, SupportWorld.ACME);
  }
}
