package dev.ticketkit.core.routing;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.InvalidInputException;

/**
 * An agent who may take the ticket being routed: on the roster in the ticket's group, available
 * now, and with room for the ticket's weight. Immutable.
 *
 * @param profile the agent's profile
 * @param load the agent's open load when routing read it (sum of weights of their open tickets)
 */
public record Candidate(AgentProfile profile, int load) {

  /**
   * Checks the candidate.
   *
   * @throws InvalidInputException if the profile is null or the load negative
   */
  public Candidate {
    if (profile == null) {
      throw new InvalidInputException("profile", null, "must not be null");
    }
    if (load < 0) {
      throw new InvalidInputException("load", load, "must not be negative");
    }
  }

  /** @return the agent */
  public AgentId agent() {
    return profile.agent();
  }

  /** @return the load the agent may still take: capacity minus load, at least 0 */
  public int room() {
    return Math.max(0, profile.capacity() - load);
  }

  /** @return the load as a share of the capacity, 1 for an agent without capacity */
  public double utilisation() {
    return profile.capacity() == 0 ? 1 : (double) load / profile.capacity();
  }
}
