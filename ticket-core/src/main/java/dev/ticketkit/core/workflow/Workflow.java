package dev.ticketkit.core.workflow;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.Ticket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A support workflow as data: states with categories, an initial state, named transitions,
 * triggers that fire transitions from service operations, and the auto-close delay.
 *
 * <p>A workflow is validated when built ({@link #builder(String)}) or read from JSON
 * ({@link WorkflowJson}); it precomputes a table from (state, transition name) to transition, so
 * {@link #target(Ticket, Actor, String)} is a lookup. Equal workflows have equal states,
 * transitions, triggers and delay. Instances are immutable and thread-safe.
 */
public final class Workflow {

  /** The auto-close delay when none is configured: seven days. */
  public static final Duration DEFAULT_AUTO_CLOSE_AFTER = Duration.ofDays(7);

  private final String name;
  private final Status initial;
  private final Map<String, Status> states;
  private final Map<String, Transition> transitions;
  private final Map<String, Map<String, Transition>> table;
  private final Map<Trigger, String> triggers;
  private final Duration autoCloseAfter;
  private final @Nullable DissatisfactionPolicy explicitDissatisfaction;
  private final DissatisfactionPolicy dissatisfaction;

  Workflow(WorkflowBuilder.Checked b) {
    name = b.name();
    initial = b.initial();
    states = b.states();
    transitions = b.transitions();
    table = b.table();
    triggers = b.triggers();
    autoCloseAfter = b.autoCloseAfter();
    explicitDissatisfaction = b.explicitDissatisfaction();
    dissatisfaction = b.dissatisfaction();
  }

  /**
   * Starts building a workflow.
   *
   * @param name the workflow's name: 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}
   * @return the builder
   * @throws InvalidInputException if the name is not valid
   */
  public static WorkflowBuilder builder(String name) {
    return new WorkflowBuilder(name);
  }

  /** @return the workflow's name */
  public String name() {
    return name;
  }

  /** @return the state a new ticket starts in; its category is NEW */
  public Status initialStatus() {
    return initial;
  }

  /** @return the states, in declaration order */
  public List<Status> states() {
    return List.copyOf(states.values());
  }

  /**
   * Returns the state with the given name.
   *
   * @param stateName the name
   * @return the state
   * @throws InvalidInputException if the workflow has no such state
   */
  public Status status(String stateName) {
    Status status = stateName == null ? null : states.get(stateName);
    if (status == null) {
      throw new InvalidInputException(
          "status", stateName, "is not a state of workflow " + name + " " + states.keySet());
    }
    return status;
  }

  /**
   * Tells whether the workflow has a state with the given name and category.
   *
   * @param status the status
   * @return true if it is one of this workflow's states
   */
  public boolean hasStatus(Status status) {
    return status.equals(states.get(status.name()));
  }

  /** @return the transitions, in declaration order */
  public List<Transition> transitions() {
    return List.copyOf(transitions.values());
  }

  /**
   * Returns the transition with the given name.
   *
   * @param transitionName the name
   * @return the transition, or empty if there is none
   */
  public Optional<Transition> transition(String transitionName) {
    return Optional.ofNullable(transitions.get(transitionName));
  }

  /**
   * Returns the transitions that may fire from a state (actor kinds and guards aside).
   *
   * @param stateName the state's name
   * @return the transitions, in declaration order; empty for an unknown state
   */
  public Collection<Transition> transitionsFrom(String stateName) {
    return table.getOrDefault(stateName, Map.of()).values();
  }

  /** @return the triggers and the names of the transitions they fire */
  public Map<Trigger, String> triggers() {
    return triggers;
  }

  /**
   * Returns the transition a trigger fires from a state, if the trigger is mapped and the mapped
   * transition fires from that state.
   *
   * @param trigger the trigger
   * @param from the current state
   * @return the transition, or empty
   */
  public Optional<Transition> triggered(Trigger trigger, Status from) {
    String transitionName = triggers.get(trigger);
    return transitionName == null
        ? Optional.empty()
        : Optional.ofNullable(table.getOrDefault(from.name(), Map.of()).get(transitionName));
  }

  /**
   * Returns what a DISSATISFIED rating triggers, by reason: the workflow's policy, or, when it
   * has none, the {@link Trigger#RATED_DISSATISFIED} trigger's transition for every reason.
   *
   * @return the policy in force
   */
  public DissatisfactionPolicy dissatisfaction() {
    return dissatisfaction;
  }

  /** @return the policy the workflow was given, if any (its JSON form writes this one) */
  Optional<DissatisfactionPolicy> explicitDissatisfaction() {
    return Optional.ofNullable(explicitDissatisfaction);
  }

  /**
   * Returns the transition a rating fires from a state: the {@code RATED_*} trigger's for a
   * SATISFIED or NEUTRAL rating, the dissatisfaction policy's reaction for a DISSATISFIED one;
   * empty if there is none or it does not fire from that state.
   *
   * @param rating the rating
   * @param from the current state
   * @return the transition, or empty
   */
  public Optional<Transition> ratingTransition(Rating rating, Status from) {
    if (rating.satisfaction() != Satisfaction.DISSATISFIED) {
      return triggered(Trigger.rated(rating.satisfaction()), from);
    }
    String name = dissatisfaction.reactionTo(Objects.requireNonNull(rating.reason())).transition();
    return name == null
        ? Optional.empty()
        : Optional.ofNullable(table.getOrDefault(from.name(), Map.of()).get(name));
  }

  /** @return how long a ticket may stay in the auto-close transition's from-states */
  public Duration autoCloseAfter() {
    return autoCloseAfter;
  }

  /**
   * Returns a copy with another auto-close delay.
   *
   * @param delay the delay, positive and at most {@link dev.ticketkit.core.SupportedTime#MAX_DURATION}
   * @return the copy
   * @throws InvalidInputException if the delay is not positive or longer than the supported range
   */
  public Workflow withAutoCloseAfter(Duration delay) {
    return WorkflowBuilder.copyOf(this).autoCloseAfter(delay).build();
  }

  /**
   * Checks that a transition may fire on a ticket now and returns the state it leads to.
   *
   * <p>Checks, in order: the transition exists; the ticket's state is a state of this workflow;
   * the transition fires from it; the actor's kind is allowed; every guard passes; and for a
   * {@link Transition#PREVIOUS} target, a state is remembered.
   *
   * @param ticket the ticket as it is now
   * @param actor who fires the transition
   * @param transitionName the transition's name
   * @return the target state
   * @throws InvalidInputException if the workflow has no transition of that name
   * @throws IllegalTransitionException if the transition may not fire now, with the reason
   */
  public Status target(Ticket ticket, Actor actor, String transitionName) {
    Transition t = transitions.get(transitionName);
    if (t == null) {
      throw new InvalidInputException("transition", transitionName,
          "is not a transition of workflow " + name + " " + transitions.keySet());
    }
    return TransitionCheck.target(this, ticket, actor, t);
  }

  Map<String, Map<String, Transition>> table() {
    return table;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Workflow)) {
      return false;
    }
    Workflow w = (Workflow) o;
    return name.equals(w.name) && initial.equals(w.initial) && states().equals(w.states())
        && transitions().equals(w.transitions()) && triggers.equals(w.triggers)
        && autoCloseAfter.equals(w.autoCloseAfter)
        && Objects.equals(explicitDissatisfaction, w.explicitDissatisfaction);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + transitions.hashCode();
  }

  /** Returns the name, the state names and the transition names, for logs. */
  @Override
  public String toString() {
    return "Workflow[" + name + ", states=" + states.keySet() + ", transitions="
        + transitions.keySet() + "]";
  }
}
