package dev.ticketkit.core.event;

import dev.ticketkit.core.TicketLink;
import java.util.Objects;

/**
 * A link from a ticket to another ticket of the same tenant was added.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param link the link
 */
public record TicketLinked(EventHeader header, TicketLink link) implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketLinked {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(link, "link");
  }
}
