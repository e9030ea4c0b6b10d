package dev.ticketkit.core.event;

import dev.ticketkit.core.Status;
import java.util.Objects;

/**
 * A workflow transition moved a ticket from one status to another (the two may be equal for a
 * transition that loops). SLA clocks read the statuses' categories: entering PENDING pauses,
 * leaving it resumes, entering RESOLVED or CLOSED stops.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param from the status before
 * @param to the status after
 * @param transition the name of the transition that fired
 */
public record TicketStatusChanged(
    EventHeader header,
    Status from,
    Status to,
    String transition)
    implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketStatusChanged {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(transition, "transition");
  }
}
