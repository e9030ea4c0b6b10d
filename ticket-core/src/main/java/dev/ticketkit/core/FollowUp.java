package dev.ticketkit.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of the follow-up ledger ({@link FollowUpLedger}): an open ticket with when the
 * requester was last updated, when a department was last asked for news, when the next update is
 * due, whether it is overdue, and the ticket's age. Instances are immutable and thread-safe.
 *
 * @param ticket the ticket
 * @param lastPublicUpdate when the team last updated the requester (intake or a public reply)
 * @param lastDepartmentCheck the latest department check of its handoffs, or null
 * @param nextFollowUpDue when the requester is due the next update
 * @param overdue true if that is at or before the ledger's instant
 * @param age how long the ticket has been open at the ledger's instant
 */
public record FollowUp(Ticket ticket, Instant lastPublicUpdate,
    @Nullable Instant lastDepartmentCheck, Instant nextFollowUpDue, boolean overdue,
    Duration age) {

  /**
   * Validates the line.
   *
   * @throws NullPointerException if a required part is null
   */
  public FollowUp {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(lastPublicUpdate, "lastPublicUpdate");
    Objects.requireNonNull(nextFollowUpDue, "nextFollowUpDue");
    Objects.requireNonNull(age, "age");
  }
}
