package dev.ticketkit.jdbc.internal;

import java.time.Instant;

/**
 * Formats an instant exactly as {@link Instant#toString()} does (ISO-8601, UTC, {@code Z}, the
 * fraction in groups of three digits as needed), without the general formatter:
 * {@code Instant.toString} runs {@code DateTimeFormatter.ISO_INSTANT}, a few microseconds and a
 * dozen objects per call, and every outbox event's JSON carries one or two instants. Years
 * outside 0000-9999 go to {@code Instant.toString}. Stateless and thread-safe.
 */
public final class IsoInstant {

  /** 0000-01-01T00:00:00Z. */
  private static final long MIN = -62_167_219_200L;
  /** 10000-01-01T00:00:00Z. */
  private static final long END = 253_402_300_800L;
  private static final long SECONDS_PER_DAY = 86_400L;

  private IsoInstant() {}

  /**
   * Returns the instant's text, equal to {@link Instant#toString()}.
   *
   * @param instant the instant
   * @return its ISO-8601 text
   */
  public static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < MIN || seconds >= END) {
      return instant.toString();
    }
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    // civil date from days since 1970-01-01 (the algorithm of java.time.LocalDate.ofEpochDay)
    long zeroDay = day + 719_528 - 60;
    long adjust = 0;
    if (zeroDay < 0) {
      long cycles = (zeroDay + 1) / 146_097 - 1;
      adjust = cycles * 400;
      zeroDay += -cycles * 146_097;
    }
    long yearEst = (400 * zeroDay + 591) / 146_097;
    long doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
    if (doyEst < 0) {
      yearEst--;
      doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
    }
    yearEst += adjust;
    int marchDoy0 = (int) doyEst;
    int marchMonth0 = (marchDoy0 * 5 + 2) / 153;
    int month = (marchMonth0 + 2) % 12 + 1;
    int dom = marchDoy0 - (marchMonth0 * 306 + 5) / 10 + 1;
    int year = (int) (yearEst + marchMonth0 / 10);

    int nano = instant.getNano();
    int digits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
    char[] out = new char[20 + (digits == 0 ? 0 : digits + 1)];
    put(out, 0, year, 4);
    out[4] = '-';
    put(out, 5, month, 2);
    out[7] = '-';
    put(out, 8, dom, 2);
    out[10] = 'T';
    put(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    put(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    put(out, 17, secondOfDay % 60, 2);
    int end = 19;
    if (digits > 0) {
      out[19] = '.';
      int fraction = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano;
      put(out, 20, fraction, digits);
      end = 20 + digits;
    }
    out[end] = 'Z';
    return new String(out);
  }

  /** Writes a non-negative number as exactly {@code width} decimal digits. */
  private static void put(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
