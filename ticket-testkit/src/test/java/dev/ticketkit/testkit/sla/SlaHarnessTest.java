package dev.ticketkit.testkit.sla;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.ticketkit.testkit.story.Tick;
import dev.ticketkit.testkit.story.TicketStory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness plays a story through the real service, and both nodes fire due work. */
class SlaHarnessTest {

  private static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");

  @Test
  void bothNodesFireFromTheSharedStoreAndRefusedActionsChangeNothing() {
    Tick nodeB = new Tick(true, Duration.ZERO);
    Tick lateA = new Tick(false, Duration.ofHours(3));
    TicketStory story = new TicketStory(TenantId.of("acme"), MONDAY_10,
        SampleTickets.intake(Channel.EMAIL, Priority.HIGH), List.of(
            new StoryStep(Gap.of(Duration.ofMinutes(20)), new StoryAction.Rate(
                dev.ticketkit.core.Satisfaction.SATISFIED), List.of(nodeB)),
            new StoryStep(Gap.toClosingTime(Duration.ZERO), new StoryAction.Accept(),
                List.of(Tick.now(), lateA, nodeB))));
    StoryRun run;
    try (SlaHarness h = SlaHarness.create(SlaPolicies.standard(), InMemoryTicketStore.create(),
        InMemorySlaStore.create())) {
      run = h.run(story);
    }
    assertThat(run.failure()).isEmpty();
    assertThat(run.observations().get(1).label()).endsWith("(not allowed now)");
    assertThat(run.handOvers()).extracting(HandOver::node).contains("B");
    Observation accepted = run.observations().stream().filter(o -> o.step() == 2).findFirst()
        .orElseThrow();
    assertThat(accepted.at()).as("12:00, the lunch break").isEqualTo("2026-03-02T04:00:00Z");
    assertThat(accepted.ticket().status().name()).isEqualTo("ACCEPTED");
    assertThat(accepted.clocks()).anyMatch(c ->
        c.key().metric() == SlaMetric.ACCEPTANCE && !c.isOpen());
    for (var check : List.<java.util.function.Consumer<StoryRun>>of(
        SlaChecks::dueIsNeverBeforeStart, EscalationChecks::levelFiresAtMostOnce,
        EscalationChecks::onlyRunningClocksEscalate, SlaChecks::explainNamesTheChosenRule)) {
      check.accept(run);
    }
  }

  @Test
  void policiesThatCallHostCallbacksCanBePlayed() {
    SlaPolicies withCallback = SlaPolicies.fromJson("""
        {"policies": [{"id": "paging", "calendar": "24x7",
          "targets": {"RESOLUTION": {"*": "1h"}},
          "escalations": {"RESOLUTION": {"*": [{"at": "breach", "actions": [{"callback": "page"}]}]}},
          "events": [{"on": "URGENT_FLAGGED", "actions": [{"callback": "wake-lead"}]}]}]}
        """, dev.ticketkit.sla.policy.SlaCalendars.of());
    TicketStory story = new TicketStory(TenantId.of("acme"), MONDAY_10,
        SampleTickets.intake(Channel.PHONE, Priority.URGENT),
        List.of(new StoryStep(Gap.of(Duration.ofHours(2)), new StoryAction.Idle(),
            List.of(Tick.now()))));
    try (SlaHarness h = SlaHarness.create(withCallback, InMemoryTicketStore.create(),
        InMemorySlaStore.create())) {
      StoryRun run = h.run(story);
      assertThat(run.failure()).isEmpty();
      assertThat(run.handOvers()).hasSizeGreaterThanOrEqualTo(2);
    }
  }
}
