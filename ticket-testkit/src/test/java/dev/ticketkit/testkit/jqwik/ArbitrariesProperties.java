package dev.ticketkit.testkit.jqwik;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.testkit.SampleCalendars;
import dev.ticketkit.testkit.story.StoryAction;
import dev.ticketkit.testkit.story.TicketStory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import org.junit.jupiter.api.Test;

/** The arbitraries give valid values and reach the places they promise to reach. */
class ArbitrariesProperties {

  @Property(tries = 200)
  @Domain(SlaDomain.class)
  void randomCalendarsAreConsistentAndHaveWorkingTime(@ForAll BusinessCalendar calendar,
      @ForAll Channel channel) {
    assertThat(BusinessCalendar.fromJson(calendar.toJson())).isEqualTo(calendar);
    Instant start = Instant.parse("2025-06-01T00:00:00Z");
    Instant due = calendar.plus(start, Duration.ofHours(3));
    assertThat(calendar.between(start, due)).isEqualTo(Duration.ofHours(3));
    assertThat(channel).isNotNull();
  }

  /** A fixed-seed sample, so the counts below do not vary from run to run. */
  private static <T> List<T> sample(Arbitrary<T> arbitrary, int n) {
    return arbitrary.generator(1000).stream(new java.util.Random(20260302L)).limit(n)
        .map(net.jqwik.api.Shrinkable::value).toList();
  }

  @Provide
  Arbitrary<Instant> nearChina() {
    return CalendarArbitraries.instantsNear(SampleCalendars.chinaMainland(), 2025, 2026);
  }

  @Example
  void instantsNearAWorkingBoundaryHitItExactlyAndOneSecondEitherSide() {
    BusinessCalendar cn = SampleCalendars.chinaMainland();
    List<Instant> sample = sample(nearChina(), 2000);
    long nearBoundary = sample.stream().filter(t -> cn.isWorkingTime(t)
        != cn.isWorkingTime(t.minusSeconds(1)) || cn.isWorkingTime(t)
        != cn.isWorkingTime(t.plusSeconds(1))).count();
    long lunchStarts = sample.stream().map(t -> t.atZone(cn.zone()).toLocalTime().toString())
        .filter(s -> s.startsWith("12:00")).count();
    assertThat(nearBoundary).as("instants within a second of where working time starts or ends")
        .isGreaterThan(150);
    assertThat(lunchStarts).as("instants at the lunch break").isGreaterThan(50);
    assertThat(sample).allMatch(t -> t.getNano() == 0);
    assertThat(sample.stream().map(t -> t.atZone(cn.zone()).getYear()).collect(Collectors.toSet()))
        .contains(2025, 2026);
  }

  @Example
  void intakesCoverEveryPriorityAndWellKnownChannelAndThePolicysValues() {
    List<NewTicket> sample = sample(TicketArbitraries.intakes(), 1000);
    assertThat(sample.stream().map(NewTicket::priority).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Priority.values());
    assertThat(sample.stream().map(NewTicket::channel).collect(Collectors.toSet()))
        .containsAll(List.of(Channel.EMAIL, Channel.WECHAT_OFFICIAL_ACCOUNT, Channel.DOUYIN,
            Channel.of("LINE")));
    assertThat(sample).anyMatch(t -> t.customFields().containsKey("customer_tier"));
    assertThat(sample).anyMatch(t -> !t.tags().isEmpty());
  }

  @Example
  void storiesUseEveryActionAndPrintAsNumberedSteps() {
    List<TicketStory> sample = sample(StoryArbitraries.stories(), 300);
    Set<Class<?>> kinds = sample.stream().flatMap(s -> s.steps().stream())
        .map(s -> s.action().getClass()).collect(Collectors.toSet());
    assertThat(kinds).containsAll(List.of(StoryAction.class.getPermittedSubclasses()));
    TicketStory longest = sample.stream().max((a, b) -> a.steps().size() - b.steps().size())
        .orElseThrow();
    assertThat(longest.toString()).contains("\n  1. +", "\n  2. +");
    assertThat(longest.steps()).hasSizeLessThanOrEqualTo(StoryArbitraries.MAX_STEPS);
  }

  @Test
  void aCalendarIsReportedByItsJsonForm() {
    CalendarReportingFormat format = new CalendarReportingFormat();
    BusinessCalendar cn = SampleCalendars.chinaMainland();
    assertThat(format.appliesTo(cn)).isTrue();
    assertThat(format.appliesTo("cn")).isFalse();
    assertThat(BusinessCalendar.fromJson((String) format.report(cn))).isEqualTo(cn);
    assertThat(java.util.ServiceLoader.load(net.jqwik.api.SampleReportingFormat.class).stream()
        .map(p -> p.type().getName())).contains(CalendarReportingFormat.class.getName());
  }
}
