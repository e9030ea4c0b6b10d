package dev.ticketkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.DissatisfactionReason;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketReplay;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.event.DissatisfactionFlagged;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketRated;
import dev.ticketkit.core.event.TicketRatingExpired;
import dev.ticketkit.core.outbox.OutboxMessage;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The support process on a store: what its steps store (a dissatisfied rating's reason, an expired
 * rating request, ...) reads back equal, in the history and through the outbox, for the tenant
 * only. Every step goes through a {@link TicketService} on the store under test. Extend it and
 * implement {@link #createStore()}.
 */
public abstract class SupportProcessContract extends StoreContractSupport {

  /** An agent of the tenant. */
  protected static final Actor LI = Actor.agent("li");
  /** The requester of the tickets. */
  protected static final Actor WANG = Actor.requester("wang");

  /** The clock of {@link #service}, at {@link TicketFixtures#T0} when a test starts. */
  protected MutableClock clock;
  /** A service with the standard workflow on the store under test. */
  protected TicketService service;

  @BeforeEach
  void setUpService() {
    clock = MutableClock.of(TicketFixtures.T0);
    service = TicketService.builder().store(store).clock(clock)
        .workflow(StandardWorkflow.create()).build();
  }

  /** Opens a ticket of a tenant by the requester {@code wang}. */
  protected Ticket openTicket(TenantId owner, String subject) {
    return service.open(owner, WANG, NewTicket.builder()
        .requester(Requester.of("wang", "Wang Fang", ContactHandle.phone("+86 138 0000 0000")))
        .channel(Channel.WECHAT_OFFICIAL_ACCOUNT).subject(subject)
        .description("The payment page fails.").build());
  }

  /** Walks a ticket to AWAITING_CONFIRMATION with a resolution summary. */
  protected Ticket resolved(Ticket t) {
    Ticket c = t;
    for (String move : List.of(StandardWorkflow.ACCEPT, StandardWorkflow.DIAGNOSE,
        StandardWorkflow.START_FIX)) {
      c = service.fire(c.tenant(), LI, c.id(), c.version(), move);
    }
    c = service.edit(c.tenant(), LI, c.id(), c.version(),
        TicketEdit.builder().resolutionSummary("Cleared the payment cache").build());
    return service.fire(c.tenant(), LI, c.id(), c.version(), StandardWorkflow.PROPOSE_RESOLUTION);
  }

  /** Delivers every pending outbox message and returns the events of a ticket's tenant. */
  protected List<TicketEvent> deliveredEvents(TenantId owner) {
    List<OutboxMessage> seen = new ArrayList<>();
    while (store.outbox().pendingCount() > 0) {
      store.outbox().deliverPending(100, clock.instant(), seen::add);
    }
    return seen.stream().map(OutboxMessage::event).filter(e -> e.tenant().equals(owner)).toList();
  }

  @Test
  void aDissatisfiedRatingKeepsItsReason() {
    Ticket t = resolved(openTicket(tenant, "Refund missing"));
    Rating rating = Rating.dissatisfied(DissatisfactionReason.of("SLOW_REFUND"), "三天了 still nothing");

    Ticket rated = service.rate(tenant, WANG, t.id(), t.version(), rating);
    Ticket other = resolved(openTicket(tenant, "Login"));
    service.rate(tenant, WANG, other.id(), other.version(),
        Rating.dissatisfied(DissatisfactionReason.POOR_COMMUNICATION, null));

    assertThat(store.get(tenant, t.id())).contains(rated);
    assertThat(TicketReplay.replay(store.history(tenant, t.id()))).isEqualTo(rated);
    assertThat(deliveredEvents(tenant)).filteredOn(TicketRated.class::isInstance)
        .extracting(e -> ((TicketRated) e).rating().reason())
        .containsExactly(DissatisfactionReason.of("SLOW_REFUND"),
            DissatisfactionReason.POOR_COMMUNICATION);
    assertThat(store.get(otherTenant, t.id())).isEmpty();
  }

  @Test
  void aPoorCommunicationComplaintClosesAndFlagsTheTeamLead() {
    Ticket t = resolved(openTicket(tenant, "Nobody called back"));
    Rating rating = Rating.dissatisfied(DissatisfactionReason.POOR_COMMUNICATION, "没人回电话");

    Ticket closed = service.rate(tenant, WANG, t.id(), t.version(), rating);

    assertThat(closed.status().name()).isEqualTo(StandardWorkflow.CLOSED);
    assertThat(closed.cycle()).isEqualTo(t.cycle());
    assertThat(store.get(tenant, t.id())).contains(closed);
    assertThat(TicketReplay.replay(store.history(tenant, t.id()))).isEqualTo(closed);
    assertThat(deliveredEvents(tenant)).filteredOn(DissatisfactionFlagged.class::isInstance)
        .singleElement().satisfies(e -> {
          assertThat(((DissatisfactionFlagged) e).rating()).isEqualTo(rating);
          assertThat(e.header().ticketVersion()).isEqualTo(closed.version());
        });
  }

  @Test
  void anExpiredRatingRequestIsStoredAndPublished() {
    Ticket t = resolved(openTicket(tenant, "Refund missing"));
    clock.advance(Duration.ofDays(7));

    Ticket closed = service.autoClose(tenant).get(0);

    assertThat(closed.rating()).isNull();
    assertThat(TicketReplay.replay(store.history(tenant, t.id()))).isEqualTo(closed);
    assertThat(deliveredEvents(tenant)).filteredOn(TicketRatingExpired.class::isInstance)
        .singleElement().satisfies(e -> {
          assertThat(e.ticketId()).isEqualTo(t.id());
          assertThat(e.header().ticketVersion()).isEqualTo(closed.version());
        });
    assertThat(service.autoClose(otherTenant)).isEmpty();
  }
}
