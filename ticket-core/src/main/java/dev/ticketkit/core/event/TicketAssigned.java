package dev.ticketkit.core.event;

import dev.ticketkit.core.AgentId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's assignee changed, by assignment, acceptance or escalation.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param from the assignee before, or null
 * @param to the assignee after, or null when unassigned
 */
public record TicketAssigned(
    EventHeader header,
    @Nullable AgentId from,
    @Nullable AgentId to)
    implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketAssigned {
    Objects.requireNonNull(header, "header");
  }
}
