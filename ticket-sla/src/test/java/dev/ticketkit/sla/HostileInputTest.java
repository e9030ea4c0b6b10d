package dev.ticketkit.sla;

import static dev.ticketkit.sla.SlaFixture.ACME;
import static dev.ticketkit.sla.SlaFixture.AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.SupportedTime;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.EscalationAction;
import dev.ticketkit.sla.escalation.LevelTrigger;
import dev.ticketkit.sla.policy.PolicyFormatException;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.policy.TargetRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11 against the SLA module: instants and durations outside the one supported range
 * ({@link SupportedTime}), text the databases cannot keep in policy ids, recipients and callback
 * names, and an escalation's ticket change the ticket refuses (at its tag limit), each refused or
 * recorded with a typed error naming the field, never dropped silently.
 */
class HostileInputTest {

  private static final String LONG_SECONDS = "PT" + Long.MAX_VALUE + "S";

  private static String policy(String id, String within, String action) {
    return "{\"policies\":[{\"id\":\"" + id + "\",\"calendar\":\"24x7\","
        + "\"targets\":{\"FIRST_RESPONSE\":{\"*\":\"" + within + "\"}},"
        + "\"escalations\":{\"FIRST_RESPONSE\":{\"*\":[{\"at\":\"breach\",\"actions\":["
        + action + "]}]}}}]}";
  }

  static Stream<Arguments> badPolicies() {
    return Stream.of(
        Arguments.of(policy("p", LONG_SECONDS, "{\"notify\":\"x\"}"),
            "$.policies[0].targets.FIRST_RESPONSE.*"),
        Arguments.of(policy("p", "999999999d", "{\"notify\":\"x\"}"),
            "$.policies[0].targets.FIRST_RESPONSE.*"),
        Arguments.of(policy("p", "1h", "{\"notify\":\"x\"}").replace("\"breach\"",
            "\"breach+P100000D\""), "$.policies[0].escalations.FIRST_RESPONSE.*[0].at"),
        Arguments.of(policy("p\\ud800", "1h", "{\"notify\":\"x\"}"), "$.policies[0].id"),
        Arguments.of(policy("p\\u0000", "1h", "{\"notify\":\"x\"}"), "$.policies[0].id"),
        Arguments.of(policy("p".repeat(201), "1h", "{\"notify\":\"x\"}"), "$.policies[0].id"),
        Arguments.of(policy("p", "1h", "{\"notify\":\"lead\\udc00\"}"),
            "$.policies[0].escalations.FIRST_RESPONSE.*[0].actions[0].notify"),
        Arguments.of(policy("p", "1h", "{\"notify\":\"a\\u0000b\"}"),
            "$.policies[0].escalations.FIRST_RESPONSE.*[0].actions[0].notify"),
        Arguments.of(policy("p", "1h", "{\"callback\":\"page\\ud83d\"}"),
            "$.policies[0].escalations.FIRST_RESPONSE.*[0].actions[0].callback"),
        Arguments.of("{\"policies\":[{\"id\":\"p\",\"calendar\":\"24x7\",\"when\":"
            + "{\"customerTier\":[\"gold\\ud800\"]}}]}", "$.policies[0].when.customerTier[0]"));
  }

  @ParameterizedTest
  @MethodSource("badPolicies")
  void thePolicyReaderRefusesOutOfRangeDurationsAndIllFormedTextNamingThePath(String json,
      String path) {
    assertThatThrownBy(() -> SlaPolicies.fromJson(json, SlaCalendars.standard()))
        .isInstanceOf(PolicyFormatException.class)
        .satisfies(e -> assertThat(((PolicyFormatException) e).field()).isEqualTo(path));
  }

  @Test
  void theApiRefusesTheSameValuesNamingTheField() {
    Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
    assertField(() -> TargetRule.always(huge), "within");
    assertField(() -> LevelTrigger.afterBreach(SupportedTime.MAX_DURATION.plusNanos(1)),
        "trigger.afterBreach");
    assertField(() -> new EscalationAction.Notify("lead\ud800"), "notify");
    assertField(() -> new EscalationAction.Callback("page\u0000"), "callback");
    assertThat(TargetRule.always(SupportedTime.MAX_DURATION).within())
        .isEqualTo(SupportedTime.MAX_DURATION);
  }

  @Test
  void theSupportedRangeIsTheCalendarsRange() {
    assertThat(SupportedTime.MIN_INSTANT).isEqualTo(BusinessCalendar.MIN_INSTANT);
    assertThat(SupportedTime.MAX_INSTANT).isEqualTo(BusinessCalendar.MAX_INSTANT);
  }

