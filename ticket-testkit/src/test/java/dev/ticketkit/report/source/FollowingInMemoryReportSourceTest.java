package dev.ticketkit.report.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TicketFollower;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.report.ReportEngine;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.report.ReportSourceContract;
import dev.ticketkit.testkit.report.SupportWorld;
import java.time.YearMonth;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The source contract on the in-memory stores with the source following the commits (facts
 * kept at commit time from the change alone), and its reports equal those of the source that
 * derives every ticket from its whole history.
 */
class FollowingInMemoryReportSourceTest extends ReportSourceContract {

  private final Map<TicketStore, InMemoryReportSource> sources = new IdentityHashMap<>();
  private TicketStore firstTickets;
  private SlaStore firstSla;

  @Override
  protected TicketStore newTicketStore() {
    return InMemoryTicketStore.create();
  }

  @Override
  protected SlaStore newSlaStore() {
    return InMemorySlaStore.create();
  }

  @Override
  protected TicketFollower followerOver(TicketStore tickets, SlaStore sla) {
    if (firstTickets == null) {
      firstTickets = tickets;
      firstSla = sla;
    }
    return sources.computeIfAbsent(tickets, t -> InMemoryReportSource.following(t, sla));
  }

  @Override
  protected ReportSource sourceOver(TicketStore tickets, SlaStore sla) {
    return sources.get(tickets);
  }

  @Test
  void itsReportsEqualThoseDerivedFromTheWholeHistories() {
    for (int month = 2; month <= 4; month++) {
      assertThat(engine(InMemoryReportSource.of(firstTickets, firstSla))
          .monthly(SupportWorld.ACME, YearMonth.of(2026, month)))
          .isEqualTo(engine(sources.get(firstTickets))
              .monthly(SupportWorld.ACME, YearMonth.of(2026, month)));
    }
  }

  private static ReportEngine engine(ReportSource source) {
    return ReportEngine.builder().source(source).clock(new MutableClock(END))
        .tenant(SupportWorld.ACME, SupportWorld.SHANGHAI).build();
  }
}
