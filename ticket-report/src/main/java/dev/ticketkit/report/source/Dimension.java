package dev.ticketkit.report.source;

import dev.ticketkit.core.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link FactQuery} groups by; each gives one text key per group (null for facts whose
 * field is null). Instances are immutable and thread-safe.
 */
public sealed interface Dimension {

  /** Milliseconds in a quarter hour, the bucket of {@link QuarterHour}. */
  long QUARTER_HOUR_MILLIS = 900_000L;
  /** Milliseconds in a day, the bucket of {@link AgeDays}. */
  long DAY_MILLIS = 86_400_000L;

  /**
   * Returns the field the dimension reads.
   *
   * @return the field
   */
  FactField field();

  /**
   * Groups by a key field's value.
   *
   * @param field a key field
   */
  record Key(FactField field) implements Dimension {
    /**
     * Validates the dimension.
     *
     * @throws InvalidInputException if the field is no key
     */
    public Key {
      Filters.require(field, FactField.Kind.KEY);
    }
  }

  /**
   * Groups by the quarter hour of an instant since the epoch, {@code floor(epochMilli / 900000)}
   * in decimal: fine enough to map to local days and hours in any real time zone (every offset is
   * a multiple of 15 minutes), coarse enough to keep a month at 2,976 groups.
   *
   * @param field an instant field
   */
  record QuarterHour(FactField field) implements Dimension {
    /**
     * Validates the dimension.
     *
     * @throws InvalidInputException if the field is no instant
     */
    public QuarterHour {
      Filters.require(field, FactField.Kind.INSTANT);
    }
  }

  /**
   * Groups by whole days from an instant field to a reference instant,
   * {@code floor((at - value) / 86400000)} in decimal (the age in days at {@code at}).
   *
   * @param field an instant field
   * @param at the reference instant
   */
  record AgeDays(FactField field, Instant at) implements Dimension {
    /**
     * Validates the dimension.
     *
     * @throws InvalidInputException if the field is no instant
     */
    public AgeDays {
      Filters.require(field, FactField.Kind.INSTANT);
      Objects.requireNonNull(at, "at");
    }
  }
}
