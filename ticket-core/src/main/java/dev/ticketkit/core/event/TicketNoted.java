package dev.ticketkit.core.event;

import dev.ticketkit.core.ConversationEntry;
import java.util.Objects;

/**
 * An internal note was added to a ticket's conversation. Never show it to the requester.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param entry the note
 */
public record TicketNoted(EventHeader header, ConversationEntry entry) implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketNoted {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(entry, "entry");
  }
}
