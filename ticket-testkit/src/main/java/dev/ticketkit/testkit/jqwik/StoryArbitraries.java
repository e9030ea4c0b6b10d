package dev.ticketkit.testkit.jqwik;

import dev.ticketkit.core.CustomFieldValue;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.testkit.story.Gap;
import dev.ticketkit.testkit.story.StoryAction;
import dev.ticketkit.testkit.story.StoryStep;
import dev.ticketkit.testkit.story.Tick;
import dev.ticketkit.testkit.story.TicketStory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries of ticket stories: an intake arriving near a working boundary of a policy
 * calendar, then up to 20 steps (accept, work, reply, wait on the requester, the requester's
 * answer, priority changes, ratings including DISSATISFIED, reopen, escalate, retag, category and
 * customer-tier changes, cancel) with realistic gaps (seconds to days, often to the next working
 * time or exactly to a clock's due instant) and engine ticks that come late, repeated, out of
 * order and from a second node. A {@code SlaHarness} plays a story through the real services.
 *
 * <pre>{@code
 * @Property
 * void myRule(@ForAll("stories") TicketStory story) {
 *   try (SlaHarness h = SlaHarness.create(policies, InMemoryTicketStore.create(),
 *       InMemorySlaStore.create())) {
 *     StoryRun run = h.run(story);
 *     ...
 *   }
 * }
 *
 * @Provide
 * Arbitrary<TicketStory> stories() {
 *   return StoryArbitraries.stories(policies);
 * }
 * }</pre>
 *
 * <p>A failing story shrinks toward fewer, simpler steps (accept, short gaps, no ticks) and prints
 * as a numbered list. Stateless and thread-safe.
 */
public final class StoryArbitraries {

  /** The most steps a generated story has. */
  public static final int MAX_STEPS = 20;

  private StoryArbitraries() {}

  /**
   * Returns stories for the policies: tenants, channels, categories, tags and customer tiers
   * their conditions name; arrivals near the working boundaries of their calendars, in the years
   * their holidays and dated hours cover (2025-2026 if none).
   *
   * @param policies the policies
   * @return the arbitrary
   */
  public static Arbitrary<TicketStory> stories(SlaPolicies policies) {
    Vocabulary v = Vocabulary.of(Objects.requireNonNull(policies, "policies"));
    List<Arbitrary<Instant>> perCalendar = v.calendars().stream()
        .map(c -> CalendarArbitraries.instantsNear(c, v.firstYear(), v.lastYear())).toList();
    Arbitrary<Instant> arrivals = Arbitraries.oneOf(perCalendar);
    return Combinators.combine(Arbitraries.of(v.tenants()), arrivals,
        TicketArbitraries.intakes(v), stepLists(v)).as(TicketStory::new);
  }

  /**
   * Returns stories for the standard policies ({@link SlaPolicies#standard()}).
   *
   * @return the arbitrary
   */
  public static Arbitrary<TicketStory> stories() {
    return stories(SlaPolicies.standard());
  }

  /**
   * Returns single steps for the policies: a gap, an action, and zero to two ticks.
   *
   * @param policies the policies
   * @return the arbitrary
   */
  public static Arbitrary<StoryStep> steps(SlaPolicies policies) {
    return steps(Vocabulary.of(Objects.requireNonNull(policies, "policies")));
  }

  /**
   * Returns step lists of single steps and questions: the agent waits on the requester, who
   * answers seconds, minutes or hours later (so clocks pause, often over no working time, and
   * resume).
   */
  static Arbitrary<List<StoryStep>> stepLists(Vocabulary v) {
    Arbitrary<List<StoryStep>> question = Combinators.combine(gaps(), answerGaps(),
        ticks().list().ofMaxSize(1)).as((ask, answer, ticks) -> List.of(
            StoryStep.of(ask, new StoryAction.WaitOnRequester()),
            new StoryStep(answer, new StoryAction.RequesterReply(), ticks)));
    Arbitrary<List<StoryStep>> chunk = Arbitraries.frequencyOf(
        Tuple.of(5, steps(v).map(List::of)), Tuple.of(1, question));
    return chunk.list().ofMaxSize(MAX_STEPS).map(chunks -> {
      List<StoryStep> out = new ArrayList<>();
      chunks.forEach(out::addAll);
      return List.copyOf(out.subList(0, Math.min(out.size(), MAX_STEPS)));
    });
  }

  /** Returns how long a requester takes to answer: seconds (chat) to the next working day. */
  private static Arbitrary<Gap> answerGaps() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(0, 59).map(s -> Gap.of(Duration.ofSeconds(s)))),
        Tuple.of(3, gaps()));
  }

  static Arbitrary<StoryStep> steps(Vocabulary v) {
    return Combinators.combine(gaps(), actions(v), ticks().list().ofMaxSize(2))
        .as(StoryStep::new);
  }

  /**
   * Returns gaps: none, minutes, hours or days with seconds, to the next working time of the
   * ticket's calendar, to the end of its working range (lunch, closing time) exactly, one second
   * either side or five minutes after, or to a clock's due instant exactly or one second either
   * side.
   *
   * @return the arbitrary; shrinks toward short fixed gaps
   */
  public static Arbitrary<Gap> gaps() {
    Arbitrary<Duration> seconds = Arbitraries.integers().between(0, 59).map(Duration::ofSeconds);
    Arbitrary<Gap> minutes = Combinators.combine(Arbitraries.integers().between(1, 59), seconds)
        .as((m, s) -> Gap.of(Duration.ofMinutes(m).plus(s)));
    Arbitrary<Gap> hours = Combinators.combine(Arbitraries.integers().between(1, 10),
        Arbitraries.integers().between(0, 59), seconds)
        .as((h, m, s) -> Gap.of(Duration.ofHours(h).plusMinutes(m).plus(s)));
    Arbitrary<Gap> days = Combinators.combine(Arbitraries.integers().between(1, 4),
        Arbitraries.integers().between(0, 23))
        .as((d, h) -> Gap.of(Duration.ofDays(d).plusHours(h)));
    Arbitrary<Gap> nextWorking = Arbitraries.integers().between(0, 120)
        .map(m -> Gap.toNextWorkingTime(Duration.ofMinutes(m)));
    Arbitrary<Gap> untilDue = Combinators.combine(Arbitraries.of(SlaMetric.class),
        Arbitraries.of(0, -1, 1)).as((m, s) -> Gap.untilDue(m, Duration.ofSeconds(s)));
    Arbitrary<Gap> closing = Arbitraries.of(0, -1, 1, 300)
        .map(s -> Gap.toClosingTime(Duration.ofSeconds(s)));
    return Arbitraries.frequencyOf(Tuple.of(4, minutes), Tuple.of(3, hours),
        Tuple.of(1, days), Tuple.of(3, nextWorking), Tuple.of(3, closing), Tuple.of(3, untilDue),
        Tuple.of(1, Arbitraries.just(Gap.of(Duration.ZERO))));
  }

  /**
   * Returns engine ticks: mostly on node A at the current instant, sometimes on node B, sometimes
   * late (out of order) by a minute to twelve hours.
   *
   * @return the arbitrary; shrinks toward a tick on node A now
   */
  public static Arbitrary<Tick> ticks() {
    Arbitrary<Duration> late = Arbitraries.integers().between(1, 720).map(Duration::ofMinutes);
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just(Tick.now())),
        Tuple.of(2, Arbitraries.just(new Tick(true, Duration.ZERO))),
        Tuple.of(2, Combinators.combine(Arbitraries.of(false, true), late).as(Tick::new)));
  }

  /**
   * Returns actions for the policies' tags, categories and customer tiers.
   *
   * @param policies the policies
   * @return the arbitrary; shrinks toward accept
   */
  public static Arbitrary<StoryAction> actions(SlaPolicies policies) {
    return actions(Vocabulary.of(Objects.requireNonNull(policies, "policies")));
  }

  static Arbitrary<StoryAction> actions(Vocabulary v) {
    List<Tuple.Tuple2<Integer, Arbitrary<StoryAction>>> choices = List.of(
        Tuple.of(4, Arbitraries.just(new StoryAction.Accept())),
        Tuple.of(4, Arbitraries.just(new StoryAction.Work())),
        Tuple.of(3, Arbitraries.just(new StoryAction.ProposeResolution())),
        Tuple.of(4, Arbitraries.just(new StoryAction.AgentReply())),
        Tuple.of(4, Arbitraries.just(new StoryAction.RequesterReply())),
        Tuple.of(3, Arbitraries.just(new StoryAction.WaitOnRequester())),
        Tuple.of(3, TicketArbitraries.priorities().map(StoryAction.ChangePriority::new)),
        Tuple.of(3, Arbitraries.of(Satisfaction.DISSATISFIED, Satisfaction.SATISFIED,
            Satisfaction.NEUTRAL).map(StoryAction.Rate::new)),
        Tuple.of(1, Arbitraries.just(new StoryAction.Reopen())),
        Tuple.of(1, Arbitraries.just(new StoryAction.Escalate())),
        Tuple.of(2, Combinators.combine(Arbitraries.of(v.tags()), Arbitraries.of(true, false))
            .as(StoryAction.Retag::new)),
        Tuple.of(1, TicketArbitraries.categories(v).injectNull(0.2)
            .map(StoryAction.ChangeCategory::new)),
        Tuple.of(1, Arbitraries.of(v.tiers()).injectNull(0.2).map(t -> new StoryAction
            .SetCustomField(v.tierField(), t == null ? null : CustomFieldValue.text(t)))),
        Tuple.of(1, Arbitraries.just(new StoryAction.Cancel())),
        Tuple.of(1, Arbitraries.just(new StoryAction.HandOver())),
        Tuple.of(2, Arbitraries.of("CHECK", "ANSWERED", "RETURNED")
            .map(StoryAction.HandoffNews::new)),
        Tuple.of(2, Arbitraries.just(new StoryAction.Idle())));
    return Arbitraries.frequencyOf(choices);
  }
}
