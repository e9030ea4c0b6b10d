package dev.ticketkit.core.event;

import dev.ticketkit.core.Rating;
import java.util.Objects;

/**
 * A DISSATISFIED rating whose reason the workflow's dissatisfaction policy marks for the team
 * lead (the standard policy: POOR_COMMUNICATION): a listener tells the lead. Published in the
 * rating's own change, after {@link TicketRated}; the header's cycle is the cycle that was rated.
 * What else the rating does (close, reopen, nothing) is the policy's transition and shows as
 * {@link TicketStatusChanged}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param rating the rating, with its reason and comment
 */
public record DissatisfactionFlagged(EventHeader header, Rating rating) implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public DissatisfactionFlagged {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(rating, "rating");
  }
}
