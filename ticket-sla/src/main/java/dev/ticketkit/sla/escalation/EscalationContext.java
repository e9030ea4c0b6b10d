package dev.ticketkit.sla.escalation;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.sla.clock.SlaClock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why an action runs: the ticket, and either the clock and ladder level that came due or the
 * ticket event that triggered a rule.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param ticket the ticket as read just before the action
 * @param clock the clock whose level came due, or null for an event rule
 * @param level the level that came due, or null for an event rule
 * @param trigger the event kind of an event rule, or null for a ladder level
 * @param at when: the tick's instant for a level, the event's instant for a rule
 * @param summary one line for people, such as
 *     {@code "ticket #12 FIRST_RESPONSE#1 reached 80% of 15m (due 2026-03-02T02:15:00Z)"}
 */
public record EscalationContext(
    Ticket ticket,
    @Nullable SlaClock clock,
    @Nullable EscalationLevel level,
    @Nullable TicketTrigger trigger,
    Instant at,
    String summary) {

  /**
   * Validates the context.
   *
   * @throws InvalidInputException unless it has a clock and level, or a trigger
   */
  public EscalationContext {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(summary, "summary");
    boolean fromLevel = clock != null && level != null && trigger == null;
    boolean fromRule = clock == null && level == null && trigger != null;
    if (!fromLevel && !fromRule) {
      throw new InvalidInputException("context", summary,
          "must have a clock and a level, or a trigger");
    }
  }
}
