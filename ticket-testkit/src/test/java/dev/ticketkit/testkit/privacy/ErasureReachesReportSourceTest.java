package dev.ticketkit.testkit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.privacy.Privacy;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.report.ReportEngine;
import dev.ticketkit.report.render.JsonReportRenderer;
import dev.ticketkit.report.source.InMemoryReportSource;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A following in-memory report source keeps each ticket's facts from its commits, example
 * subjects and rating comments included. An erasure that names it as requester data makes it
 * forget the erased tickets' facts, so its next report holds none of the requester's personal
 * data and equals the report derived afresh from the erased stores; a following source the
 * erasure was not told about still shows the old texts (so the check can fail).
 */
class ErasureReachesReportSourceTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Actor LI = Actor.agent("li");
  private static final String NAME = "Wang Xiaofang";
  private static final String PHONE = "+86 139 1234 5678";

  @Test
  void theFollowingSourceForgetsTheErasedRequestersTexts() {
    InMemoryTicketStore store = InMemoryTicketStore.create();
    InMemorySlaStore sla = InMemorySlaStore.create();
    MutableClock clock = new MutableClock(Instant.parse("2026-03-09T02:00:00Z"));
    TicketService service = TicketService.builder().store(store).clock(clock)
        .workflow(StandardWorkflow.create()).build();
    InMemoryReportSource told = InMemoryReportSource.following(store, sla);
    InMemoryReportSource notTold = InMemoryReportSource.following(store, sla);
    service.attach(told);
    service.attach(notTold);
    for (int i = 0; i < 3; i++) {
      Ticket t = service.open(ACME, Actor.requester("u-7"), NewTicket.builder()
          .requester(Requester.of("u-7", NAME, ContactHandle.phone(PHONE)))
          .channel(Channel.PHONE).category(Category.of("billing"))
          .subject(NAME + " (" + PHONE + ") was charged twice")
          .description("Order 8812 was paid twice.").build());
      for (String step : new String[] {StandardWorkflow.ACCEPT, StandardWorkflow.DIAGNOSE,
          StandardWorkflow.START_FIX}) {
        t = service.fire(ACME, LI, t.id(), t.version(), step);
      }
      t = service.edit(ACME, LI, t.id(), t.version(),
          TicketEdit.builder().resolutionSummary("Refunded the second charge").build());
      t = service.fire(ACME, LI, t.id(), t.version(), StandardWorkflow.PROPOSE_RESOLUTION);
      clock.advance(Duration.ofHours(1));
      service.rate(ACME, Actor.requester("u-7"), t.id(), t.version(),
          Rating.of(Satisfaction.SATISFIED, "Thanks, this is " + NAME + ", call " + PHONE));
    }
    Instant end = Instant.parse("2026-04-01T00:00:00Z");
    YearMonth march = YearMonth.of(2026, 3);
    String before = json(told, end, march);
    json(notTold, end, march);
    assertThat(before).contains(NAME);

    Privacy.builder().tickets(store).personalData(store).clock(clock)
        .pseudonymKey("report-test-key-0123".getBytes(StandardCharsets.UTF_8))
        .requesterData(told).build()
        .erase(ACME, "u-7", Actor.agent("dpo"));

    String after = json(told, end, march);
    assertThat(after).doesNotContain(NAME).doesNotContain("139 1234 5678")
        .isEqualTo(json(InMemoryReportSource.of(store, sla), end, march));
    assertThat(json(notTold, end, march)).contains(NAME);
  }

  private static String json(InMemoryReportSource source, Instant end, YearMonth month) {
    return JsonReportRenderer.create().render(ReportEngine.builder().source(source)
        .clock(new MutableClock(end)).tenant(ACME, SHANGHAI).build().monthly(ACME, month));
  }
}
