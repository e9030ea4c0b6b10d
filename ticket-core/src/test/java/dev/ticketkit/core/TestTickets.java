package dev.ticketkit.core;

import java.time.Instant;
import java.util.UUID;

/**
 * Tickets in any state for tests of the workflow and the value checks, made with the
 * package-private builder a host cannot reach (hosts open tickets through the service).
 */
public final class TestTickets {

  private TestTickets() {}

  /**
   * Returns a ticket at version 1, as a store would read it back.
   *
   * @param tenant the tenant
   * @param number the number
   * @param status the status
   * @param at the creation instant
   * @return the ticket
   */
  public static Ticket sample(TenantId tenant, long number, Status status, Instant at) {
    return Ticket.builder().tenant(tenant).id(TicketId.of(UUID.randomUUID())).number(number)
        .set(TicketFields.REQUESTER, Requester.of("req-" + number, "Requester " + number))
        .set(TicketFields.CHANNEL, Channel.EMAIL).set(TicketFields.SUBJECT, "Ticket " + number)
        .set(TicketFields.DESCRIPTION, "Description " + number).status(status)
        .statusChangedAt(at).createdAt(at).updatedAt(at).build();
  }

  /**
   * Returns a copy of a ticket with one field changed (version and instants unchanged).
   *
   * @param ticket the ticket
   * @param field the field
   * @param value the new value
   * @param <T> the field's value type
   * @return the copy, checked as every ticket is
   */
  public static <T> Ticket with(Ticket ticket, TicketField<T> field, T value) {
    return ticket.toBuilder().set(field, value).build();
  }
}
