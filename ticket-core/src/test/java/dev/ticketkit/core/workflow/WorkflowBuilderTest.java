package dev.ticketkit.core.workflow;

import static dev.ticketkit.core.ActorKind.AGENT;
import static dev.ticketkit.core.ActorKind.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.StatusCategory;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A workflow is validated when built; each broken rule names the part that breaks it. */
class WorkflowBuilderTest {

  private static WorkflowBuilder base() {
    return Workflow.builder("test")
        .state("OPEN", StatusCategory.NEW)
        .state("WAIT", StatusCategory.PENDING)
        .state("DONE", StatusCategory.CLOSED);
  }

  static Stream<Arguments> brokenWorkflows() {
    return Stream.of(
        broken("no initial state", b -> b, "initial"),
        broken("initial not of category NEW", b -> b.initial("DONE"), "initial"),
        broken("state named twice", b -> b.state("OPEN", StatusCategory.OPEN), "states[3].name"),
        broken("transition from nowhere", b -> b.initial("OPEN").transition(
            Transition.named("go").from("LIMBO").to("DONE").by(AGENT).build()),
            "transitions[0].from"),
        broken("transition to nowhere", b -> b.initial("OPEN").transition(
            Transition.named("go").from("OPEN").to("LIMBO").by(AGENT).build()),
            "transitions[0].to"),
        broken("transition named twice", b -> b.initial("OPEN")
            .transition(Transition.named("go").from("OPEN").to("DONE").by(AGENT).build())
            .transition(Transition.named("go").from("WAIT").to("DONE").by(AGENT).build()),
            "transitions[1].name"),
        broken("accept by a requester", b -> b.initial("OPEN").transition(
            Transition.named("take").from("OPEN").to("DONE").by(AGENT, REQUESTER)
                .effect(Effect.ACCEPT).build()), "transitions[0].actors"),
        broken("return with nothing remembered", b -> b.initial("OPEN").transition(
            Transition.named("back").from("WAIT").to(Transition.PREVIOUS).by(AGENT).build()),
            "transitions[0].from"),
        broken("trigger to no transition", b -> b.initial("OPEN")
            .trigger(Trigger.AUTO_CLOSE, "close"), "triggers.AUTO_CLOSE"),
        broken("auto-close the system cannot fire", b -> b.initial("OPEN")
            .transition(Transition.named("close").from("OPEN").to("DONE").by(AGENT).build())
            .trigger(Trigger.AUTO_CLOSE, "close"), "triggers.AUTO_CLOSE"),
        broken("merge into an open state", b -> b.initial("OPEN")
            .transition(Transition.named("merge").from("OPEN").to("WAIT").by(AGENT).build())
            .trigger(Trigger.MERGED, "merge"), "triggers.MERGED"),
        broken("zero auto-close delay", b -> b.autoCloseAfter(java.time.Duration.ZERO),
            "autoCloseAfter"));
  }

  private static Arguments broken(String name, UnaryOperator<WorkflowBuilder> change,
      String field) {
    return Arguments.of(name, change, field);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenWorkflows")
  void brokenWorkflowsAreRefusedNamingThePart(
      String name, UnaryOperator<WorkflowBuilder> change, String field) {
    assertThatThrownBy(() -> change.apply(base()).build())
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo(field));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTransitions")
  void badTransitionsAreRefusedWhenBuilt(String name, Transition.Builder builder) {
    assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class);
  }

  static Stream<Arguments> badTransitions() {
    return Stream.of(
        Arguments.of("no from-state", Transition.named("go").to("DONE").by(AGENT)),
        Arguments.of("no actor kind", Transition.named("go").from("OPEN").to("DONE")),
        Arguments.of("no target", Transition.named("go").from("OPEN").by(AGENT)),
        Arguments.of("bad state name", Transition.named("go").from("open").to("DONE").by(AGENT)));
  }

  @org.junit.jupiter.api.Test
  void theLookupTableAnswersPerState() {
    Workflow w = base().initial("OPEN")
        .transition(Transition.named("park").from("OPEN").to("WAIT").by(AGENT)
            .effect(Effect.REMEMBER_STATE).build())
        .transition(Transition.named("back").from("WAIT").to(Transition.PREVIOUS).by(AGENT)
            .build())
        .build();

    assertThat(w.transitionsFrom("OPEN")).extracting(Transition::name).containsExactly("park");
    assertThat(w.transitionsFrom("WAIT")).extracting(Transition::name).containsExactly("back");
    assertThat(w.transitionsFrom("DONE")).isEmpty();
    assertThat(w.transitionsFrom("NOWHERE")).isEmpty();
    assertThat(w.transition("back").orElseThrow().returnsToPrevious()).isTrue();
  }

  @org.junit.jupiter.api.Test
  void builderSettingsMayBeMadeOnce() {
    assertThatThrownBy(() -> base().initial("OPEN").initial("OPEN"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> base().autoCloseAfter(java.time.Duration.ofDays(1))
        .autoCloseAfter(java.time.Duration.ofDays(2))).isInstanceOf(IllegalStateException.class);
  }
}
