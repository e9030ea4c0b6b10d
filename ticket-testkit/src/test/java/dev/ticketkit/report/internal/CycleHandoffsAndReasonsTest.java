package dev.ticketkit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.DissatisfactionReason;
import dev.ticketkit.core.HandoffDesk;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.report.source.CycleFact;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cycle facts count the department hand-offs opened in each cycle (so a handed-off ticket is no
 * first-contact resolution) and keep a DISSATISFIED rating's reason.
 */
class CycleHandoffsAndReasonsTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final Actor LI = Actor.agent("li");
  private static final Actor WANG = Actor.requester("wang");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
  private final InMemoryTicketStore store = InMemoryTicketStore.create();
  private final TicketService service = TicketService.builder().store(store).clock(clock)
      .workflow(StandardWorkflow.create()).build();

  private Ticket open(String subject) {
    return service.open(ACME, WANG, NewTicket.builder()
        .requester(Requester.of("wang", "Wang Fang", ContactHandle.phone("+86 138 0000 0000")))
        .channel(Channel.WECHAT_OFFICIAL_ACCOUNT).subject(subject)
        .description("The payment page fails.").build());
  }

  private Ticket resolve(Ticket t) {
    Ticket c = t;
    for (String move : List.of(StandardWorkflow.ACCEPT, StandardWorkflow.DIAGNOSE,
        StandardWorkflow.START_FIX)) {
      c = service.fire(ACME, LI, c.id(), c.version(), move);
      clock.advance(Duration.ofMinutes(5));
    }
    c = service.edit(ACME, LI, c.id(), c.version(),
        TicketEdit.builder().resolutionSummary("Cleared the payment cache").build());
    return service.fire(ACME, LI, c.id(), c.version(), StandardWorkflow.PROPOSE_RESOLUTION);
  }

  private CycleFact first(Ticket t) {
    return FactDerivation.derive(store, InMemorySlaStore.create(), ACME).cycles().stream()
        .filter(f -> f.ticketId().equals(t.id()) && f.cycle() == 1).findFirst().orElseThrow();
  }

  @Test
  void aHandoffInTheCycleRulesOutFirstContactResolution() {
    Ticket plain = open("Login");
    plain = resolve(plain);
    service.rate(ACME, WANG, plain.id(), plain.version(), Rating.of(Satisfaction.SATISFIED));
    Ticket handed = open("Refund missing");
    handed = service.assign(ACME, LI, handed.id(), handed.version(), LI.asAgent());
    handed = HandoffDesk.of(service).handOver(ACME, LI, handed.id(), handed.version(), "finance",
        "退款为何未到账？", null);
    clock.advance(Duration.ofHours(1));
    handed = HandoffDesk.of(service).answer(ACME, LI, handed.id(), handed.version(), 1,
        "Refunded today");
    handed = resolve(handed);
    service.rate(ACME, WANG, handed.id(), handed.version(), Rating.of(Satisfaction.SATISFIED));

    CycleFact direct = first(plain);
    CycleFact viaFinance = first(handed);
    assertThat(direct.handoffs()).isZero();
    assertThat(direct.isFirstContactResolution()).isTrue();
    assertThat(viaFinance.handoffs()).isEqualTo(1);
    assertThat(viaFinance.closedAt()).isNotNull();
    assertThat(viaFinance.isFirstContactResolution()).isFalse();
  }

  @Test
  void aDissatisfiedRatingKeepsItsReasonInTheCycleItRated() {
    Ticket t = resolve(open("Refund missing"));
    service.rate(ACME, WANG, t.id(), t.version(),
        Rating.dissatisfied(DissatisfactionReason.POOR_COMMUNICATION, "nobody called back"));
    Ticket s = resolve(open("Login"));
    service.rate(ACME, WANG, s.id(), s.version(), Rating.of(Satisfaction.NEUTRAL));

    assertThat(first(t).rating()).isEqualTo(Satisfaction.DISSATISFIED);
    assertThat(first(t).dissatisfactionReason()).isEqualTo("POOR_COMMUNICATION");
    assertThat(first(s).dissatisfactionReason()).isNull();
  }
}
