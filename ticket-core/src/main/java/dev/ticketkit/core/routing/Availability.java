package dev.ticketkit.core.routing;

import dev.ticketkit.core.AgentId;
import java.time.Instant;

/**
 * Tells whether an agent is at work at an instant: only agents available at the moment of
 * routing are candidates. ticket-sla answers it from each agent's business calendar (their
 * shifts); a host may answer it from its own presence data. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Availability {

  /**
   * Tells whether the agent works at the instant.
   *
   * @param agent the agent
   * @param at the instant of routing
   * @return true if the agent may take a ticket then
   */
  boolean isAvailable(AgentId agent, Instant at);

  /**
   * Returns the availability of a team that is always at work.
   *
   * @return availability that answers true
   */
  static Availability always() {
    return (agent, at) -> true;
  }
}
