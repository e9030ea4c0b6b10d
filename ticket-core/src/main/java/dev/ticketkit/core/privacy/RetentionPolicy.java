package dev.ticketkit.core.privacy;

import dev.ticketkit.core.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a tenant keeps closed tickets, and what happens after: tickets in a CLOSED state for
 * longer than {@code keepClosedFor} are anonymised (their personal data replaced by pseudonyms,
 * everything reports count kept) or purged (deleted with all their rows except, anonymised, what
 * reports of past periods read; see {@link PersonalDataStore#retain}). Instances are immutable
 * and thread-safe.
 *
 * @param keepClosedFor how long a closed ticket is kept as it is: at least one day
 * @param action what happens to it then
 */
public record RetentionPolicy(Duration keepClosedFor, Action action) {

  /** What retention does with a ticket that has been closed for long enough. */
  public enum Action {
    /** Replace its requester's personal data with a pseudonym; statistics stay true. */
    ANONYMISE,
    /**
     * Delete the ticket and the rows kept for it (history, conversation, outbox, SLA due work,
     * links), keeping only, anonymised, what reports of past periods read (the JDBC store's
     * report fact rows, the in-memory store's {@link PurgedTicket}): those reports stay the same
     * except identity fields (example subjects, rating comments).
     */
    PURGE
  }

  /**
   * Validates the policy.
   *
   * @throws NullPointerException if a part is null
   * @throws InvalidInputException if the period is shorter than a day
   */
  public RetentionPolicy {
    Objects.requireNonNull(keepClosedFor, "keepClosedFor");
    Objects.requireNonNull(action, "action");
    if (keepClosedFor == null || keepClosedFor.compareTo(Duration.ofDays(1)) < 0) {
      throw new InvalidInputException("keepClosedFor", keepClosedFor, "must be at least 1 day");
    }
    if (action == null) {
      throw new InvalidInputException("action", null, "must not be null");
    }
  }

  /**
   * Returns a policy that anonymises tickets closed for more than a number of days.
   *
   * @param days the days, 1 or more
   * @return the policy
   * @throws InvalidInputException if days is below 1
   */
  public static RetentionPolicy anonymiseAfterDays(int days) {
    return new RetentionPolicy(days(days), Action.ANONYMISE);
  }

  /**
   * Returns a policy that purges tickets closed for more than a number of days.
   *
   * @param days the days, 1 or more
   * @return the policy
   * @throws InvalidInputException if days is below 1
   */
  public static RetentionPolicy purgeAfterDays(int days) {
    return new RetentionPolicy(days(days), Action.PURGE);
  }

  private static Duration days(int days) {
    if (days < 1) {
      throw new InvalidInputException("days", days, "must be 1 or more");
    }
    return Duration.ofDays(days);
  }
}
