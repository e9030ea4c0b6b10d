package dev.ticketkit.core.event;

import dev.ticketkit.core.ConversationEntry;
import java.util.Objects;

/**
 * A public reply was added to a ticket's conversation, by an agent, the requester or the system
 * (see the header's actor kind; the first agent reply is the first response).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param entry the reply
 */
public record TicketReplied(EventHeader header, ConversationEntry entry) implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketReplied {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(entry, "entry");
  }
}
