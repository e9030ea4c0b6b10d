package dev.ticketkit.sla.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A half-open range of local wall-clock time within one day, {@code [start, end)}, such as
 * {@code 09:00-12:00}; the end may be {@code 24:00}, the end of the day.
 *
 * <p>Times are held as seconds of the day: {@code 0 <= startSecondOfDay < endSecondOfDay <= 86400}.
 * The text form is {@code HH:mm-HH:mm} or with seconds {@code HH:mm:ss-HH:mm:ss}; {@link #toString()}
 * writes what {@link #parse(CharSequence)} reads back. How a local range becomes real time on a
 * day with a DST change is described in {@link BusinessCalendar}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param startSecondOfDay the inclusive start, in seconds after local midnight, 0 to 86399
 * @param endSecondOfDay the exclusive end, in seconds after local midnight, 1 to 86400
 */
public record LocalTimeRange(int startSecondOfDay, int endSecondOfDay) {

  /** Seconds in a nominal day; also the second of day that {@code 24:00} stands for. */
  static final int SECONDS_PER_DAY = 86_400;

  /**
   * Creates a range from seconds of the day.
   *
   * @param startSecondOfDay the inclusive start, 0 to 86399
   * @param endSecondOfDay the exclusive end, 1 to 86400 (86400 is {@code 24:00})
   * @throws CalendarFormatException if the start is not before the end, or either is outside the day
   */
  public LocalTimeRange {
    if (startSecondOfDay < 0 || endSecondOfDay > SECONDS_PER_DAY || startSecondOfDay >= endSecondOfDay) {
      throw new CalendarFormatException("LocalTimeRange", startSecondOfDay + ".." + endSecondOfDay,
          "need 0 <= start < end <= 86400 seconds of the day");
    }
  }

  /**
   * Returns the range from {@code startInclusive} to {@code endExclusive}; an end of
   * {@link LocalTime#MIDNIGHT} means {@code 24:00}, the end of the day.
   *
   * @param startInclusive the start; fractions of a second are not allowed
   * @param endExclusive the end, {@code MIDNIGHT} for the end of the day
   * @return the range
   * @throws CalendarFormatException if a time has a fraction of a second or the start is not before the end
   */
  public static LocalTimeRange of(LocalTime startInclusive, LocalTime endExclusive) {
    Objects.requireNonNull(startInclusive, "startInclusive");
    Objects.requireNonNull(endExclusive, "endExclusive");
    if (startInclusive.getNano() != 0 || endExclusive.getNano() != 0) {
      throw new CalendarFormatException("LocalTimeRange", startInclusive + "-" + endExclusive,
          "times must be whole seconds");
    }
    int end = endExclusive.equals(LocalTime.MIDNIGHT) ? SECONDS_PER_DAY : endExclusive.toSecondOfDay();
    return new LocalTimeRange(startInclusive.toSecondOfDay(), end);
  }

  /**
   * Parses {@code HH:mm-HH:mm} or {@code HH:mm:ss-HH:mm:ss} (forms may be mixed), with {@code 24:00}
   * or {@code 24:00:00} allowed as the end.
   *
   * @param text the text, such as {@code "13:30-18:00"}
   * @return the range
   * @throws CalendarFormatException if the text is not of that form or the start is not before the end
   */
  public static LocalTimeRange parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    return parse(text.toString(), "LocalTimeRange");
  }

  /** Parses like {@link #parse(CharSequence)}, naming {@code path} in a failure. */
  static LocalTimeRange parse(String text, String path) {
    int dash = text.indexOf('-');
    int start = dash < 0 ? -1 : secondOfDay(text, 0, dash, false);
    int end = dash < 0 ? -1 : secondOfDay(text, dash + 1, text.length(), true);
    if (start < 0 || end < 0) {
      throw new CalendarFormatException(path, quote(text), "expected HH:mm-HH:mm or HH:mm:ss-HH:mm:ss");
    }
    if (start >= end) {
      throw new CalendarFormatException(path, quote(text), "the start must be before the end");
    }
    return new LocalTimeRange(start, end);
  }

  /** Reads {@code HH:mm} or {@code HH:mm:ss} in {@code text[from, to)}; -1 when malformed. */
  private static int secondOfDay(String text, int from, int to, boolean endOfDayAllowed) {
    int length = to - from;
    if ((length != 5 && length != 8) || text.charAt(from + 2) != ':'
        || (length == 8 && text.charAt(from + 5) != ':')) {
      return -1;
    }
    int hour = twoDigits(text, from);
    int minute = twoDigits(text, from + 3);
    int second = length == 8 ? twoDigits(text, from + 6) : 0;
    if (hour < 0 || minute < 0 || second < 0 || minute > 59 || second > 59) {
      return -1;
    }
    if (hour == 24 && endOfDayAllowed && minute == 0 && second == 0) {
      return SECONDS_PER_DAY;
    }
    return hour > 23 ? -1 : hour * 3600 + minute * 60 + second;
  }

  private static int twoDigits(String text, int at) {
    char tens = text.charAt(at);
    char ones = text.charAt(at + 1);
    if (tens < '0' || tens > '9' || ones < '0' || ones > '9') {
      return -1;
    }
    return (tens - '0') * 10 + (ones - '0');
  }

  private static String quote(String text) {
    return '"' + text + '"';
  }

  /**
   * Returns the nominal length of the range, end minus start on a day without a DST change.
   *
   * @return the nominal length, positive
   */
  public Duration nominalLength() {
    return Duration.ofSeconds(endSecondOfDay - startSecondOfDay);
  }

  /**
   * Returns the text form, {@code HH:mm-HH:mm}, with seconds only where they are not zero, such as
   * {@code 09:00-12:00}, {@code 22:00-24:00} or {@code 08:00:30-17:00}.
   *
   * @return the text that {@link #parse(CharSequence)} reads back
   */
  @Override
  public String toString() {
    return format(startSecondOfDay) + "-" + format(endSecondOfDay);
  }

  private static String format(int secondOfDay) {
    StringBuilder text = new StringBuilder(8);
    appendTwoDigits(text, secondOfDay / 3600).append(':');
    appendTwoDigits(text, secondOfDay / 60 % 60);
    if (secondOfDay % 60 != 0) {
      appendTwoDigits(text.append(':'), secondOfDay % 60);
    }
    return text.toString();
  }

  private static StringBuilder appendTwoDigits(StringBuilder text, int value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
