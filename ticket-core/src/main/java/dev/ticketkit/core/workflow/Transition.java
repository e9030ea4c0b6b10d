package dev.ticketkit.core.workflow;

import dev.ticketkit.core.ActorKind;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A named move of a workflow: from one of several states to a target state, fired by the allowed
 * actor kinds when every guard passes, with effects.
 *
 * <p>The target may be {@link #PREVIOUS}: the state remembered by a transition with
 * {@link Effect#REMEMBER_STATE}. A name is 1 to 40 lower-case ASCII letters, digits and {@code _},
 * starting with a letter. Build with {@link #named(String)}. Instances are immutable and
 * thread-safe.
 *
 * @param name the transition's name, unique in its workflow
 * @param from the states it may fire from, at least one
 * @param to the target state's name, or {@link #PREVIOUS}
 * @param actors the actor kinds that may fire it, at least one
 * @param guards the conditions the ticket must meet, checked in order
 * @param effects what it does besides changing the status
 */
public record Transition(
    String name,
    SortedSet<String> from,
    String to,
    Set<ActorKind> actors,
    List<Guard> guards,
    Set<Effect> effects) {

  /** The target that means "the state remembered by {@link Effect#REMEMBER_STATE}". */
  public static final String PREVIOUS = "@previous";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  /**
   * Validates and copies the parts.
   *
   * @throws InvalidInputException if the name is not valid, a state name is not valid, there is
   *     no from-state or no actor kind, or a guard is null
   */
  public Transition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(actors, "actors");
    Objects.requireNonNull(guards, "guards");
    Objects.requireNonNull(effects, "effects");
    checkName(name);
    Objects.requireNonNull(from, "from");
    if (from.isEmpty()) {
      throw new InvalidInputException("transition." + name + ".from", from, "must name a state");
    }
    from.forEach(s -> Status.checkName("transition." + name + ".from", s));
    from = Collections.unmodifiableSortedSet(new TreeSet<>(from));
    if (!PREVIOUS.equals(to)) {
      Status.checkName("transition." + name + ".to", to);
    }
    if (actors == null || actors.isEmpty()) {
      throw new InvalidInputException("transition." + name + ".actors", actors, "must name a kind");
    }
    actors = Collections.unmodifiableSet(EnumSet.copyOf(actors));
    guards = List.copyOf(guards);
    effects = Collections.unmodifiableSet(
        effects.isEmpty() ? EnumSet.noneOf(Effect.class) : EnumSet.copyOf(effects));
  }

  /**
   * Starts building a transition.
   *
   * @param name the transition's name
   * @return the builder
   * @throws InvalidInputException if the name is not valid
   */
  public static Builder named(String name) {
    Objects.requireNonNull(name, "name");
    return new Builder(checkName(name));
  }

  /**
   * Tells whether the transition returns to the remembered state.
   *
   * @return true if the target is {@link #PREVIOUS}
   */
  public boolean returnsToPrevious() {
    return PREVIOUS.equals(to);
  }

  /**
   * Checks a transition name.
   *
   * @param name the name
   * @return the name
   * @throws NullPointerException if the name is null
   * @throws InvalidInputException if the name is not of the documented form
   */
  public static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "transition", name, "must be 1-40 lower-case letters, digits or '_', starting with a letter");
    }
    return name;
  }

  /** Builds a {@link Transition}. Not thread-safe. */
  public static final class Builder {

    private final String name;
    private final SortedSet<String> from = new TreeSet<>();
    private String to = "";
    private final Set<ActorKind> actors = EnumSet.noneOf(ActorKind.class);
    private final List<Guard> guards = new ArrayList<>();
    private final Set<Effect> effects = EnumSet.noneOf(Effect.class);

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Adds states the transition may fire from.
     *
     * @param states the state names
     * @return this builder
     */
    public Builder from(String... states) {
      from.addAll(List.of(states));
      return this;
    }

    /**
     * Sets the target state.
     *
     * @param state the state's name, or {@link #PREVIOUS}
     * @return this builder
     */
    public Builder to(String state) {
      to = Objects.requireNonNull(state, "state");
      return this;
    }

    /**
     * Adds actor kinds that may fire the transition.
     *
     * @param kinds the kinds
     * @return this builder
     */
    public Builder by(ActorKind... kinds) {
      actors.addAll(List.of(kinds));
      return this;
    }

    /**
     * Adds a guard.
     *
     * @param guard the guard
     * @return this builder
     */
    public Builder guard(Guard guard) {
      guards.add(Objects.requireNonNull(guard, "guard"));
      return this;
    }

    /**
     * Adds effects.
     *
     * @param more the effects
     * @return this builder
     */
    public Builder effect(Effect... more) {
      effects.addAll(List.of(more));
      return this;
    }

    /**
     * Returns the transition.
     *
     * @return the transition
     * @throws InvalidInputException if a part is missing or not valid
     */
    public Transition build() {
      return new Transition(name, from, to, actors, guards, effects);
    }
  }
}
