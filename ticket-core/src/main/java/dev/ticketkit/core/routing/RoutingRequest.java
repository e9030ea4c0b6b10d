package dev.ticketkit.core.routing;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Ticket;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Router} chooses from: the ticket, its group, the candidates in agent-id order,
 * and the agent the group's last round-robin turn went to. Immutable.
 *
 * @param ticket the ticket as it will be stored if no agent is chosen (at intake: before its number
 *     is allocated)
 * @param group the group whose queue the ticket is in
 * @param weight the ticket's weight (see {@link LoadWeights})
 * @param candidates the available agents of the group with room for the weight, in agent-id order
 * @param lastTurn the agent the group's last round-robin turn went to, or null before the first
 */
public record RoutingRequest(Ticket ticket, String group, int weight, List<Candidate> candidates,
    @Nullable AgentId lastTurn) {

  /**
   * Checks the request and copies the candidates.
   *
   * @throws InvalidInputException if a part is null or the weight below 1
   */
  public RoutingRequest {
    if (ticket == null || group == null || candidates == null) {
      throw new InvalidInputException("request", null, "ticket, group and candidates are required");
    }
    if (weight < 1) {
      throw new InvalidInputException("weight", weight, "must be at least 1");
    }
    candidates = List.copyOf(candidates);
  }

  /**
   * Returns the same request over fewer candidates (a router that narrows the choice, such as
   * skills, hands this to the router it delegates to).
   *
   * @param subset the candidates that remain
   * @return the narrowed request
   */
  public RoutingRequest withCandidates(List<Candidate> subset) {
    return new RoutingRequest(ticket, group, weight, subset, lastTurn);
  }
}
