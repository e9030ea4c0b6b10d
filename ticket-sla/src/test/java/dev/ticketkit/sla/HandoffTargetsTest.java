package dev.ticketkit.sla;

import static dev.ticketkit.sla.SlaFixture.AGENT;
import static dev.ticketkit.sla.SlaFixture.cn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.HandoffDesk;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.sla.calendar.BusinessCalendars;
import dev.ticketkit.sla.policy.HandoffDue;
import dev.ticketkit.sla.policy.HandoffTargets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Department response targets and the follow-up cadence of handoffs, on business calendars. */
class HandoffTargetsTest {

  private final HandoffTargets standard = HandoffTargets.standard();

  @Test
  void theResponseTargetRunsOnWorkingTimeAndTheCadenceRoundTheClock() {
    // 7.5 working hours from Friday 2026-03-13 16:00: 2h to 18:00, then Monday 09-12, 13:30-16:00.
    SlaFixture f = new SlaFixture("2026-03-13T16:00");
    HandoffDesk desk = HandoffDesk.of(f.service);
    Ticket t = f.open(Priority.MEDIUM);
    t = desk.handOver(t.tenant(), AGENT, t.id(), t.version(), "technical", "Check logs", null);

    HandoffDue due = standard.due(f.service, t.tenant(), f.clock.instant()).get(0);

    assertThat(due.responseDue()).isEqualTo(cn("2026-03-16T16:00"));
    assertThat(due.checkDue()).isEqualTo(cn("2026-03-13T16:00").plus(Duration.ofHours(84)));
    assertThat(due.responseOverdue()).isFalse();
  }

  @Test
  void aCheckRestartsTheCadenceAndAnAgreedDateWins() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    HandoffDesk desk = HandoffDesk.of(f.service);
    Ticket t = f.open(Priority.MEDIUM);
    t = desk.handOver(t.tenant(), AGENT, t.id(), t.version(), "finance", "Refund?",
        cn("2026-03-20T12:00"));
    f.advance(Duration.ofHours(90));
    assertThat(standard.due(f.service, t.tenant(), f.clock.instant()))
        .singleElement().satisfies(d -> {
          assertThat(d.checkOverdue()).isTrue();
          assertThat(d.responseOverdue()).isFalse();
          assertThat(d.responseDue()).isEqualTo(cn("2026-03-20T12:00"));
        });

    t = desk.check(t.tenant(), AGENT, t.id(), t.version(), 1);

    assertThat(standard.due(f.service, t.tenant(), f.clock.instant()).get(0).checkDue())
        .isEqualTo(f.clock.instant().plus(Duration.ofHours(84)));
    desk.answer(t.tenant(), AGENT, t.id(), t.version(), 1, "Refunded");
    assertThat(standard.due(f.service, t.tenant(), f.clock.instant())).isEmpty();
    assertThat(standard.due(f.service, TenantId.of("other"), f.clock.instant())).isEmpty();
  }

  @Test
  void targetsMustBePositive() {
    assertThatThrownBy(() -> new HandoffTargets(Duration.ZERO, BusinessCalendars.chinaMainland(),
        Duration.ofHours(1), BusinessCalendars.chinaMainland()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("response");
  }
}
