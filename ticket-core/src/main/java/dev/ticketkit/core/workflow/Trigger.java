package dev.ticketkit.core.workflow;

import dev.ticketkit.core.Satisfaction;

/**
 * A service operation that fires a workflow transition on its own, when the workflow maps the
 * trigger to a transition that is legal from the ticket's current state.
 *
 * <p>For example the standard workflow maps {@link #REQUESTER_REPLIED} to
 * {@code requester_answered}, so a requester's reply while waiting on them returns the ticket to
 * where it was, and does nothing in other states. Enum constants are thread-safe.
 */
public enum Trigger {
  /** The requester added a public reply. */
  REQUESTER_REPLIED,
  /** The requester rated the resolution SATISFIED. */
  RATED_SATISFIED,
  /** The requester rated the resolution NEUTRAL. */
  RATED_NEUTRAL,
  /**
   * The requester rated the resolution DISSATISFIED: the reaction to every reason of a workflow
   * without a {@link DissatisfactionPolicy} (a workflow with one must not map it).
   */
  RATED_DISSATISFIED,
  /** The ticket was merged into another one; the mapped transition is required for a merge. */
  MERGED,
  /** The auto-close sweep found the ticket idle long enough in the transition's from-states. */
  AUTO_CLOSE;

  /**
   * Returns the trigger of a rating.
   *
   * @param satisfaction the rating's level
   * @return the matching {@code RATED_*} trigger
   */
  public static Trigger rated(Satisfaction satisfaction) {
    switch (satisfaction) {
      case SATISFIED: return RATED_SATISFIED;
      case NEUTRAL: return RATED_NEUTRAL;
      default: return RATED_DISSATISFIED;
    }
  }
}
