package dev.ticketkit.testkit;

import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.calendar.BusinessCalendars;
import dev.ticketkit.sla.policy.SlaCalendars;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Ready business calendars for tests, each with something that breaks naive business-time code: a
 * lunch break with statutory holidays and make-up working days, daylight saving time, date-specific
 * hours, a shift across midnight. All are built through the public calendar API, so a test may
 * copy one as a starting point for its own.
 *
 * <p>Thread-safe: every method returns an immutable calendar, built once.
 */
public final class SampleCalendars {

  private static final BusinessCalendar US_EASTERN = usEasternCalendar();
  private static final BusinessCalendar UK_RETAIL = ukRetailCalendar();
  private static final BusinessCalendar AU_NIGHT_DESK = auNightDeskCalendar();

  private SampleCalendars() {}

  /**
   * Returns the mainland-China office calendar {@code cn-mainland}: Asia/Shanghai, Monday to
   * Friday 09:00-12:00 and 13:30-18:00 (a lunch break), the statutory holidays and make-up working
   * days of 2025 and 2026 ({@link BusinessCalendars#chinaMainland()}).
   *
   * @return the calendar
   */
  public static BusinessCalendar chinaMainland() {
    return BusinessCalendars.chinaMainland();
  }

  /**
   * Returns round-the-clock time in UTC, id {@code 24x7}: the calendar {@link SlaCalendars} always
   * holds under {@link SlaCalendars#TWENTY_FOUR_SEVEN} (so it is not part of {@link #registry()}).
   *
   * @return the calendar
   */
  public static BusinessCalendar twentyFourSeven() {
    return BusinessCalendars.twentyFourSeven(ZoneOffset.UTC);
  }

  /**
   * Returns {@code us-eastern}: America/New_York (daylight saving time changes in March and
   * November), Monday to Friday 09:00-12:00 and 13:00-17:00, the US federal holidays of 2025 and
   * 2026 as observed (2026-07-03 for Independence Day on a Saturday).
   *
   * @return the calendar
   */
  public static BusinessCalendar usEastern() {
    return US_EASTERN;
  }

  /**
   * Returns {@code uk-retail}: Europe/London, Monday to Saturday 08:00-20:00, Sunday 10:00-16:00,
   * date-specific short hours on Christmas Eve and New Year's Eve 2025 and 2026, holidays on
   * Christmas, Boxing Day and New Year's Day.
   *
   * @return the calendar
   */
  public static BusinessCalendar ukRetail() {
    return UK_RETAIL;
  }

  /**
   * Returns {@code au-night-desk}: Australia/Sydney, every night 22:00-24:00 and 00:00-06:00 (one
   * span across midnight), so the April and October daylight saving changes, at 02:00-03:00 local
   * time, fall inside working time: those nights have 7 or 9 working hours.
   *
   * @return the calendar
   */
  public static BusinessCalendar auNightDesk() {
    return AU_NIGHT_DESK;
  }

  /**
   * Returns every sample calendar, round-the-clock time included.
   *
   * @return the calendars: cn-mainland, us-eastern, uk-retail, au-night-desk, 24x7
   */
  public static List<BusinessCalendar> all() {
    return List.of(chinaMainland(), usEastern(), ukRetail(), auNightDesk(), twentyFourSeven());
  }

  /**
   * Returns a registry of the sample calendars for SLA policies: cn-mainland, us-eastern,
   * uk-retail, au-night-desk, and the built-in 24x7.
   *
   * @return the registry
   */
  public static SlaCalendars registry() {
    return SlaCalendars.of(chinaMainland(), usEastern(), ukRetail(), auNightDesk());
  }

  private static BusinessCalendar usEasternCalendar() {
    return BusinessCalendar.builder("us-eastern", ZoneId.of("America/New_York"))
        .weekdays("09:00-12:00", "13:00-17:00")
        .holidays(dates("2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19",
            "2025-07-04", "2025-09-01", "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25",
            "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
            "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"))
        .build();
  }

  private static BusinessCalendar ukRetailCalendar() {
    return BusinessCalendar.builder("uk-retail", ZoneId.of("Europe/London"))
        .weekdays("08:00-20:00")
        .weekly(DayOfWeek.SATURDAY, "08:00-20:00")
        .weekly(DayOfWeek.SUNDAY, "10:00-16:00")
        .workingDay(LocalDate.parse("2025-12-24"), "08:00-13:00")
        .workingDay(LocalDate.parse("2025-12-31"), "08:00-17:00")
        .workingDay(LocalDate.parse("2026-12-24"), "08:00-13:00")
        .workingDay(LocalDate.parse("2026-12-31"), "08:00-17:00")
        .holidays(dates("2025-01-01", "2025-12-25", "2025-12-26", "2026-01-01", "2026-12-25",
            "2026-12-26"))
        .build();
  }

  private static BusinessCalendar auNightDeskCalendar() {
    var builder = BusinessCalendar.builder("au-night-desk", ZoneId.of("Australia/Sydney"));
    for (DayOfWeek day : DayOfWeek.values()) {
      builder.weekly(day, "00:00-06:00", "22:00-24:00");
    }
    return builder.build();
  }

  private static LocalDate[] dates(String... texts) {
    return java.util.Arrays.stream(texts).map(LocalDate::parse).toArray(LocalDate[]::new);
  }
}
