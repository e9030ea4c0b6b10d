package dev.ticketkit.core.event;

import dev.ticketkit.core.TicketId;
import java.util.Objects;

/**
 * A ticket was merged into another ticket: it now links MERGED_INTO the target and is in a merged
 * end state.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param into the ticket it was merged into
 */
public record TicketMerged(EventHeader header, TicketId into) implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketMerged {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(into, "into");
  }
}
