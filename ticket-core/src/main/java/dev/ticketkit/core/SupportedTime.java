package dev.ticketkit.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one supported range of time in TicketKit: instants from {@link #MIN_INSTANT}
 * (1970-01-01T00:00:00Z) to {@link #MAX_INSTANT} (2101-01-01T00:00:00Z), both inclusive, and
 * durations from zero to {@link #MAX_DURATION}, the length of that range.
 *
 * <p>Why: business calendars are compiled over these years; every store keeps these instants
 * exactly (H2, PostgreSQL and MariaDB alike, to the microsecond); and no sum of a supported
 * instant and a supported duration can overflow {@code java.time}. Every instant that enters
 * through the API (the service's clock, an explicit {@code now}) and every duration of a
 * workflow or SLA policy (in code and in JSON) is checked against it; a value outside throws
 * {@link InvalidInputException} naming the field, before anything is written. The SLA module's
 * {@code BusinessCalendar.MIN_INSTANT} and {@code MAX_INSTANT} are the same instants. Stateless
 * and thread-safe.
 */
public final class SupportedTime {

  /** The earliest supported instant, 1970-01-01T00:00:00Z. */
  public static final Instant MIN_INSTANT = Instant.EPOCH;
  /** The latest supported instant, 2101-01-01T00:00:00Z, inclusive. */
  public static final Instant MAX_INSTANT = Instant.parse("2101-01-01T00:00:00Z");
  /** The longest supported duration: from {@link #MIN_INSTANT} to {@link #MAX_INSTANT}. */
  public static final Duration MAX_DURATION = Duration.between(MIN_INSTANT, MAX_INSTANT);

  private SupportedTime() {}

  /**
   * Checks that an instant lies in the supported range.
   *
   * @param field the field's name, for the error
   * @param instant the instant
   * @return the instant, unchanged
   * @throws InvalidInputException if the instant is null or outside the range
   */
  public static Instant require(String field, @Nullable Instant instant) {
    Objects.requireNonNull(field, "field");
    if (instant == null) {
      throw new InvalidInputException(field, null, "must not be null");
    }
    if (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)) {
      throw new InvalidInputException(field, instant,
          "must lie in the supported range " + MIN_INSTANT + " to " + MAX_INSTANT);
    }
    return instant;
  }

  /**
   * Reads a clock and checks its instant: a clock set outside the supported range is refused
   * before anything is written.
   *
   * @param field the clock's name, for the error
   * @param clock the clock
   * @return the clock's instant
   * @throws InvalidInputException if the clock's instant is outside the range
   */
  public static Instant now(String field, Clock clock) {
    Objects.requireNonNull(field, "field");
    return require(field, clock.instant());
  }

  /**
   * Checks that a duration is not negative and not longer than {@link #MAX_DURATION}.
   *
   * @param field the field's name, for the error
   * @param duration the duration
   * @return the duration, unchanged
   * @throws InvalidInputException if the duration is null, negative or too long
   */
  public static Duration requireDuration(String field, @Nullable Duration duration) {
    Objects.requireNonNull(field, "field");
    if (duration == null) {
      throw new InvalidInputException(field, null, "must not be null");
    }
    if (duration.isNegative() || duration.compareTo(MAX_DURATION) > 0) {
      throw new InvalidInputException(field, duration,
          "must lie between PT0S and " + MAX_DURATION + " (the supported range's length)");
    }
    return duration;
  }
}
