package dev.ticketkit.core.event;

import java.util.Objects;

/**
 * A ticket started a new resolution cycle (the requester was dissatisfied or the fix did not
 * work). The header's cycle is the new cycle; the earlier cycle's figures stay as they were.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param previousCycle the cycle that ended
 * @param transition the transition that reopened it
 */
public record TicketReopened(
    EventHeader header,
    int previousCycle,
    String transition)
    implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketReopened {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(transition, "transition");
  }
}
