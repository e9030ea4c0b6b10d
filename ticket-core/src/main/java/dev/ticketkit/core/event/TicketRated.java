package dev.ticketkit.core.event;

import dev.ticketkit.core.Rating;
import java.util.Objects;

/**
 * The requester rated a ticket's resolution. The header's cycle is the cycle that was rated; a
 * DISSATISFIED rating is followed in the same change by what the workflow's dissatisfaction policy
 * does for its reason ({@link TicketReopened}, {@link DissatisfactionFlagged}, a status change).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param rating the rating
 */
public record TicketRated(EventHeader header, Rating rating) implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketRated {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(rating, "rating");
  }
}
