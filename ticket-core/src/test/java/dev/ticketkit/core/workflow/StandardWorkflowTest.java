package dev.ticketkit.core.workflow;

import static dev.ticketkit.core.TestTickets.with;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.ActorKind;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TestTickets;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketFields;
import dev.ticketkit.core.workflow.IllegalTransitionException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The standard workflow as a truth table: every transition from every state by every actor kind,
 * and every guard, checked against the table written out by hand from the support process.
 */
class StandardWorkflowTest {

  private static final Workflow WORKFLOW = StandardWorkflow.create();

  /** The process, written independently of {@link StandardWorkflow}: name, from, to, kinds. */
  private static final List<String> EXPECTED_TRANSITIONS = List.of(
      "accept NEW -> ACCEPTED by AGENT",
      "diagnose ACCEPTED -> DIAGNOSING by AGENT",
      "start_fix DIAGNOSING -> RESOLVING by AGENT",
      "propose_resolution RESOLVING -> AWAITING_CONFIRMATION by AGENT",
      "confirm AWAITING_CONFIRMATION -> CLOSED by AGENT,REQUESTER",
      "not_fixed AWAITING_CONFIRMATION -> DIAGNOSING by AGENT,REQUESTER",
      "confirm_with_complaint AWAITING_CONFIRMATION -> CLOSED by AGENT,REQUESTER",
      "auto_close AWAITING_CONFIRMATION -> CLOSED by SYSTEM",
      "wait_on_requester ACCEPTED,DIAGNOSING,RESOLVING -> WAITING_ON_REQUESTER by AGENT",
      "requester_answered WAITING_ON_REQUESTER -> @previous by AGENT,REQUESTER,SYSTEM",
      "cancel ACCEPTED,DIAGNOSING,NEW,RESOLVING,WAITING_ON_REQUESTER -> CANCELLED by AGENT,REQUESTER",
      "merge ACCEPTED,DIAGNOSING,NEW,RESOLVING,WAITING_ON_REQUESTER -> MERGED by AGENT,SYSTEM");

