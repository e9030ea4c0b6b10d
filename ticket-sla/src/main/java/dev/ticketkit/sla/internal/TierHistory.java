package dev.ticketkit.sla.internal;

import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketField;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads from a ticket's history which support tier it had at a past point, so that a
 * {@code nextTier} action resolves to the same concrete tier however often it is handed over.
 * Stateless and thread-safe.
 *
 * <p>The tier at a point is the {@code before} value of the first tier change at or after that
 * point, or the ticket's current tier if there is none.
 */
final class TierHistory {

  private TierHistory() {}

  /**
   * Returns the tier a ticket had just before the change that produced a version.
   *
   * @param history the ticket's history, oldest first
   * @param current the ticket now
   * @param version the version
   * @return the tier
   */
  static SupportTier beforeVersion(List<HistoryEntry> history, Ticket current, long version) {
    return first(history, current, e -> e.ticketVersion() >= version);
  }

  /**
   * Returns the tier a ticket had just before an instant.
   *
   * @param history the ticket's history, oldest first
   * @param current the ticket now
   * @param instant the instant
   * @return the tier
   */
  static SupportTier before(List<HistoryEntry> history, Ticket current, Instant instant) {
    return first(history, current, e -> !e.at().isBefore(instant));
  }

  private static SupportTier first(List<HistoryEntry> history, Ticket current,
      Predicate<HistoryEntry> fromHere) {
    for (HistoryEntry e : history) {
      if (TicketField.TIER.equals(e.field()) && e.before() != null && fromHere.test(e)) {
        return SupportTier.parse(e.before());
      }
    }
    return current.tier();
  }
}
