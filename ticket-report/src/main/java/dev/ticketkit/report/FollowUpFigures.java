package dev.ticketkit.report;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Follow-ups of open tickets against the support process's rule "a follow-up at least twice a
 * week on every open ticket", with the rule's interval as {@code cadence} (84 hours by default,
 * as ticket-core's {@code FollowUpLedger}).
 *
 * <p>Definitions, over the window {@code [period start, report instant)}: a ticket is open while
 * its status is NEW, OPEN or PENDING. An update of the requester is the intake, a public reply by
 * the team (not by the requester) while the ticket is open, or the ticket becoming open again. A
 * <em>gap</em> runs from an update to the next update or to the ticket leaving the open states.
 * A gap is <em>overdue</em> from {@code cadence} after its start until it ends; a reply exactly at
 * the deadline is in time.
 *
 * <ul>
 *   <li>{@code done}: public replies by the team to open tickets in the window;
 *   <li>{@code due}: follow-up deadlines in the window, as the ledger counts them: in every gap,
 *       the instants {@code start + k * cadence} (k = 1, 2, ...) before the gap's end;
 *   <li>{@code missed}: gaps overdue at some instant of the window (each counted once);
 *   <li>{@code openTickets}: tickets open at some instant of the window;
 *   <li>{@code ticketsMissed}: of them, those with a missed gap; {@code ticketsMet} the others;
 *   <li>{@code complianceRate}: ticketsMet over openTickets, or null without open tickets.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param cadence the rule's interval
 * @param done follow-ups done
 * @param due follow-up deadlines that fell in the window
 * @param missed gaps overdue in the window
 * @param openTickets tickets open in the window
 * @param ticketsMissed of them, those that went longer than the cadence without a follow-up
 * @param ticketsMet of them, the others
 * @param complianceRate the share of open tickets that met the rule, or null
 */
public record FollowUpFigures(Duration cadence, long done, long due, long missed,
    long openTickets, long ticketsMissed, long ticketsMet, @Nullable Double complianceRate) {

  /**
   * Validates the figures.
   *
   * @throws NullPointerException if the cadence is null
   */
  public FollowUpFigures {
    Objects.requireNonNull(cadence, "cadence");
  }
}
