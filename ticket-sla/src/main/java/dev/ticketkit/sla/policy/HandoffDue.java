package dev.ticketkit.sla.policy;

import dev.ticketkit.core.Handoff;
import dev.ticketkit.core.Ticket;
import java.time.Instant;
import java.util.Objects;

/**
 * One open handoff with its due instants ({@link HandoffTargets#due}). Instances are immutable and
 * thread-safe.
 *
 * @param ticket the ticket
 * @param handoff the open handoff
 * @param responseDue when the department's answer is due
 * @param checkDue when the next department check is due
 * @param now the instant the overdue flags were judged at
 */
public record HandoffDue(Ticket ticket, Handoff handoff, Instant responseDue, Instant checkDue,
    Instant now) {

  /**
   * Validates the row.
   *
   * @throws NullPointerException if a part is null
   */
  public HandoffDue {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(handoff, "handoff");
    Objects.requireNonNull(responseDue, "responseDue");
    Objects.requireNonNull(checkDue, "checkDue");
    Objects.requireNonNull(now, "now");
  }

  /** @return true if the department's answer is due at or before {@link #now()} */
  public boolean responseOverdue() {
    return !responseDue.isAfter(now);
  }

  /** @return true if a department check is due at or before {@link #now()} */
  public boolean checkOverdue() {
    return !checkDue.isAfter(now);
  }

  /** @return the earlier of the two due instants */
  public Instant firstDue() {
    return responseDue.isBefore(checkDue) ? responseDue : checkDue;
  }
}
