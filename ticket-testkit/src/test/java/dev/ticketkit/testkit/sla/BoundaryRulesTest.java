package dev.ticketkit.testkit.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.sla.clock.ClockState;
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
 * The two boundary rules that issue 10 fixed, checked on the stories that used to break them on
 * the standard policies: accepting exactly at the acceptance due instant is MET, and lowering the
 * priority of an overdue clock that nothing had marked BREACHED leaves it BREACHED. The checks of
 * {@link SlaPolicyProperties#stopAtDueIsMet} and {@link SlaPolicyProperties#breachedClockStaysBreached}
 * pass on them; each is shown to fail on a broken engine in {@code BrokenInputsTest}.
 */
class BoundaryRulesTest {

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
  void acceptingExactlyAtTheAcceptanceDueIsMet() {
    StoryRun run = play(StoryStep.of(Gap.untilDue(SlaMetric.ACCEPTANCE, Duration.ZERO),
        new StoryAction.Accept()));
    assertThat(run.observations().get(1).at()).isEqualTo(MONDAY_10.plus(Duration.ofHours(2)));
    SlaChecks.stopAtDueIsMet(run);
    assertThat(run.observations().get(1).clocks()).filteredOn(c -> c.key().metric()
        == SlaMetric.ACCEPTANCE).singleElement()
        .satisfies(c -> assertThat(c.state()).isEqualTo(ClockState.MET));
  }

  @Test
  void loweringThePriorityOfAnOverdueClockLeavesItBreached() {
    StoryRun run = play(StoryStep.of(Gap.of(Duration.ofDays(2)), new StoryAction.Idle()),
        StoryStep.of(Gap.of(Duration.ofMinutes(1)), new StoryAction.ChangePriority(Priority.LOW)));
    SlaChecks.breachedClockStaysBreached(run);
    assertThat(run.observations().get(run.observations().size() - 1).clocks())
        .filteredOn(c -> c.key().metric() == SlaMetric.RESOLUTION).singleElement()
        .satisfies(c -> assertThat(c.state()).isEqualTo(ClockState.BREACHED));
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
