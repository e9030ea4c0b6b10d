package dev.ticketkit.core;

import static dev.ticketkit.core.ServiceFixture.ACME;
import static dev.ticketkit.core.ServiceFixture.LI;
import static dev.ticketkit.core.ServiceFixture.WANG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.workflow.StandardWorkflow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Weekly follow-ups done vs due, replayed from the histories of an agent's tickets. */
class FollowUpWeeklyTest {

  private final ServiceFixture f = new ServiceFixture();
  private final FollowUpLedger ledger = FollowUpLedger.of(f.service, Duration.ofHours(84));

  @Test
  void repliesAreDoneAndMissedDeadlinesAreDueUntilTheTicketCloses() {
    Instant t0 = f.clock.instant();
    Ticket t = f.open();
    t = f.service.assign(ACME, LI, t.id(), t.version(), LI.asAgent());
    f.clock.advance(Duration.ofHours(50));
    t = f.service.reply(ACME, LI, t.id(), t.version(), Message.of(Channel.EMAIL, "On it"));
    f.clock.advance(Duration.ofHours(10));
    t = f.service.reply(ACME, WANG, t.id(), t.version(), Message.of(Channel.EMAIL, "Any news?"));
    f.clock.advance(Duration.ofHours(170));   // deadlines at 134h (week 0) and 218h (week 1)
    f.fire(t, WANG, StandardWorkflow.CANCEL);
    f.clock.advance(Duration.ofDays(10));
    Ticket other = f.open();
    f.service.assign(ACME, LI, other.id(), other.version(), AgentId.of("zhang"));

    assertThat(ledger.weekly(ACME, LI.asAgent(), t0, 3))
        .extracting(WeeklyFollowUps::done, WeeklyFollowUps::due)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1L),
            org.assertj.core.groups.Tuple.tuple(0L, 1L),
            org.assertj.core.groups.Tuple.tuple(0L, 0L));
    assertThat(ledger.weekly(ServiceFixture.GLOBEX, LI.asAgent(), t0, 3))
        .allSatisfy(w -> assertThat(w.done() + w.due()).isZero());
  }

  @Test
  void deadlinesInTheFutureAreNotDue() {
    Instant t0 = f.clock.instant();
    Ticket t = f.open();
    f.service.assign(ACME, LI, t.id(), t.version(), LI.asAgent());
    f.clock.advance(Duration.ofHours(100));

    assertThat(ledger.weekly(ACME, LI.asAgent(), t0, 2))
        .extracting(WeeklyFollowUps::due).containsExactly(1L, 0L);
  }
}
