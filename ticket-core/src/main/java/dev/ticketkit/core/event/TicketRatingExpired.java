package dev.ticketkit.core.event;

import java.util.Objects;

/**
 * The requester never answered the request to rate the resolution of the header's cycle: the
 * auto-close sweep closed the ticket without a rating. Reports count these as non-responses.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and the unrated cycle
 */
public record TicketRatingExpired(EventHeader header) implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if the header is null
   */
  public TicketRatingExpired {
    Objects.requireNonNull(header, "header");
  }
}
