package dev.ticketkit.core.workflow;

import dev.ticketkit.core.ActorKind;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.SupportedTime;
import dev.ticketkit.core.internal.SetOnce;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Workflow}: each call checks its own value at once (a state or transition name
 * used twice, a trigger mapped twice, a delay set twice are rejected), and {@link #build()} checks
 * how the parts fit together. Errors name the part as a path, such as {@code transitions[3].to}.
 * Not thread-safe.
 */
public final class WorkflowBuilder {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final SetOnce once = new SetOnce();
  private final String name;
  private final Map<String, Status> states = new LinkedHashMap<>();
  private final Map<String, Transition> transitions = new LinkedHashMap<>();
  private final Map<Trigger, String> triggers = new EnumMap<>(Trigger.class);
  private @Nullable String initial;
  private @Nullable Duration autoCloseAfter;
  private @Nullable DissatisfactionPolicy dissatisfaction;

  WorkflowBuilder(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException("name", name, "must be 1-64 letters, digits, '.', '_' or '-'");
    }
    this.name = name;
  }

  static WorkflowBuilder copyOf(Workflow w) {
    WorkflowBuilder b = new WorkflowBuilder(w.name());
    w.states().forEach(s -> b.state(s.name(), s.category()));
    b.initial(w.initialStatus().name());
    w.transitions().forEach(b::transition);
    w.triggers().forEach(b::trigger);
    w.explicitDissatisfaction().ifPresent(b::dissatisfaction);
    return b;
  }

  /**
   * Adds a state.
   *
   * @param stateName the state's name
   * @param category its category
   * @return this builder
   * @throws InvalidInputException if the name is not valid or already used
   */
  public WorkflowBuilder state(String stateName, StatusCategory category) {
    Objects.requireNonNull(stateName, "stateName");
    Objects.requireNonNull(category, "category");
    String path = "states[" + states.size() + "]";
    Status status = Status.of(Status.checkName(path + ".name", stateName), category);
    if (states.putIfAbsent(stateName, status) != null) {
      throw new InvalidInputException(path + ".name", stateName, "is already a state");
    }
    return this;
  }

  /**
   * Sets the initial state.
   *
   * @param stateName the name of a state of category NEW
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public WorkflowBuilder initial(String stateName) {
    once.mark("initial");
    initial = Objects.requireNonNull(stateName, "initial");
    return this;
  }

  /**
   * Adds a transition.
   *
   * @param transition the transition
   * @return this builder
   * @throws InvalidInputException if its name is already used
   */
  public WorkflowBuilder transition(Transition transition) {
    String path = "transitions[" + transitions.size() + "].name";
    if (transitions.putIfAbsent(transition.name(), transition) != null) {
      throw new InvalidInputException(path, transition.name(), "is already a transition");
    }
    return this;
  }

  /**
   * Maps a trigger to the transition it fires.
   *
   * @param trigger the trigger
   * @param transitionName the transition's name
   * @return this builder
   * @throws InvalidInputException if the trigger is already mapped
   */
  public WorkflowBuilder trigger(Trigger trigger, String transitionName) {
    Objects.requireNonNull(transitionName, "transitionName");
    Objects.requireNonNull(trigger, "trigger");
    if (triggers.putIfAbsent(trigger, Transition.checkName(transitionName)) != null) {
      throw new InvalidInputException("triggers." + trigger, transitionName, "is already mapped");
    }
    return this;
  }

  /**
   * Sets the auto-close delay (default {@link Workflow#DEFAULT_AUTO_CLOSE_AFTER}).
   *
   * @param delay the delay, positive and at most {@link SupportedTime#MAX_DURATION}
   * @return this builder
   * @throws InvalidInputException if not positive or longer than the supported range
   * @throws IllegalStateException if already set
   */
  public WorkflowBuilder autoCloseAfter(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    once.mark("autoCloseAfter");
    if (SupportedTime.requireDuration("autoCloseAfter", delay).isZero()) {
      throw new InvalidInputException("autoCloseAfter", delay, "must be positive");
    }
    autoCloseAfter = delay;
    return this;
  }

  /**
   * Sets what a DISSATISFIED rating triggers, by reason. Without it, the
   * {@link Trigger#RATED_DISSATISFIED} trigger is the reaction to every reason; with it, that
   * trigger must not be mapped.
   *
   * @param policy the policy; its transitions must be transitions of the workflow
   * @return this builder
   * @throws NullPointerException if the policy is null
   * @throws IllegalStateException if already set
   */
  public WorkflowBuilder dissatisfaction(DissatisfactionPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    once.mark("dissatisfaction");
    dissatisfaction = policy;
    return this;
  }

  /**
   * Checks how the parts fit together and returns the workflow.
   *
   * @return the workflow
   * @throws InvalidInputException naming the first part that does not fit
   */
  public Workflow build() {
    return new Workflow(check());
  }

  private Checked check() {
    if (initial == null || !states.containsKey(initial)
        || states.get(initial).category() != StatusCategory.NEW) {
      throw new InvalidInputException("initial", initial, "must name a state of category NEW");
    }
    int i = 0;
    for (Transition t : transitions.values()) {
      checkTransition("transitions[" + i++ + "]", t);
    }
    triggers.forEach(this::checkTrigger);
    DissatisfactionPolicy policy = checkDissatisfaction();
    Map<String, Map<String, Transition>> table = new LinkedHashMap<>();
    states.keySet().forEach(s -> table.put(s, new LinkedHashMap<>()));
    transitions.values().forEach(t -> t.from().forEach(s -> table.get(s).put(t.name(), t)));
    table.replaceAll((s, row) -> Collections.unmodifiableMap(row));
    return new Checked(name, states.get(initial), Collections.unmodifiableMap(
        new LinkedHashMap<>(states)), Collections.unmodifiableMap(new LinkedHashMap<>(transitions)),
        Collections.unmodifiableMap(table), Collections.unmodifiableMap(new EnumMap<>(triggers)),
        autoCloseAfter == null ? Workflow.DEFAULT_AUTO_CLOSE_AFTER : autoCloseAfter,
        dissatisfaction, policy);
  }

  /** Checks the policy's transitions, or derives the policy from the RATED_DISSATISFIED trigger. */
  private DissatisfactionPolicy checkDissatisfaction() {
    if (dissatisfaction == null) {
      String t = triggers.get(Trigger.RATED_DISSATISFIED);
      return DissatisfactionPolicy.of(t == null
          ? DissatisfactionPolicy.Reaction.NOTHING : DissatisfactionPolicy.Reaction.fire(t));
    }
    if (triggers.containsKey(Trigger.RATED_DISSATISFIED)) {
      throw new InvalidInputException("triggers." + Trigger.RATED_DISSATISFIED,
          triggers.get(Trigger.RATED_DISSATISFIED),
          "must not be mapped when the workflow has a dissatisfaction policy; make it the"
          + " policy's default reaction");
    }
    checkReaction("dissatisfaction.default", dissatisfaction.otherwise());
    dissatisfaction.reactions().forEach(
        (reason, r) -> checkReaction("dissatisfaction.reasons." + reason, r));
    return dissatisfaction;
  }

  private void checkReaction(String path, DissatisfactionPolicy.Reaction r) {
    if (r.transition() != null && !transitions.containsKey(r.transition())) {
      throw new InvalidInputException(path + ".fire", r.transition(), "is not a transition");
    }
  }

  private void checkTransition(String path, Transition t) {
    for (String from : t.from()) {
      if (!states.containsKey(from)) {
        throw new InvalidInputException(path + ".from", from, "is not a state");
      }
    }
    if (t.returnsToPrevious()) {
      checkReturn(path, t);
    } else if (!states.containsKey(t.to())) {
      throw new InvalidInputException(path + ".to", t.to(), "is not a state");
    }
    if (t.effects().contains(Effect.ACCEPT) && !t.actors().equals(Set.of(ActorKind.AGENT))) {
      throw new InvalidInputException(path + ".actors", t.actors(),
          "must be [AGENT] alone for a transition with effect ACCEPT");
    }
  }

  private void checkReturn(String path, Transition t) {
    if (t.effects().contains(Effect.REMEMBER_STATE)) {
      throw new InvalidInputException(path + ".effects", t.effects(),
          "must not remember a state on a transition to " + Transition.PREVIOUS);
    }
    for (String from : t.from()) {
      boolean entered = transitions.values().stream().anyMatch(
          r -> r.effects().contains(Effect.REMEMBER_STATE) && r.to().equals(from));
      if (!entered) {
        throw new InvalidInputException(path + ".from", from,
            "is entered by no REMEMBER_STATE transition, so nothing is remembered to return to");
      }
    }
  }

  private void checkTrigger(Trigger trigger, String transitionName) {
    String path = "triggers." + trigger;
    Transition t = transitions.get(transitionName);
    if (t == null) {
      throw new InvalidInputException(path, transitionName, "is not a transition");
    }
    if (trigger == Trigger.AUTO_CLOSE && !t.actors().contains(ActorKind.SYSTEM)) {
      throw new InvalidInputException(path, transitionName, "must allow SYSTEM actors");
    }
    if ((trigger == Trigger.AUTO_CLOSE || trigger == Trigger.MERGED) && !t.returnsToPrevious()
        && states.get(t.to()).category() != StatusCategory.CLOSED) {
      throw new InvalidInputException(path, transitionName, "must lead to a CLOSED state");
    }
  }

  /** The checked parts, handed to the workflow's constructor. */
  record Checked(
      String name,
      Status initial,
      Map<String, Status> states,
      Map<String, Transition> transitions,
      Map<String, Map<String, Transition>> table,
      Map<Trigger, String> triggers,
      Duration autoCloseAfter,
      @Nullable DissatisfactionPolicy explicitDissatisfaction,
      DissatisfactionPolicy dissatisfaction) {}
}
