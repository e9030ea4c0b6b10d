package dev.ticketkit.testkit.sla;

import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.store.DueEscalation;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One due escalation entry that the SLA store handed to an engine to fire, as the
 * {@link SlaHarness} saw it at the store's seam.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param due the entry
 * @param tickAt the {@code now} of the tick (or post-commit processing) that fired it
 * @param node {@code "A"} for the node that follows commits, {@code "B"} for the second node
 * @param clock the entry's clock as the store held it at the hand-over, or null if it had none
 */
public record HandOver(DueEscalation due, Instant tickAt, String node, @Nullable SlaClock clock) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException if a required part is null
   */
  public HandOver {
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(tickAt, "tickAt");
    Objects.requireNonNull(node, "node");
  }

  /**
   * Returns {@code tenant/ticket/METRIC#1 level 2 due ... fired by B at ...}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return due.clock() + " level " + due.level() + " due " + due.dueAt() + " fired by " + node
        + " at " + tickAt + (clock == null ? "" : " (clock " + clock.state() + ")");
  }
}
