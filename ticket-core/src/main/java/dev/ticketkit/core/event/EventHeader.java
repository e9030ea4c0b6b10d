package dev.ticketkit.core.event;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import java.time.Instant;
import java.util.Objects;

/**
 * What every ticket event carries: the tenant, the ticket, the ticket version the change produced,
 * who made it, when, and which resolution cycle it belongs to.
 *
 * <p>{@code (ticketId, ticketVersion)} plus the event's position in its change set identifies an
 * event, which an outbox can use to deliver each event once. Instances are immutable and
 * thread-safe.
 *
 * @param tenant the ticket's tenant
 * @param ticketId the ticket
 * @param ticketVersion the ticket version after the change, 1 or more
 * @param actor who made the change
 * @param at when the change was made
 * @param cycle the resolution cycle the event belongs to, 1 or more: the ticket's cycle after
 *     the change, except for {@link TicketRated}, which gives the cycle that was rated
 */
public record EventHeader(
    TenantId tenant, TicketId ticketId, long ticketVersion, Actor actor, Instant at, int cycle) {

  /**
   * Validates the header.
   *
   * @throws NullPointerException if a part is null
   * @throws InvalidInputException if the version or cycle is below 1
   */
  public EventHeader {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    if (ticketVersion < 1) {
      throw new InvalidInputException("ticketVersion", ticketVersion, "must be 1 or more");
    }
    if (cycle < 1) {
      throw new InvalidInputException("cycle", cycle, "must be 1 or more");
    }
  }
}
