package dev.ticketkit.kb.ticket;

import dev.ticketkit.core.TicketId;
import java.util.Objects;

/**
 * A ticket ranked by {@link TicketSolutions#similarTickets}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param ticketId the ticket
 * @param similarity the cosine similarity of its text to the other ticket's, -1 to 1
 */
public record SimilarTicket(TicketId ticketId, double similarity) {

  /**
   * Checks the id is present.
   *
   * @throws NullPointerException if the id is null
   */
  public SimilarTicket {
    Objects.requireNonNull(ticketId, "ticketId");
  }
}
