package dev.ticketkit.testkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.testkit.SampleTickets;
import dev.ticketkit.testkit.story.Gap;
import dev.ticketkit.testkit.story.StoryAction;
import dev.ticketkit.testkit.story.StoryStep;
import dev.ticketkit.testkit.story.TicketStory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two properties that wait for issue 10, {@link SlaPolicyProperties#stopAtDueIsMet} and
 * {@link SlaPolicyProperties#breachedClockStaysBreached}, are disabled because today's engine
 * breaks them. These tests show that each check catches the known counterexample on the standard
 * policies. When the fix lands they fail: then remove {@code @Disabled} from both properties and
 * turn these tests around (the checks pass on the same stories).
 */
class PendingIssue10Test {

  /** Monday 2026-03-02, 10:00 in Shanghai: a working morning on cn-mainland. */
  private static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");

  private static StoryRun play(StoryStep... steps) {
    TicketStory story = new TicketStory(TenantId.of("acme"), MONDAY_10,
        SampleTickets.intake(Channel.EMAIL, Priority.HIGH), List.of(steps));
    try (SlaHarness h = SlaHarness.create(SlaPolicies.standard(), InMemoryTicketStore.create(),
        InMemorySlaStore.create())) {
      return h.run(story);
    }
  }

  @Test
  void acceptingExactlyAtTheAcceptanceDueIsBreachedToday() {
    StoryRun run = play(StoryStep.of(Gap.untilDue(SlaMetric.ACCEPTANCE, Duration.ZERO),
        new StoryAction.Accept()));
    assertThat(run.observations().get(1).at()).isEqualTo(MONDAY_10.plus(Duration.ofHours(2)));
    assertThatThrownBy(() -> SlaChecks.stopAtDueIsMet(run))
        .as("issue 10 fixed? enable SlaPolicyProperties.stopAtDueIsMet and invert this test")
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[" + SlaChecks.STOP_AT_DUE_IS_MET + "]")
        .hasMessageContaining("ACCEPTANCE#1 stopped or paused at 2026-03-02T04:00:00Z");
  }

  @Test
  void loweringThePriorityOfAnOverdueClockMakesItRunAgainToday() {
    StoryRun run = play(StoryStep.of(Gap.of(Duration.ofDays(2)), new StoryAction.Idle()),
        StoryStep.of(Gap.of(Duration.ofMinutes(1)), new StoryAction.ChangePriority(Priority.LOW)));
    assertThatThrownBy(() -> SlaChecks.breachedClockStaysBreached(run))
        .as("issue 10 fixed? enable SlaPolicyProperties.breachedClockStaysBreached and invert"
            + " this test")
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[" + SlaChecks.BREACHED_STAYS + "]")
        .hasMessageContaining("RESOLUTION#1 was BREACHED").hasMessageContaining("is RUNNING");
  }

  @Test
  void bothChecksPassWhereNothingHappensAtTheBoundary() {
    StoryRun run = play(StoryStep.of(Gap.untilDue(SlaMetric.ACCEPTANCE, Duration.ofSeconds(-1)),
        new StoryAction.Accept()),
        StoryStep.of(Gap.of(Duration.ofDays(2)), new StoryAction.ChangePriority(Priority.URGENT)));
    SlaChecks.stopAtDueIsMet(run);
    SlaChecks.breachedClockStaysBreached(run);
  }
}
