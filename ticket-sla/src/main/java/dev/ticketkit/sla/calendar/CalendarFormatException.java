package dev.ticketkit.sla.calendar;

import java.util.Objects;

/**
 * Thrown when a calendar or holiday set is given bad input, in JSON or through a builder.
 *
 * <p>The message names where the bad value is ({@link #path()}: a JSON path such as
 * {@code $.weekly.MONDAY[1]}, or a builder argument such as {@code workingDay(2026-01-04)[0]})
 * and the bad value itself ({@link #value()}). It is the only exception the JSON readers of this
 * package let escape for bad content.
 *
 * <p>It extends {@link IllegalArgumentException} rather than {@code TicketKitException} because the
 * calendar package depends on nothing but the JDK and Jackson, so that it can be used alone.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CalendarFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_VALUE_LENGTH = 120;

  /** Where the bad value is. */
  private final String path;
  /** The bad value, as text, shortened when very long. */
  private final String value;

  /**
   * Creates an exception for a bad value.
   *
   * @param path where the value is: a JSON path or a builder argument
   * @param value the bad value as text (JSON text for JSON input)
   * @param reason what is wrong with it, in a few words
   */
  public CalendarFormatException(String path, String value, String reason) {
    super(path + ": " + Objects.requireNonNull(reason, "reason") + ": " + shorten(value));
    this.path = Objects.requireNonNull(path, "path");
    this.value = shorten(value);
  }

  /**
   * Returns where the bad value is: a JSON path such as {@code $.holidays[3]} or a builder argument.
   *
   * @return the path, never null
   */
  public String path() {
    return path;
  }

  /**
   * Returns the bad value as text, cut to at most 120 characters plus an ellipsis.
   *
   * @return the value, never null
   */
  public String value() {
    return value;
  }

  private static String shorten(String value) {
    return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "...";
  }
}
