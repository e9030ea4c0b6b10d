package dev.ticketkit.report;

import dev.ticketkit.core.TicketId;
import java.util.Objects;

/**
 * A ticket shown as an example. Instances are immutable and thread-safe.
 *
 * @param id the ticket
 * @param number its number
 * @param subject its subject
 */
public record ExampleTicket(TicketId id, long number, String subject) {

  /**
   * Validates the example.
   *
   * @throws NullPointerException if a part is null
   */
  public ExampleTicket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subject, "subject");
  }
}
