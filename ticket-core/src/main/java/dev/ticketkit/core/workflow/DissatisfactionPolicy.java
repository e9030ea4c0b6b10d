package dev.ticketkit.core.workflow;

import dev.ticketkit.core.DissatisfactionReason;
import dev.ticketkit.core.InvalidInputException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a DISSATISFIED rating triggers, by its {@link DissatisfactionReason}: policy data of the
 * {@link Workflow}.
 *
 * <p>Each reason maps to a {@link Reaction}: a transition to fire (such as the standard
 * workflow's {@code not_fixed}, which reopens the ticket one tier up), whether to raise
 * {@link dev.ticketkit.core.event.DissatisfactionFlagged} so a listener tells the team lead, or
 * both. Reasons the policy does not list (OTHER, a host's own codes) get its default reaction.
 * The rating itself is always stored and published as {@code TicketRated}, so reports count every
 * reason whatever it triggers. {@code TicketService.rate} applies the reaction in the rating's
 * own write; a reaction's transition that may not fire from the ticket's state is skipped, as a
 * trigger's is.
 *
 * <p>A workflow without a policy reads its {@link Trigger#RATED_DISSATISFIED} trigger as the
 * default reaction for every reason; a workflow with a policy must not map that trigger. The
 * JSON form (a key {@code "dissatisfaction"} of the workflow's JSON, see {@link WorkflowJson}):
 *
 * <pre>{@code
 * "dissatisfaction": {
 *   "default": { "fire": "not_fixed" },
 *   "reasons": {
 *     "NOT_FIXED": { "fire": "not_fixed" },
 *     "POOR_COMMUNICATION": { "notifyTeamLead": true, "fire": "confirm_with_complaint" }
 *   }
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DissatisfactionPolicy {

  private final SortedMap<DissatisfactionReason, Reaction> reactions;
  private final Reaction otherwise;

  /**
   * What one reason triggers.
   *
   * @param transition the transition to fire, or null for none (the ticket keeps its state)
   * @param notifyTeamLead whether to raise {@code DissatisfactionFlagged} for the team lead
   */
  public record Reaction(@Nullable String transition, boolean notifyTeamLead) {

    /** The reaction that does nothing beyond storing the rating. */
    public static final Reaction NOTHING = new Reaction(null, false);

    /**
     * Validates the transition name.
     *
     * @throws InvalidInputException if the name is not of the form of a transition name
     */
    public Reaction {
      if (transition != null) {
        Transition.checkName(transition);
      }
    }

    /**
     * Returns the reaction that fires a transition.
     *
     * @param transition the transition's name
     * @return the reaction
     * @throws InvalidInputException if the name is null or not valid
     */
    public static Reaction fire(String transition) {
      return new Reaction(Transition.checkName(transition), false);
    }

    /**
     * Returns the reaction that tells the team lead, then fires a transition if one is given.
     *
     * @param thenFire the transition's name, or null to leave the ticket's state as it is
     * @return the reaction
     * @throws InvalidInputException if the name is not valid
     */
    public static Reaction notifyTeamLead(@Nullable String thenFire) {
      return new Reaction(thenFire, true);
    }
  }

  private DissatisfactionPolicy(SortedMap<DissatisfactionReason, Reaction> reactions,
      Reaction otherwise) {
    this.reactions = Collections.unmodifiableSortedMap(new TreeMap<>(reactions));
    this.otherwise = otherwise;
  }

  /**
   * Returns a policy that gives every reason the same reaction; add reasons with
   * {@link #with(DissatisfactionReason, Reaction)}.
   *
   * @param otherwise the reaction of every reason the policy does not list
   * @return the policy
   * @throws NullPointerException if the reaction is null
   */
  public static DissatisfactionPolicy of(Reaction otherwise) {
    return new DissatisfactionPolicy(new TreeMap<>(), notNull("otherwise", otherwise));
  }

  /**
   * Returns a copy in which a reason has its own reaction (replacing the one it had).
   *
   * @param reason the reason
   * @param reaction what it triggers
   * @return the copy
   * @throws NullPointerException if an argument is null
   */
  public DissatisfactionPolicy with(DissatisfactionReason reason, Reaction reaction) {
    SortedMap<DissatisfactionReason, Reaction> copy = new TreeMap<>(reactions);
    copy.put(notNull("reason", reason), notNull("reaction", reaction));
    return new DissatisfactionPolicy(copy, otherwise);
  }

  /**
   * Returns what a reason triggers: its own reaction, or the default.
   *
   * @param reason the rating's reason
   * @return the reaction
   * @throws NullPointerException if the reason is null
   */
  public Reaction reactionTo(DissatisfactionReason reason) {
    return reactions.getOrDefault(notNull("reason", reason), otherwise);
  }

  /** @return the reasons with their own reaction, in code order */
  public SortedMap<DissatisfactionReason, Reaction> reactions() {
    return reactions;
  }

  /** @return the reaction of every reason not listed */
  public Reaction otherwise() {
    return otherwise;
  }

  private static <T> T notNull(String field, @Nullable T value) {
    return Objects.requireNonNull(value, field);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DissatisfactionPolicy p && reactions.equals(p.reactions)
        && otherwise.equals(p.otherwise);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reactions, otherwise);
  }

  /** Returns the reactions and the default, for logs. */
  @Override
  public String toString() {
    return "DissatisfactionPolicy" + reactions + " otherwise " + otherwise;
  }
}
