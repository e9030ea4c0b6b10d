package dev.ticketkit.sla.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/** Named calendars shared by the tests, and a parser for instants written in a calendar's local time. */
final class TestCalendars {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

  static final Map<String, BusinessCalendar> BY_NAME = Map.ofEntries(
      Map.entry("cn", BusinessCalendars.chinaMainland()),
      Map.entry("ny-office", office("ny-office", NEW_YORK, "09:00-17:00")),
      Map.entry("ny-24x7", BusinessCalendars.twentyFourSeven(NEW_YORK)),
      Map.entry("ny-night", nightShift("ny-night", NEW_YORK)),
      Map.entry("ny-dst-days", BusinessCalendar.builder("ny-dst-days", NEW_YORK)
          .workingDay(LocalDate.of(2026, 3, 8), "02:30-05:00")
          .workingDay(LocalDate.of(2026, 3, 15), "02:30-05:00")
          .workingDay(LocalDate.of(2026, 11, 1), "01:30-03:00")
          .workingDay(LocalDate.of(2027, 3, 14), "02:30-03:00")
          .build()),
      Map.entry("london-office", office("london-office", LONDON, "09:00-17:30")),
      Map.entry("london-24x7", BusinessCalendars.twentyFourSeven(LONDON)),
      Map.entry("sydney-24x7", BusinessCalendars.twentyFourSeven(SYDNEY)),
      Map.entry("sydney-night", nightShift("sydney-night", SYDNEY)),
      Map.entry("utc-24x7", BusinessCalendars.twentyFourSeven(ZoneId.of("UTC"))),
      Map.entry("empty", BusinessCalendar.builder("empty", ZoneId.of("UTC")).build()));

  private TestCalendars() {
  }

  static BusinessCalendar named(String name) {
    BusinessCalendar calendar = BY_NAME.get(name);
    if (calendar == null) {
      throw new IllegalArgumentException("no test calendar " + name);
    }
    return calendar;
  }

  private static BusinessCalendar office(String id, ZoneId zone, String hours) {
    return BusinessCalendar.builder(id, zone).weekdays(hours).build();
  }

  /** Every day 00:00-06:00 and 22:00-24:00: one shift from 22:00 to 06:00 each night. */
  private static BusinessCalendar nightShift(String id, ZoneId zone) {
    BusinessCalendarBuilder builder = BusinessCalendar.builder(id, zone);
    for (DayOfWeek day : DayOfWeek.values()) {
      builder.weekly(day, "00:00-06:00", "22:00-24:00");
    }
    return builder.build();
  }

  /**
   * Reads {@code 2026-01-05T10:00} as local time in the calendar's zone (earlier offset when
   * ambiguous), or {@code 2026-11-01T01:30-05:00} with an explicit offset.
   */
  static Instant at(BusinessCalendar calendar, String text) {
    String trimmed = text.trim();
    if (trimmed.matches(".*T.*([+-]\\d{2}:\\d{2}|Z)")) {
      return OffsetDateTime.parse(trimmed).toInstant();
    }
    return ZonedDateTime.of(LocalDateTime.parse(trimmed), calendar.zone()).toInstant();
  }
}
