package dev.ticketkit.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Short text forms for readable counterexamples. Stateless and thread-safe. */
public final class Format {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private Format() {}

  /**
   * Writes a duration as days, hours, minutes and seconds, such as {@code 1d2h30m5s}.
   *
   * @param d the duration; its sign is written first, nanoseconds are dropped
   * @return the text, {@code 0s} for zero
   */
  public static String duration(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    long s = Math.abs(d.getSeconds() + (d.isNegative() && d.getNano() > 0 ? 1 : 0));
    StringBuilder b = new StringBuilder(d.isNegative() ? "-" : "");
    append(b, s / 86_400, "d");
    append(b, s / 3600 % 24, "h");
    append(b, s / 60 % 60, "m");
    append(b, s % 60, "s");
    return b.length() == (d.isNegative() ? 1 : 0) ? b + "0s" : b.toString();
  }

  private static void append(StringBuilder b, long value, String unit) {
    if (value != 0) {
      b.append(value).append(unit);
    }
  }

  /**
   * Writes the local time of an instant in a zone, such as
   * {@code Mon 2026-03-02 09:00:00 Asia/Shanghai}.
   *
   * @param t the instant
   * @param zone the zone
   * @return the text
   */
  public static String local(Instant t, ZoneId zone) {
    return LOCAL.format(t.atZone(zone)) + " " + zone.getId();
  }
}
