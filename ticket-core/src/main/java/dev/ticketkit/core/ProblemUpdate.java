package dev.ticketkit.core;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ProblemDesk#record} did: the problem ticket after the change, and the open incidents
 * whose requesters were told that the expected fix date changed (each by a public reply in its
 * own write; empty when the date did not change). Instances are immutable and thread-safe.
 *
 * @param problem the problem ticket after the change
 * @param notified the incidents whose requesters got the new date, in number order
 */
public record ProblemUpdate(Ticket problem, List<TicketId> notified) {

  /**
   * Copies the list.
   *
   * @throws NullPointerException if a part is null
   */
  public ProblemUpdate {
    Objects.requireNonNull(problem, "problem");
    notified = List.copyOf(notified);
  }
}
