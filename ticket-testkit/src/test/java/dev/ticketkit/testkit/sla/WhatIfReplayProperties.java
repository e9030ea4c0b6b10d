package dev.ticketkit.testkit.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.DoneWork;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.whatif.ClockOutcome;
import dev.ticketkit.sla.whatif.ComplianceRow;
import dev.ticketkit.sla.whatif.OutcomeChange;
import dev.ticketkit.sla.whatif.ReplayedTicket;
import dev.ticketkit.sla.whatif.SlaReplay;
import dev.ticketkit.sla.whatif.WhatIf;
import dev.ticketkit.sla.whatif.WhatIfResult;
import dev.ticketkit.testkit.jqwik.StoryArbitraries;
import dev.ticketkit.testkit.story.Gap;
import dev.ticketkit.testkit.story.StoryAction;
import dev.ticketkit.testkit.story.StoryStep;
import dev.ticketkit.testkit.story.TicketStory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * What-if replay (issue 15): replaying a ticket's recorded history under the policies that were in
 * force reproduces the clocks the engine stored, exactly, and every escalation level the engine
 * fired; a replay under other policies writes nothing and differs only where the targets differ.
 */
class WhatIfReplayProperties {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final SlaPolicies STANDARD = SlaPolicies.standard();
  /** The standard policies with the working-day first response in 10 minutes instead of 15. */
  private static final SlaPolicies TEN_MINUTES = tenMinuteFirstReply();

  @Provide
  Arbitrary<TicketStory> stories() {
    return StoryArbitraries.stories(STANDARD);
  }

  @Property(tries = 300)
  void replayUnderThePoliciesInForceReproducesTheLiveClocks(@ForAll("stories") TicketStory story) {
    Played p = play(story);
    ReplayedTicket replayed = SlaReplay.of(STANDARD).replay(p.history, p.end);
    assertThat(sorted(replayed.clocks())).as(p.log).isEqualTo(sorted(p.live));
    Statistics.label("clocks").collect(p.live.size() > 4 ? "more than 4" : p.live.size());
    Statistics.label("escalations fired").collect(p.fired.isEmpty() ? "none" : "some");
    Set<String> firedLive = p.fired.stream().filter(w -> w.work() instanceof LadderLevelDue)
        .map(w -> levelKey((LadderLevelDue) w.work()))
        .collect(Collectors.toSet());
    Set<String> firedReplay = replayed.escalations().stream()
        .map(WhatIfReplayProperties::levelKey).collect(Collectors.toSet());
    assertThat(firedReplay).as(p.log).containsAll(firedLive);
    assertThat(replayed.escalations()).allMatch(d -> !d.dueAt().isAfter(p.end));
  }

  @Property(tries = 200)
  void aWhatIfOfThePoliciesInForceChangesNothingAndWritesNothing(
      @ForAll("stories") TicketStory story) {
    Played p = play(story);
    int clocksBefore = p.slaStore.clocks(story.tenant(), p.ticket).size();
    WhatIfResult same = WhatIf.of(STANDARD, STANDARD).run(p.tickets, story.tenant(),
        story.arrival(), p.end.plusNanos(1_000));
    assertThat(same.tickets()).isEqualTo(1);
    assertThat(same.changes()).isEmpty();
    for (ComplianceRow r : same.rows()) {
      assertThat(r.whatIf()).isEqualTo(r.actual());
    }
    assertThat(p.slaStore.clocks(story.tenant(), p.ticket)).hasSize(clocksBefore);
    assertThat(p.tickets.history(story.tenant(), p.ticket)).isEqualTo(p.history);
  }

  /**
   * Stories that arrive on the day of a generated story between 09:00 and 17:00 in Shanghai and
   * whose first step is an agent reply 5 to 20 minutes later.
   */
  @Provide
  Arbitrary<TicketStory> quickReplies() {
    return Combinators.combine(stories(), Arbitraries.integers().between(300, 1200),
        Arbitraries.integers().between(0, 8 * 60)).as((story, seconds, minute) -> {
          Instant arrival = story.arrival().atZone(SHANGHAI).toLocalDate().atTime(9, 0)
              .plusMinutes(minute).atZone(SHANGHAI).toInstant();
          List<StoryStep> steps = new ArrayList<>();
          steps.add(StoryStep.of(Gap.of(Duration.ofSeconds(seconds)),
              new StoryAction.AgentReply()));
          steps.addAll(story.steps());
          return new TicketStory(story.tenant(), arrival, story.intake(), steps);
        });
  }

  @Property(tries = 300)
  void aTighterFirstReplyOnlyGainsFirstReplyBreaches(@ForAll("quickReplies") TicketStory story) {
    Played p = play(story);
    WhatIfResult r = WhatIf.of(STANDARD, TEN_MINUTES).run(List.of(p.history), p.end);
    for (OutcomeChange c : r.changes()) {
      assertThat(c.key().metric()).as(r.explain(c)).isEqualTo(SlaMetric.FIRST_RESPONSE);
      assertThat(c.breachAvoided()).as(r.explain(c)).isFalse();
      assertThat(c.actual()).isIn(ClockOutcome.MET, ClockOutcome.OPEN, ClockOutcome.CANCELLED);
      assertThat(r.explain(c)).contains("PT10M").contains("PT15M");
    }
    Statistics.label("outcomes").collect(r.changes().isEmpty() ? "same" : "changed");
    ComplianceRow fr = r.total(SlaMetric.FIRST_RESPONSE);
    assertThat(fr.whatIf().breached() - fr.actual().breached()).isEqualTo(r.breachesGained());
    assertThat(fr.whatIf().clocks()).isEqualTo(fr.actual().clocks());
  }

  private record Played(TicketId ticket, InMemoryTicketStore tickets, InMemorySlaStore slaStore,
      List<HistoryEntry> history, List<SlaClock> live, List<DoneWork> fired, Instant end,
      String log) {}

  private static Played play(TicketStory story) {
    InMemoryTicketStore tickets = InMemoryTicketStore.create();
    InMemorySlaStore sla = InMemorySlaStore.create();
    try (SlaHarness harness = SlaHarness.create(STANDARD, tickets, sla)) {
      StoryRun run = harness.run(story);
      assertThat(run.failure()).as(run.log()).isEmpty();
      TicketId id = run.ticket().orElseThrow();
      List<HistoryEntry> history = tickets.history(story.tenant(), id);
      Instant end = harness.clock().instant();
      return new Played(id, tickets, sla, history, sla.clocks(story.tenant(), id), run.fired(),
          end, run.log());
    }
  }

  private static List<SlaClock> sorted(List<SlaClock> clocks) {
    return clocks.stream().sorted(Comparator.comparing((SlaClock c) -> c.key().metric())
        .thenComparingInt(c -> c.key().cycle())).toList();
  }

  private static String levelKey(LadderLevelDue d) {
    ClockKey k = d.clock();
    return k.metric() + "#" + k.cycle() + "@" + d.level();
  }

  private static SlaPolicies tenMinuteFirstReply() {
    try (InputStream in = SlaPolicies.class.getResourceAsStream("standard-policies.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String changed = json.replace("\"within\": \"15m\"", "\"within\": \"10m\"");
      assertThat(changed).isNotEqualTo(json);
      return SlaPolicies.fromJson(changed, SlaCalendars.standard());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
