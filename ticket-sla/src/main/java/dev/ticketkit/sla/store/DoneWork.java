package dev.ticketkit.sla.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The record that a piece of due work was done (an escalation level fired, an event rule ran):
 * unique per ticket and {@link DueWork#key()}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param work the work, with the instant it was due
 * @param doneAt the instant of the tick or ticket change that did it
 */
public record DoneWork(DueWork work, Instant doneAt) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException if a part is null
   */
  public DoneWork {
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(doneAt, "doneAt");
  }
}
