package dev.ticketkit.testkit.sla;

import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.store.DueWork;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One piece of due work (a ladder level or an event rule) that the SLA store handed to an
 * engine, by a claim or inside the ticket change that carried it out, as the {@link SlaHarness}
 * saw it at the store's seam.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param due the work
 * @param tickAt the {@code now} of the tick (or post-commit processing) that fired it
 * @param node {@code "A"} for the node that follows commits, {@code "B"} for the second node
 * @param clock a ladder level's clock as the store held it at the hand-over, or null for an
 *     event rule or a level without a clock
 */
public record HandOver(DueWork due, Instant tickAt, String node, @Nullable SlaClock clock) {

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
   * Returns {@code tenant/ticket L:METRIC:1:2 due ... fired by B at ...}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return due.tenant() + "/" + due.ticket() + " " + due.key() + " due " + due.dueAt()
        + " fired by " + node
        + " at " + tickAt + (clock == null ? "" : " (clock " + clock.state() + ")");
  }
}
