package dev.ticketkit.core.routing;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A group's round-robin position: how many turns it has taken and who had the last. The number
 * makes the stored turn a compare-and-set value (an agent may have the turn again later; the
 * number never repeats). Immutable.
 *
 * @param number the turns taken so far, 0 before the first
 * @param last the agent of the last turn, null before the first
 */
public record Turn(long number, @Nullable AgentId last) {

  /** The position of a group that has taken no turn. */
  public static final Turn FIRST = new Turn(0, null);

  /**
   * Checks the turn.
   *
   * @throws InvalidInputException if the number is negative, or 0 with an agent, or above 0 without
   */
  public Turn {
    if (number < 0 || (number == 0) != (last == null)) {
      throw new InvalidInputException("turn", number + " " + last,
          "must be 0 without an agent or positive with one");
    }
  }

  /**
   * Returns the next turn, given to an agent.
   *
   * @param agent the agent
   * @return the turn after this one
   */
  public Turn next(AgentId agent) {
    return new Turn(number + 1, agent);
  }
}
