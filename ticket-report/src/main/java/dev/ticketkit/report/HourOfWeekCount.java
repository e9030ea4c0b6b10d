package dev.ticketkit.report;

import dev.ticketkit.core.InvalidInputException;
import java.time.DayOfWeek;
import java.util.Objects;

/**
 * A count in one local hour of the week (Monday 00:00-01:00 is Monday, hour 0) in the report's
 * zone. Instances are immutable and thread-safe.
 *
 * @param day the weekday
 * @param hour the hour, 0 to 23
 * @param count the count
 */
public record HourOfWeekCount(DayOfWeek day, int hour, long count) {

  /**
   * Validates the line.
   *
   * @throws InvalidInputException if the hour is out of range
   */
  public HourOfWeekCount {
    Objects.requireNonNull(day, "day");
    if (hour < 0 || hour > 23) {
      throw new InvalidInputException("hour", hour, "must be 0 to 23");
    }
  }

  /**
   * Returns the hour's index in the week, 0 (Monday 00:00) to 167.
   *
   * @return the index
   */
  public int index() {
    return (day.getValue() - 1) * 24 + hour;
  }
}
