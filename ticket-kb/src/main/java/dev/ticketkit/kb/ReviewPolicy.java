package dev.ticketkit.kb;

import dev.ticketkit.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * When published articles are due for review and when they count as stale.
 *
 * <p>Publishing, revising or confirming an article sets its review date to that instant plus the
 * {@code interval}, counted in the calendar of {@code zone} (so "one month" from 31 January is
 * the last day of February). An article is stale when it is past its review date by more than
 * {@code grace}, when at least {@code reopenedTickets} tickets it solved were reopened, or when
 * it has at least {@code minVotes} votes and fewer than {@code minHelpfulRatio} of them say
 * "helpful". Instances are immutable and thread-safe.
 *
 * @param interval the review interval, positive (default one month)
 * @param zone the zone in which the interval is counted (default UTC)
 * @param grace how long past its review date an article may go before it is stale (default 14
 *     days), not negative
 * @param reopenedTickets how many reopened solved tickets make an article stale, positive
 *     (default 1)
 * @param minVotes the votes needed before helpfulness counts, positive (default 5)
 * @param minHelpfulRatio the lowest acceptable share of helpful votes, in {@code [0, 1]}
 *     (default 0.5)
 */
public record ReviewPolicy(
    Period interval,
    ZoneId zone,
    Duration grace,
    int reopenedTickets,
    int minVotes,
    double minHelpfulRatio) {

  /**
   * Validates the policy.
   *
   * @throws InvalidInputException if a value is out of its documented range
   * @throws NullPointerException if an argument is null
   */
  public ReviewPolicy {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(grace, "grace");
    if (interval.isNegative() || interval.isZero()) {
      throw new InvalidInputException("interval", interval, "must be positive");
    }
    if (grace.isNegative()) {
      throw new InvalidInputException("grace", grace, "must not be negative");
    }
    if (reopenedTickets < 1 || minVotes < 1) {
      throw new InvalidInputException(
          "thresholds", reopenedTickets + "/" + minVotes, "must be positive");
    }
    if (!(minHelpfulRatio >= 0 && minHelpfulRatio <= 1)) {
      throw new InvalidInputException("minHelpfulRatio", minHelpfulRatio, "must be in [0, 1]");
    }
  }

  /**
   * Returns the default policy: monthly reviews in UTC, 14 days' grace, stale after one reopened
   * ticket or under 50% helpful votes out of at least 5.
   *
   * @return the default policy
   */
  public static ReviewPolicy monthly() {
    return new ReviewPolicy(Period.ofMonths(1), ZoneOffset.UTC, Duration.ofDays(14), 1, 5, 0.5);
  }

  /**
   * Returns a copy with another interval.
   *
   * @param newInterval the review interval
   * @return the copy
   * @throws InvalidInputException if the interval is not positive
   */
  public ReviewPolicy withInterval(Period newInterval) {
    return new ReviewPolicy(newInterval, zone, grace, reopenedTickets, minVotes, minHelpfulRatio);
  }

  /**
   * Returns the review date of an article published, revised or confirmed at an instant.
   *
   * @param at the instant
   * @return {@code at} plus the interval in this policy's zone
   */
  public Instant nextReview(Instant at) {
    return at.atZone(zone).plus(interval).toInstant();
  }
}
