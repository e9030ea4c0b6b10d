package dev.ticketkit.sla.escalation;

import dev.ticketkit.core.Ticket;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link Notifier} or an {@link SlaCallback} is told: the ticket, why the actions run, and
 * when.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param ticket the ticket as read just before the actions
 * @param cause the ladder level that came due, or the event rule a change triggered
 * @param at when: the tick's instant for a level, the change's instant for a rule
 * @param summary one line for people, such as
 *     {@code "ticket #12 (acme, HIGH) FIRST_RESPONSE#1 level 2 at 80% of PT15M (due ...)"}
 */
public record EscalationContext(Ticket ticket, EscalationCause cause, Instant at,
    String summary) {

  /** Validates the context. */
  public EscalationContext {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(summary, "summary");
  }
}
