package dev.ticketkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Handoff;
import dev.ticketkit.core.HandoffDesk;
import dev.ticketkit.core.HandoffState;
import dev.ticketkit.core.HistoryAction;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketReplay;
import dev.ticketkit.core.event.HandoffChecked;
import dev.ticketkit.core.event.HandoffClosed;
import dev.ticketkit.core.event.HandoffOpened;
import dev.ticketkit.core.store.TicketQuery;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Handoffs to other departments on a store ({@link HandoffDesk}): their states and history read
 * back, tickets with an open handoff are found, the owner stays, for the tenant only.
 */
public abstract class HandoffContract extends ProblemContract {

  /** The desk under test. */
  protected HandoffDesk handoffs;

  @BeforeEach
  void setUpHandoffs() {
    handoffs = HandoffDesk.of(service);
  }

  @Test
  void aHandoffIsOpenedCheckedAndAnsweredWithItsHistory() {
    Ticket t = openTicket(tenant, "Refund missing");
    t = service.assign(tenant, LI, t.id(), t.version(), LI.asAgent());
    Instant expected = clock.instant().plus(Duration.ofDays(2));
    Ticket handed = handoffs.handOver(tenant, LI, t.id(), t.version(), "finance",
        "退款为何未到账？", expected);
    clock.advance(Duration.ofHours(30));
    Ticket checked = handoffs.check(tenant, LI, t.id(), handed.version(), 1);
    Ticket second = handoffs.handOver(tenant, LI, t.id(), checked.version(), "logistics",
        "Where is the parcel?", null);
    clock.advance(Duration.ofHours(5));
    Ticket answered = handoffs.answer(tenant, LI, t.id(), second.version(), 1, "Refunded today");

    assertThat(answered.assignee()).isEqualTo(LI.asAgent());
    assertThat(answered.handoffs()).extracting(Handoff::seq, Handoff::department, Handoff::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "finance", HandoffState.ANSWERED),
            org.assertj.core.groups.Tuple.tuple(2, "logistics", HandoffState.OPEN));
    Handoff first = answered.handoffs().get(0);
    assertThat(first.answerExpectedBy()).isEqualTo(expected);
    assertThat(first.lastCheckedAt()).isEqualTo(checked.updatedAt());
    assertThat(first.outcome()).isEqualTo("Refunded today");
    assertThat(store.get(tenant, t.id())).contains(answered);
    assertThat(TicketReplay.replay(store.history(tenant, t.id()))).isEqualTo(answered);
    assertThat(store.history(tenant, t.id()))
        .filteredOn(e -> e.action() == HistoryAction.HANDED_OFF).isNotEmpty();
    assertThat(deliveredEvents(tenant)).filteredOn(e -> e instanceof HandoffOpened
        || e instanceof HandoffChecked || e instanceof HandoffClosed)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("HandoffOpened", "HandoffChecked", "HandoffOpened", "HandoffClosed");
  }

  @Test
  void ticketsWithAnOpenHandoffAreFoundUntilItCloses() {
    Ticket a = openTicket(tenant, "Handed");
    Ticket b = openTicket(tenant, "Not handed");
    Ticket foreign = openTicket(otherTenant, "Handed elsewhere");
    a = handoffs.handOver(tenant, LI, a.id(), a.version(), "technical", "Check the logs", null);
    handoffs.handOver(otherTenant, LI, foreign.id(), foreign.version(), "technical", "x", null);
    TicketQuery open = TicketQuery.builder().withOpenHandoff().build();

    assertThat(service.query(tenant, open).items()).extracting(Ticket::id).containsExactly(a.id());
    Ticket back = handoffs.giveBack(tenant, LI, a.id(), a.version(), 1, "Not a defect");

    assertThat(back.handoffs().get(0).state()).isEqualTo(HandoffState.RETURNED);
    assertThat(service.query(tenant, open).items()).isEmpty();
    assertThat(service.count(otherTenant, open)).isEqualTo(1);
    assertThat(store.get(tenant, b.id()).orElseThrow().handoffs()).isEmpty();
  }

  @Test
  void badHandoffInputWritesNothing() {
    Ticket t = openTicket(tenant, "Refund missing");
    Ticket handed = handoffs.handOver(tenant, LI, t.id(), t.version(), "finance", "why?", null);

    assertThatThrownBy(() -> handoffs.handOver(tenant, LI, t.id(), handed.version(),
        "Finance Dept", "why?", null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("handoff.department").hasMessageContaining("Finance Dept");
    assertThatThrownBy(() -> handoffs.check(tenant, LI, t.id(), handed.version(), 7))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("handoff.seq");
    assertThatThrownBy(() -> handoffs.handOver(tenant, WANG, t.id(), handed.version(),
        "finance", "why?", null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("actor");
    assertThat(store.get(tenant, t.id())).contains(handed);
  }
}
