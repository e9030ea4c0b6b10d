package dev.ticketkit.report;

import dev.ticketkit.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The period a report covers, {@code [startInclusive, endExclusive)}, with the time zone its days
 * and hours are read in: a calendar month in that zone, or any range.
 *
 * <p>{@link #previous()} is the previous calendar month for a month, and otherwise the range of
 * the same length that ends where this one starts. Instances are immutable and thread-safe.
 *
 * @param startInclusive the start
 * @param endExclusive the end, after the start
 * @param zone the zone for days and hours of week
 * @param month the calendar month, or null for a free range
 */
public record ReportPeriod(
    Instant startInclusive, Instant endExclusive, ZoneId zone, @Nullable YearMonth month) {

  /**
   * Validates the period.
   *
   * @throws NullPointerException if a part is null
   * @throws InvalidInputException if the end is not after the start (naming both),
   *     or a month does not match the instants in the zone
   */
  public ReportPeriod {
    Objects.requireNonNull(startInclusive, "startInclusive");
    Objects.requireNonNull(endExclusive, "endExclusive");
    Objects.requireNonNull(zone, "zone");
    if (startInclusive == null || endExclusive == null || zone == null) {
      throw new InvalidInputException("period", startInclusive + "/" + endExclusive + " " + zone,
          "start, end and zone are required");
    }
    if (!endExclusive.isAfter(startInclusive)) {
      throw new InvalidInputException("period.endExclusive", endExclusive,
          endExclusive.equals(startInclusive) ? "equals the start: the period is empty"
              : "is before the start " + startInclusive);
    }
    if (month != null && !(startInclusive.equals(start(month, zone))
        && endExclusive.equals(start(month.plusMonths(1), zone)))) {
      throw new InvalidInputException("period.month", month, "does not match " + startInclusive
          + "/" + endExclusive + " in " + zone);
    }
  }

  /**
   * Returns a calendar month in a zone.
   *
   * @param month the month
   * @param zone the zone
   * @return the period from the first day's midnight to the next month's
   * @throws NullPointerException if an argument is null
   */
  public static ReportPeriod month(YearMonth month, ZoneId zone) {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(zone, "zone");
    if (month == null || zone == null) {
      throw new InvalidInputException("period", month + " " + zone, "month and zone are required");
    }
    return new ReportPeriod(start(month, zone), start(month.plusMonths(1), zone), zone, month);
  }

  /**
   * Returns a free range.
   *
   * @param startInclusive the start
   * @param endExclusive the end, after the start
   * @param zone the zone for days and hours of week
   * @return the period
   * @throws InvalidInputException if the end is not after the start
   */
  public static ReportPeriod of(Instant startInclusive, Instant endExclusive, ZoneId zone) {
    Objects.requireNonNull(startInclusive, "startInclusive");
    Objects.requireNonNull(endExclusive, "endExclusive");
    Objects.requireNonNull(zone, "zone");
    return new ReportPeriod(startInclusive, endExclusive, zone, null);
  }

  /**
   * Returns the period before this one, to compare with.
   *
   * @return the previous month, or the same-length range that ends at this start
   */
  public ReportPeriod previous() {
    if (month != null) {
      return month(month.minusMonths(1), zone);
    }
    Duration length = Duration.between(startInclusive, endExclusive);
    return of(startInclusive.minus(length), startInclusive, zone);
  }

  /**
   * Tells whether an instant lies in the period.
   *
   * @param instant the instant
   * @return true if {@code start <= instant < end}
   */
  public boolean contains(Instant instant) {
    return !instant.isBefore(startInclusive) && instant.isBefore(endExclusive);
  }

  /**
   * Returns the month ({@code 2026-03}) or the range ({@code start/end}), with the zone.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return (month != null ? month.toString() : startInclusive + "/" + endExclusive) + " " + zone;
  }

  private static Instant start(YearMonth month, ZoneId zone) {
    return month.atDay(1).atStartOfDay(zone).toInstant();
  }

  static void requireZone(ReportPeriod period, ZoneId tenantZone, Object tenant) {
    if (!Objects.equals(period.zone().normalized(), tenantZone.normalized())) {
      throw new ZoneMismatchException(period.zone(), tenantZone, tenant);
    }
  }
}
