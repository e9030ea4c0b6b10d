package dev.ticketkit.kb.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Actor;
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
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.kb.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link TicketText#of}: which stored tickets count as resolved, and when. */
class TicketTextTest {

  private static final TenantId TENANT = TenantId.of("acme");
  private static final Actor REQUESTER = Actor.requester("cust-1");
  private static final Actor AGENT = Actor.agent("li.wei");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
  private final TicketService tickets = TicketService.builder()
      .store(InMemoryTicketStore.create())
      .workflow(StandardWorkflow.create())
      .clock(clock)
      .build();

  private Ticket open() {
    return tickets.open(TENANT, REQUESTER, NewTicket.builder()
        .requester(Requester.of("cust-1", "Ada", ContactHandle.email("ada@example.com")))
        .channel(Channel.EMAIL)
        .subject("付款后订单还是待支付")
        .description("钱扣了单子没变")
        .build());
  }

  private Ticket proposeResolution(Ticket t) {
    t = tickets.fire(TENANT, AGENT, t.id(), t.version(), StandardWorkflow.ACCEPT);
    t = tickets.fire(TENANT, AGENT, t.id(), t.version(), StandardWorkflow.DIAGNOSE);
    t = tickets.fire(TENANT, AGENT, t.id(), t.version(), StandardWorkflow.START_FIX);
    t = tickets.edit(TENANT, AGENT, t.id(), t.version(),
        TicketEdit.builder().resolutionSummary("Matched the payment to the order.").build());
    clock.advance(Duration.ofMinutes(30));
    return tickets.fire(TENANT, AGENT, t.id(), t.version(), StandardWorkflow.PROPOSE_RESOLUTION);
  }

  @Test
  void anOpenTicketIsNotResolved() {
    Ticket t = open();

    TicketText text = TicketText.of(t);

    assertThat(text).isEqualTo(TicketText.open(t.id(), t.subject(), t.description()));
  }

  @Test
  void aProposedResolutionCountsFromTheTimeItWasProposed() {
    Ticket t = proposeResolution(open());

    TicketText text = TicketText.of(t);

    assertThat(text.resolvedAt()).isEqualTo(clock.instant());
    assertThat(text.reopened()).isFalse();
  }

  @Test
  void aTicketClosedAfterAResolutionIsResolved() {
    Ticket t = proposeResolution(open());
    clock.advance(Duration.ofHours(2));
    t = tickets.rate(TENANT, REQUESTER, t.id(), t.version(), Rating.of(Satisfaction.SATISFIED));

    TicketText text = TicketText.of(t);

    assertThat(text.resolvedAt()).isEqualTo(t.statusChangedAt());
    assertThat(text.reopened()).isFalse();
  }

  @Test
  void aCancelledTicketIsNotResolved() {
    Ticket t = open();
    t = tickets.fire(TENANT, AGENT, t.id(), t.version(), StandardWorkflow.CANCEL);

    assertThat(TicketText.of(t).resolvedAt()).isNull();
  }

  @Test
  void aTicketReopenedAfterAResolutionIsReopenedAndOpen() {
    Ticket t = proposeResolution(open());
    t = tickets.fire(TENANT, REQUESTER, t.id(), t.version(), StandardWorkflow.NOT_FIXED);

    TicketText text = TicketText.of(t);

    assertThat(text.reopened()).isTrue();
    assertThat(text.resolvedAt()).isNull();
  }
}
