package dev.ticketkit.kb.ticket;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.TextRule;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The text of a ticket as the knowledge base needs it: a small input value, independent of the
 * ticket model, that a host fills from its own tickets.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id the ticket id
 * @param subject the subject (may be empty)
 * @param description the description (may be empty)
 * @param resolvedAt when the ticket was resolved, or null while it is open
 * @param reopened whether it was reopened after a resolution
 */
public record TicketText(
    TicketId id,
    String subject,
    String description,
    @Nullable Instant resolvedAt,
    boolean reopened) {

  /** The longest subject or description accepted. */
  public static final int MAX_TEXT = 10_000;

  /**
   * Validates the text.
   *
   * @throws InvalidInputException if the subject or the description is null or too long
   * @throws NullPointerException if the id is null
   */
  public TicketText {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(id, "id");
    if (subject == null || TextRule.length(subject) > MAX_TEXT) {
      throw new InvalidInputException("subject", subject, "must be at most " + MAX_TEXT + " chars");
    }
    if (description == null || TextRule.length(description) > MAX_TEXT) {
      throw new InvalidInputException(
          "description", description, "must be at most " + MAX_TEXT + " chars");
    }
  }

  /**
   * Returns the text of a stored ticket, so a host holding {@link Ticket}s needs no mapping of its
   * own.
   *
   * <p>The ticket counts as resolved when its status is in {@link StatusCategory#RESOLVED} (a
   * resolution awaits confirmation), or in {@link StatusCategory#CLOSED} with a resolution summary
   * in its current cycle (closed after a resolution, not cancelled or merged); its
   * {@code resolvedAt} is then {@link Ticket#statusChangedAt()}, the time it reached that status.
   * It counts as reopened when its resolution cycle is above 1.
   *
   * @param ticket the ticket
   * @return the ticket text
   * @throws InvalidInputException if the subject or the description is too long
   */
  public static TicketText of(Ticket ticket) {
    Objects.requireNonNull(ticket, "ticket");
    StatusCategory category = ticket.status().category();
    boolean resolved = category == StatusCategory.RESOLVED
        || (category == StatusCategory.CLOSED && ticket.resolutionSummary() != null);
    return new TicketText(ticket.id(), ticket.subject(), ticket.description(),
        resolved ? ticket.statusChangedAt() : null, ticket.cycle() > 1);
  }

  /**
   * Returns the text of an open ticket.
   *
   * @param id the ticket id
   * @param subject the subject
   * @param description the description
   * @return the ticket text
   */
  public static TicketText open(TicketId id, String subject, String description) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(description, "description");
    return new TicketText(id, subject, description, null, false);
  }

  /**
   * Returns the text of a resolved ticket.
   *
   * @param id the ticket id
   * @param subject the subject
   * @param description the description
   * @param resolvedAt when it was resolved
   * @return the ticket text
   */
  public static TicketText resolved(
      TicketId id, String subject, String description, Instant resolvedAt) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(description, "description");
    return new TicketText(id, subject, description, Objects.requireNonNull(resolvedAt), false);
  }
}