  @Test
  void statesHaveTheDocumentedCategories() {
    assertThat(WORKFLOW.states()).containsExactly(
        Status.of("NEW", StatusCategory.NEW),
        Status.of("ACCEPTED", StatusCategory.OPEN),
        Status.of("DIAGNOSING", StatusCategory.OPEN),
        Status.of("RESOLVING", StatusCategory.OPEN),
        Status.of("WAITING_ON_REQUESTER", StatusCategory.PENDING),
        Status.of("AWAITING_CONFIRMATION", StatusCategory.RESOLVED),
        Status.of("CLOSED", StatusCategory.CLOSED),
        Status.of("CANCELLED", StatusCategory.CLOSED),
        Status.of("MERGED", StatusCategory.CLOSED));
    assertThat(WORKFLOW.initialStatus().name()).isEqualTo("NEW");
    assertThat(WORKFLOW.autoCloseAfter()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void transitionsAreExactlyTheProcess() {
    List<String> actual = new ArrayList<>();
    for (Transition t : WORKFLOW.transitions()) {
      actual.add(t.name() + " " + String.join(",", t.from()) + " -> " + t.to() + " by "
          + String.join(",", t.actors().stream().map(Enum::name).sorted().toList()));
    }
    assertThat(actual).containsExactlyElementsOf(EXPECTED_TRANSITIONS);
  }

  @Test
  void triggersMapToTheProcess() {
    assertThat(WORKFLOW.triggers()).isEqualTo(Map.of(
        Trigger.REQUESTER_REPLIED, "requester_answered",
        Trigger.RATED_SATISFIED, "confirm",
        Trigger.RATED_NEUTRAL, "confirm",
        Trigger.MERGED, "merge",
        Trigger.AUTO_CLOSE, "auto_close"));
    assertThat(WORKFLOW.dissatisfaction()).isEqualTo(StandardWorkflow.dissatisfactionPolicy());
  }

  static Stream<Arguments> everyStateTransitionAndKind() {
    List<Arguments> all = new ArrayList<>();
    for (Status s : WORKFLOW.states()) {
      for (String line : EXPECTED_TRANSITIONS) {
        for (ActorKind kind : ActorKind.values()) {
          all.add(Arguments.of(s.name(), line, kind));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} as {2}")
  @MethodSource("everyStateTransitionAndKind")
  void everyMoveIsLegalExactlyWhenTheProcessSaysSo(String state, String line, ActorKind kind) {
    String[] parts = line.split(" ");
    String name = parts[0];
    List<String> from = List.of(parts[1].split(","));
    String to = parts[3];
    List<String> kinds = List.of(parts[5].split(","));
    Ticket ticket = guardsSatisfied(state);
    if (name.equals(StandardWorkflow.CONFIRM_WITH_COMPLAINT)) {
      ticket = with(ticket, TicketFields.RATING, Rating.of(Satisfaction.DISSATISFIED));
    }
    Actor actor = new Actor(kind, "someone");

    if (!from.contains(state)) {
      assertRefused(ticket, actor, name, Reason.NOT_FROM_STATE);
    } else if (!kinds.contains(kind.name())) {
      assertRefused(ticket, actor, name, Reason.ACTOR_NOT_ALLOWED);
    } else {
      String expected = to.equals(Transition.PREVIOUS) ? "RESOLVING" : to;
      assertThat(WORKFLOW.target(ticket, actor, name).name()).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0} from {1}: {3}")
  @CsvSource({
    "propose_resolution, RESOLVING, none, GUARD_FAILED",
    "propose_resolution, RESOLVING, summary, OK",
    "confirm, AWAITING_CONFIRMATION, none, GUARD_FAILED",
    "confirm, AWAITING_CONFIRMATION, DISSATISFIED, GUARD_FAILED",
    "confirm, AWAITING_CONFIRMATION, NEUTRAL, OK",
    "confirm, AWAITING_CONFIRMATION, SATISFIED, OK",
    "not_fixed, AWAITING_CONFIRMATION, none, OK",
    "confirm_with_complaint, AWAITING_CONFIRMATION, none, GUARD_FAILED",
    "confirm_with_complaint, AWAITING_CONFIRMATION, SATISFIED, GUARD_FAILED",
    "confirm_with_complaint, AWAITING_CONFIRMATION, NEUTRAL, GUARD_FAILED",
    "confirm_with_complaint, AWAITING_CONFIRMATION, DISSATISFIED, OK",
    "requester_answered, WAITING_ON_REQUESTER, none, NO_RETURN_STATE",
    "requester_answered, WAITING_ON_REQUESTER, return, OK",
  })
  void guardsDecide(String transition, String state, String given, String outcome) {
    Ticket ticket = inState(state);
    ticket = with(ticket, TicketFields.RESOLUTION_SUMMARY,
        given.equals("summary") ? "Cleared the cache" : null);
    ticket = with(ticket, TicketFields.RATING, given.matches("[A-Z]+") && !given.equals("none")
        ? Rating.of(Satisfaction.valueOf(given)) : null);
    ticket = with(ticket, TicketFields.RETURN_STATUS,
        given.equals("return") ? WORKFLOW.status("DIAGNOSING") : null);
    Actor agent = Actor.agent("li");

    if (outcome.equals("OK")) {
      assertThat(WORKFLOW.target(ticket, agent, transition)).isNotNull();
    } else {
      assertRefused(ticket, agent, transition, Reason.valueOf(outcome));
    }
  }

  @Test
  void anUnknownTransitionIsBadInputNamingIt() {
    assertThatThrownBy(() -> WORKFLOW.target(inState("NEW"), Actor.agent("li"), "teleport"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("transition");
          assertThat(e.value()).isEqualTo("teleport");
        });
  }

  @Test
  void aStateOutsideTheWorkflowIsRefused() {
    Ticket ticket = with(inState("NEW"), TicketFields.STATUS,
        Status.of("LIMBO", StatusCategory.OPEN));
    assertRefused(ticket, Actor.agent("li"), "accept", Reason.UNKNOWN_STATE);
  }

  @Test
  void triggeredTransitionsApplyOnlyFromTheirStates() {
    assertThat(WORKFLOW.triggered(Trigger.REQUESTER_REPLIED, WORKFLOW.status("DIAGNOSING")))
        .isEmpty();
    assertThat(WORKFLOW.triggered(Trigger.REQUESTER_REPLIED,
        WORKFLOW.status("WAITING_ON_REQUESTER"))).map(Transition::name)
        .contains("requester_answered");
  }

  @Test
  void autoCloseDelayIsConfigurable() {
    assertThat(StandardWorkflow.create(Duration.ofDays(3)).autoCloseAfter())
        .isEqualTo(Duration.ofDays(3));
    assertThat(WORKFLOW.withAutoCloseAfter(Duration.ofHours(36)).autoCloseAfter())
        .isEqualTo(Duration.ofHours(36));
    assertThatThrownBy(() -> StandardWorkflow.create(Duration.ZERO))
        .isInstanceOf(InvalidInputException.class);
  }

  private static void assertRefused(Ticket ticket, Actor actor, String name, Reason reason) {
    assertThatThrownBy(() -> WORKFLOW.target(ticket, actor, name))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.kind()).isEqualTo(reason);
          assertThat(e.ticketId()).isEqualTo(ticket.id());
          assertThat(e.status()).isEqualTo(ticket.status());
          assertThat(e.transition()).isEqualTo(name);
        });
  }

  /** A ticket in the state that meets every guard: summary, a SATISFIED rating, a return state. */
  static Ticket guardsSatisfied(String state) {
    Ticket ticket = with(inState(state), TicketFields.RESOLUTION_SUMMARY, "Cleared the cache");
    ticket = with(ticket, TicketFields.RATING, Rating.of(Satisfaction.SATISFIED));
    return with(ticket, TicketFields.RETURN_STATUS, WORKFLOW.status("RESOLVING"));
  }

  private static final java.time.Instant T0 = java.time.Instant.parse("2024-03-04T01:00:00Z");

  static Ticket inState(String state) {
    return TestTickets.sample(TenantId.of("acme"), 1, WORKFLOW.status(state), T0);
  }

}
