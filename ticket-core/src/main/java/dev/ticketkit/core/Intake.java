package dev.ticketkit.core;

import java.time.Instant;

/** Makes a new ticket from an intake form. Stateless and thread-safe. */
final class Intake {

  private Intake() {}

  static Ticket ticket(TenantId tenant, TicketId id, long number, NewTicket intake,
      Status initial, Instant now) {
    TicketBuilder b = Ticket.builder().tenant(tenant).id(id).number(number);
    NewTicket.INTAKE.forEach(f -> copy(f, intake, b));
    return b.status(initial).statusChangedAt(now).createdAt(now).updatedAt(now).version(1)
        .set(TicketFields.REQUESTER_UPDATED_AT, now).build();
  }

  private static <T> void copy(TicketField<T> field, NewTicket intake, TicketBuilder b) {
    b.set(field, intake.get(field));
  }
}
