package dev.ticketkit.sla.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Ready-made calendars and holiday sets.
 *
 * <p>Thread-safe: every method returns an immutable value, loaded once.
 */
public final class BusinessCalendars {

  private static final String CHINA_RESOURCE = "cn-statutory-2025-2026.json";

  private BusinessCalendars() {
  }

  /** Holds the mainland-China values, loaded on first use. */
  private static final class China {
    static final HolidaySet HOLIDAYS = load(CHINA_RESOURCE);
    static final BusinessCalendar CALENDAR = BusinessCalendar.builder("cn-mainland", ZoneId.of("Asia/Shanghai"))
        .weekdays("09:00-12:00", "13:30-18:00")
        .holidaySet(HOLIDAYS)
        .build();
  }

  /**
   * Returns mainland China's statutory public holidays and make-up working days (调休上班) for
   * 2025 and 2026, as announced by the General Office of the State Council. Outside 2025-2026 the set
   * says nothing: lay a set for later years on top with {@link HolidaySet#plus(HolidaySet)}.
   *
   * @return the holiday set {@code cn-statutory-2025-2026}, covering the years 2025 and 2026
   */
  public static HolidaySet chinaStatutoryHolidays() {
    return China.HOLIDAYS;
  }

  /**
   * Returns a mainland-China office calendar: zone {@code Asia/Shanghai}, Monday to Friday
   * {@code 09:00-12:00} and {@code 13:30-18:00}, with the statutory holidays and make-up working
   * days of {@link #chinaStatutoryHolidays()} (make-up days are worked with the same hours).
   *
   * <p>Holidays are known for 2025 and 2026 only; in other years the calendar is a plain
   * Monday-to-Friday week. For other hours or company days, build your own from the holiday set.
   *
   * @return the calendar {@code cn-mainland}
   */
  public static BusinessCalendar chinaMainland() {
    return China.CALENDAR;
  }

  /**
   * Returns a calendar in which every instant is working time, all week, in {@code zone}. Its
   * {@code between} is elapsed time and its {@code plus} is {@link java.time.Instant#plus}.
   *
   * @param zone the zone, which decides only what a working day is for the date methods
   * @return a calendar with id {@code "24x7"}
   */
  public static BusinessCalendar twentyFourSeven(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    BusinessCalendarBuilder builder = BusinessCalendar.builder("24x7", zone);
    for (DayOfWeek day : DayOfWeek.values()) {
      builder.weekly(day, "00:00-24:00");
    }
    return builder.build();
  }

  private static HolidaySet load(String resource) {
    try (InputStream in = BusinessCalendars.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " next to BusinessCalendars");
      }
      return HolidaySet.fromJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resource, e);
    }
  }
}