  @Test
  void aTickOrAnExplanationOutsideTheRangeIsATypedError() {
    SlaFixture f = new SlaFixture("2026-03-02T10:00");
    for (Instant far : List.of(Instant.MIN, Instant.MAX, Instant.EPOCH.minusNanos(1),
        SupportedTime.MAX_INSTANT.plusNanos(1))) {
      assertField(() -> f.engine.tick(far), "now");
    }
    Ticket t = f.open(Priority.HIGH);
    assertField(() -> f.engine.explain(f.clock(t, SlaMetric.FIRST_RESPONSE, 1), Instant.MAX),
        "now");
    assertThat(f.engine.tick(SupportedTime.MAX_INSTANT)).isPositive();
  }

  @Test
  void aClockOutsideTheRangeWritesNothing() {
    SlaFixture f = new SlaFixture("2026-03-02T10:00");
    Ticket t = f.open(Priority.HIGH);
    for (Instant far : List.of(Instant.MIN, Instant.MAX, Instant.parse("-1000000-01-01T00:00:00Z"),
        Instant.parse("1969-12-31T23:59:59Z"), Instant.parse("2101-01-01T00:00:01Z"))) {
      f.clock.set(far);
      assertField(() -> f.open(Priority.LOW), "clock");
      assertField(() -> f.service.tag(ACME, AGENT, t.id(), t.version(), Tag.of("x")), "clock");
      assertField(() -> f.service.autoClose(ACME), "clock");
    }
    assertThat(f.service.count(ACME, TicketQuery.all())).isEqualTo(1);
    assertThat(f.current(t).version()).isEqualTo(t.version());
  }

  @Test
  void aTicketWhoseDueInstantFallsPastTheRangeIsRefusedWithATypedError() {
    // Friday 2100-12-31 16:00 Shanghai: a two-working-day target on the China calendar would be
    // due in 2101, past the range.
    SlaFixture f = new SlaFixture("2100-12-31T16:00");
    assertThatThrownBy(() -> f.open(Priority.LOW)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("sla.dueAt"));
    assertThat(f.service.count(ACME, TicketQuery.all())).isZero();
    assertThat(f.slaStore.due(SupportedTime.MAX_INSTANT, 10)).isEmpty();
  }

  @Test
  void aTagActionOnATicketAtItsTagLimitIsRecordedNotDropped() {
    SlaPolicies policies = SlaPolicies.fromJson(policy("p", "1h", "{\"tag\":\"late\"}"),
        SlaCalendars.standard());
    SlaFixture f = new SlaFixture("2026-03-02T10:00", policies);
    Ticket t = f.open(Priority.HIGH);
    for (int i = 0; i < Ticket.MAX_TAGS; i++) {
      t = f.service.tag(ACME, AGENT, t.id(), t.version(), Tag.of("t" + i));
    }
    f.advance(Duration.ofHours(2));
    assertThat(f.tick()).isEqualTo(1);
    assertThat(f.tick()).isZero();

    Ticket after = f.current(t);
    assertThat(after.tags()).hasSize(Ticket.MAX_TAGS).doesNotContain(Tag.of("late"));
    List<HistoryEntry> causes = f.service.history(ACME, t.id()).stream()
        .filter(h -> h.field().equals(TicketField.CAUSE)).toList();
    assertThat(causes).singleElement().satisfies(h -> assertThat(h.after())
        .contains("SLA escalation").contains("breach").contains("not applied")
        .contains("tag late").contains("tags"));
    assertThat(f.slaStore.done(ACME, Instant.EPOCH, SupportedTime.MAX_INSTANT)).hasSize(1);
  }

  @Test
  void anAppliedEscalationKeepsItsReasonInTheHistory() {
    SlaPolicies policies = SlaPolicies.fromJson(policy("p", "1h", "{\"tag\":\"late\"}"),
        SlaCalendars.standard());
    SlaFixture f = new SlaFixture("2026-03-02T10:00", policies);
    Ticket t = f.open(Priority.HIGH);
    f.advance(Duration.ofHours(2));
    assertThat(f.tick()).isEqualTo(1);
    assertThat(f.current(t).tags()).contains(Tag.of("late"));
    assertThat(f.service.history(ACME, t.id())).filteredOn(h -> h.field().equals(TicketField.CAUSE))
        .singleElement().satisfies(h -> assertThat(h.after()).contains("SLA escalation")
            .contains("FIRST_RESPONSE").doesNotContain("not applied"));
  }

  private static void assertField(Runnable call, String field) {
    assertThatThrownBy(call::run).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
  }
}
