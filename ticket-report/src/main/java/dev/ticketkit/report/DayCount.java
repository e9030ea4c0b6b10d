package dev.ticketkit.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A count on one local day of the report's zone. Instances are immutable and thread-safe.
 *
 * @param date the day
 * @param count the count
 */
public record DayCount(LocalDate date, long count) {

  /**
   * Validates the line.
   *
   * @throws NullPointerException if the date is null
   */
  public DayCount {
    Objects.requireNonNull(date, "date");
  }
}
