package dev.ticketkit.core;

import static dev.ticketkit.core.ServiceFixture.ACME;
import static dev.ticketkit.core.ServiceFixture.LI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.core.workflow.Workflow;
import dev.ticketkit.core.workflow.WorkflowFormatException;
import dev.ticketkit.core.workflow.WorkflowJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, defect 6: one supported range of instants and durations, checked where time enters
 * (the service's clock, workflow durations in code and JSON), with a typed error naming the field
 * and nothing written.
 */
class SupportedTimeTest {

  private static final List<Instant> OUTSIDE = List.of(Instant.MIN, Instant.MAX,
      Instant.parse("-1000000-01-01T00:00:00Z"), Instant.parse("-0001-06-01T00:00:00Z"),
      SupportedTime.MIN_INSTANT.minusNanos(1), SupportedTime.MAX_INSTANT.plusNanos(1));

  @Test
  void theEdgesAreInsideAndEverythingElseOutside() {
    assertThat(SupportedTime.require("at", SupportedTime.MIN_INSTANT)).isEqualTo(Instant.EPOCH);
    assertThat(SupportedTime.require("at", SupportedTime.MAX_INSTANT))
        .isEqualTo(Instant.parse("2101-01-01T00:00:00Z"));
    for (Instant far : OUTSIDE) {
      assertField(() -> SupportedTime.require("at", far), "at");
    }
    assertField(() -> SupportedTime.require("at", null), "at");
    assertThat(SupportedTime.requireDuration("d", SupportedTime.MAX_DURATION))
        .isEqualTo(Duration.between(SupportedTime.MIN_INSTANT, SupportedTime.MAX_INSTANT));
    assertField(() -> SupportedTime.requireDuration("d", SupportedTime.MAX_DURATION.plusNanos(1)), "d");
    assertField(() -> SupportedTime.requireDuration("d", Duration.ofSeconds(-1)), "d");
    assertField(() -> SupportedTime.requireDuration("d", Duration.ofSeconds(Long.MAX_VALUE)), "d");
  }

  @Test
  void aServiceWhoseClockIsOutsideTheRangeWritesNothing() {
    ServiceFixture f = new ServiceFixture();
    Ticket t = f.open();
    int history = f.service.history(ACME, t.id()).size();
    for (Instant far : OUTSIDE) {
      f.clock.set(far);
      assertField(f::open, "clock");
      assertField(() -> f.service.tag(ACME, LI, t.id(), t.version(), Tag.of("x")), "clock");
      assertField(() -> f.service.autoClose(ACME), "clock");
    }
    assertThat(f.service.count(ACME, TicketQuery.all())).isEqualTo(1);
    assertThat(f.service.history(ACME, t.id())).hasSize(history);
    assertThat(f.service.require(ACME, t.id())).isEqualTo(t);
    assertThat(f.events).hasSize(1);
  }

  @Test
  void aTicketAtTheEdgesOfTheRangeWorks() {
    ServiceFixture f = new ServiceFixture();
    f.clock.set(SupportedTime.MIN_INSTANT);
    Ticket first = f.open();
    f.clock.set(SupportedTime.MAX_INSTANT);
    Ticket tagged = f.service.tag(ACME, LI, first.id(), first.version(), Tag.of("x"));
    assertThat(first.createdAt()).isEqualTo(SupportedTime.MIN_INSTANT);
    assertThat(tagged.updatedAt()).isEqualTo(SupportedTime.MAX_INSTANT);
  }

  @Test
  void anAutoCloseDelayLongerThanTheRangeIsRefused() {
    Duration tooLong = SupportedTime.MAX_DURATION.plusSeconds(1);
    assertField(() -> StandardWorkflow.create(tooLong), "autoCloseAfter");
    assertField(() -> StandardWorkflow.create().withAutoCloseAfter(Duration.ofSeconds(Long.MAX_VALUE)),
        "autoCloseAfter");
    Workflow longest = StandardWorkflow.create(SupportedTime.MAX_DURATION);
    assertThat(longest.autoCloseAfter()).isEqualTo(SupportedTime.MAX_DURATION);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT9223372036854775807S", "P106751991167300D", "P100000D"})
  void theWorkflowReaderRefusesAnAutoCloseDelayOutsideTheRangeNamingThePath(String delay) {
    String json = WorkflowJson.write(StandardWorkflow.create())
        .replaceFirst("\"autoCloseAfter\"\\s*:\\s*\"[^\"]*\"", "\"autoCloseAfter\": \"" + delay + "\"");
    assertThat(json).contains(delay);
    assertThatThrownBy(() -> WorkflowJson.read(json))
        .isInstanceOfSatisfying(WorkflowFormatException.class,
            e -> assertThat(e.path()).isEqualTo("$.autoCloseAfter"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\ud800", "\\u0000", "\\udc00x"})
  void theWorkflowReaderRefusesIllFormedNamesNamingThePath(String bad) {
    String json = WorkflowJson.write(StandardWorkflow.create())
        .replaceFirst("\"name\"\\s*:\\s*\"", "\"name\": \"" + bad.replace("\\", "\\\\"));
    assertThatThrownBy(() -> WorkflowJson.read(json))
        .isInstanceOfSatisfying(WorkflowFormatException.class,
            e -> assertThat(e.path()).startsWith("$."));
  }

  private static void assertField(Runnable call, String field) {
    assertThatThrownBy(call::run).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
  }
}
