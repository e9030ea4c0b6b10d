package dev.ticketkit.testkit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.privacy.Privacy;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.ReportEngine;
import dev.ticketkit.report.source.InMemoryReportSource;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.report.SupportWorld;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Statistics stay true: the monthly report of a simulated helpdesk month is the same before and
 * after erasing the requesters with the most tickets, except for identity fields (the rating
 * comments they wrote and the subjects of example tickets).
 */
class ErasureKeepsReportsTest {

  private static final Instant START = Instant.parse("2026-02-01T16:00:00Z");

  @Test
  void monthlyReportIsUnchangedExceptIdentityFields() {
    InMemoryTicketStore store = InMemoryTicketStore.create();
    InMemorySlaStore sla = InMemorySlaStore.create();
    SupportWorld world = new SupportWorld(store, sla, START);
    world.plan(SupportWorld.ACME, START, START.plus(Duration.ofDays(21)), 120, 14L);
    Instant end = START.plus(Duration.ofDays(28));
    world.runUntil(end);
    ReportEngine engine = ReportEngine.builder().source(InMemoryReportSource.of(store, sla))
        .clock(new MutableClock(end)).tenant(SupportWorld.ACME, SupportWorld.SHANGHAI).build();
    Report before = engine.monthly(SupportWorld.ACME, YearMonth.of(2026, 2));
    List<String> busiest = store.query(SupportWorld.ACME, TicketQuery.builder().limit(1000)
        .build()).items().stream().map(t -> t.requester().id())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet()
        .stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
        .map(Map.Entry::getKey).toList();
    Privacy privacy = Privacy.builder().tickets(store).personalData(store).clock(world.clock())
        .pseudonymKey("report-test-key-0123".getBytes(StandardCharsets.UTF_8)).build();
    int erased = 0;
    for (String id : busiest) {
      erased += privacy.erase(SupportWorld.ACME, id, Actor.agent("dpo")).record().tickets();
    }

    Report after = engine.monthly(SupportWorld.ACME, YearMonth.of(2026, 2));

    assertThat(erased).isGreaterThan(5);
    assertThat(before.headline()).isNotEmpty();
    assertThat(after).usingRecursiveComparison()
        .ignoringFieldsMatchingRegexes(".*comment", ".*\\.subject")
        .isEqualTo(before);
    List<Ticket> all = store.query(SupportWorld.ACME, TicketQuery.builder().limit(1000).build())
        .items();
    assertThat(all).noneMatch(t -> busiest.contains(t.requester().id()));
    assertThat(all).hasSize(120);
  }
}
