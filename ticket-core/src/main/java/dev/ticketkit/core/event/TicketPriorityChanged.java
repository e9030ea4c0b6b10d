package dev.ticketkit.core.event;

import dev.ticketkit.core.Priority;
import java.util.Objects;

/**
 * A ticket's priority changed; SLA targets that depend on priority are recomputed.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param from the priority before
 * @param to the priority after
 */
public record TicketPriorityChanged(
    EventHeader header,
    Priority from,
    Priority to)
    implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketPriorityChanged {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
