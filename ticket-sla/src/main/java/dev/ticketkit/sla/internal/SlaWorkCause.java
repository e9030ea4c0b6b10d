package dev.ticketkit.sla.internal;

import dev.ticketkit.core.ChangeCause;
import dev.ticketkit.sla.store.DueWork;
import java.time.Instant;

/**
 * The cause of a ticket change the SLA engine makes to carry out due work: it names the work, so
 * that the engine's follower records the work done in the same transaction (and abandons the
 * change if another node did it first), and it carries the work's notifications and callbacks,
 * which the follower runs in that transaction. Immutable; the effects are run at most once per
 * transaction attempt.
 *
 * @param owner the follower of the engine that made the change (another engine ignores it)
 * @param work the due work
 * @param doneAt the instant to record
 * @param description the line the ticket's history keeps
 * @param effects the notifications and callbacks
 */
record SlaWorkCause(SlaFollower owner, DueWork work, Instant doneAt, String description,
    Runnable effects) implements ChangeCause {

  @Override
  public String describe() {
    return description;
  }
}
