package dev.ticketkit.core.event;

import dev.ticketkit.core.ProblemRecord;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A ticket was marked a problem, or its problem record changed: the report to the technical team,
 * the expected fix date, or the resolution.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param before the record before the change, or null if the ticket just became a problem
 * @param after the record after the change
 */
public record ProblemRecorded(EventHeader header, @Nullable ProblemRecord before,
    ProblemRecord after) implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public ProblemRecorded {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(after, "after");
  }

  /** @return true if the expected fix date changed on a ticket that already was a problem */
  public boolean fixDateChanged() {
    return before != null && !Objects.equals(before.fixExpectedOn(), after.fixExpectedOn());
  }
}
