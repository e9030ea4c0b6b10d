package dev.ticketkit.testkit.sla;

import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.testkit.jqwik.CalendarArbitraries;
import dev.ticketkit.testkit.jqwik.StoryArbitraries;
import dev.ticketkit.testkit.story.TicketStory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The standard policies moved onto random calendars (any zone, DST, breaks, holidays, make-up and
 * short days) keep every enabled engine/store property, the explain property and the due-range
 * property: the engine's arithmetic does not depend on the China calendar it is usually tested
 * on.
 *
 * <p>Not the priority-upgrade property: it is a property of the targets on their calendar, and
 * the standard targets keep it only where 7.5 working hours (HIGH) never pass in less than 8 wall
 * hours (URGENT, round the clock), as on cn-mainland. On a calendar with long working days it
 * fails, which is what the property is for: a host who copies the standard document onto its own
 * calendar learns it from {@link SlaPolicyProperties}.
 */
class RandomCalendarProperties {

  /** A random calendar, the standard policies on it, and a story for them. */
  record Case(BusinessCalendar calendar, SlaPolicies policies, TicketStory story) {
    @Override
    public String toString() {
      return "calendar " + calendar.toJson() + "\n" + story;
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Instant week = Instant.parse("2025-01-06T00:00:00Z");
    return CalendarArbitraries.calendars()
        .filter(c -> c.between(week, week.plus(Duration.ofDays(7))).toHours() >= 10)
        .flatMap(c -> {
          SlaPolicies policies = standardOn(c);
          return StoryArbitraries.stories(policies).map(s -> new Case(c, policies, s));
        });
  }

  @Property(tries = 60)
  void theStandardPoliciesKeepEveryPropertyOnAnyCalendar(@ForAll("cases") Case c) {
    StoryRun run;
    try (SlaHarness h = SlaHarness.create(c.policies(), InMemoryTicketStore.create(),
        InMemorySlaStore.create())) {
      run = h.run(c.story());
    }
    SlaChecks.everyClockGetsADueInstant(run);
    SlaChecks.dueIsNeverBeforeStart(run);
    SlaChecks.pauseNeverBringsDueEarlier(run);
    SlaChecks.elapsedNeverExceedsWallTime(run);
    SlaChecks.explainNamesTheChosenRule(run);
    EscalationChecks.levelFiresAtMostOnce(run);
    EscalationChecks.onlyRunningClocksEscalate(run);
  }

  private static SlaPolicies standardOn(BusinessCalendar calendar) {
    try (InputStream in = SlaPolicies.class.getResourceAsStream("standard-policies.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("\"cn-mainland\"", "\"" + calendar.id() + "\"");
      return SlaPolicies.fromJson(json, SlaCalendars.of(calendar));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
