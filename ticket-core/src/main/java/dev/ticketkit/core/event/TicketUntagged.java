package dev.ticketkit.core.event;

import dev.ticketkit.core.Tag;
import java.util.Objects;

/**
 * A tag was removed from a ticket.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param tag the tag
 */
public record TicketUntagged(EventHeader header, Tag tag) implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketUntagged {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(tag, "tag");
  }
}
