package dev.ticketkit.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Builder checks, precedence between holiday sets and dated entries, and holiday set composition. */
class BusinessCalendarBuilderTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final LocalDate NEW_YEAR = LocalDate.of(2026, 1, 1);
  private static final LocalDate SUNDAY = LocalDate.of(2026, 1, 4);

  private static BusinessCalendarBuilder builder() {
    return BusinessCalendar.builder("test", UTC);
  }

  @Test
  void rejectsValuesSetTwice() {
    assertFormatError(() -> builder().weekly(DayOfWeek.MONDAY, "09:00-12:00").weekly(DayOfWeek.MONDAY),
        "weekly(MONDAY)", "MONDAY");
    assertFormatError(() -> builder().weekly(DayOfWeek.FRIDAY).weekdays("09:00-12:00"), "weekdays", "FRIDAY");
    assertFormatError(() -> builder().holidays(NEW_YEAR, NEW_YEAR), "holidays(2026-01-01)", "2026-01-01");
    assertFormatError(() -> builder().workingDay(SUNDAY).workingDay(SUNDAY, "09:00-10:00"),
        "workingDay(2026-01-04)", "2026-01-04");
    HolidaySet set = HolidaySet.of("a", 2026, 2026, List.of(NEW_YEAR), List.of());
    assertFormatError(() -> builder().holidaySet(set).holidaySet(set), "holidaySet", "a");
    assertFormatError(() -> builder().makeUpDayHours("09:00-10:00").makeUpDayHours("09:00-10:00"),
        "makeUpDayHours", "[09:00-10:00]");
  }

  @Test
  void rejectsBadRangesAndDates() {
    assertFormatError(() -> builder().weekly(DayOfWeek.MONDAY, "09:00-12:00", "11:00-13:00"),
        "weekly(MONDAY)[1]", "\"11:00-13:00\"");
    assertFormatError(() -> builder().weekdays("09:00-08:00"), "weekdays[0]", "\"09:00-08:00\"");
    assertFormatError(() -> builder().workingDay(SUNDAY, "nine-five"), "workingDay(2026-01-04)[0]", "\"nine-five\"");
    assertFormatError(() -> builder().holidays(LocalDate.of(1969, 12, 31)), "holidays(1969-12-31)", "\"1969-12-31\"");
    assertFormatError(() -> builder().workingDay(LocalDate.of(2101, 1, 1)), "workingDay(2101-01-01)", "\"2101-01-01\"");
    assertFormatError(() -> BusinessCalendar.builder(" ", UTC), "builder(id)", "\" \"");
  }

  @Test
  void aDateCannotBeBothHolidayAndWorkingDay() {
    assertFormatError(() -> builder().holidays(SUNDAY).workingDay(SUNDAY, "09:00-12:00"),
        "workingDay(2026-01-04)", "2026-01-04");
    assertFormatError(() -> builder().workingDay(SUNDAY, "09:00-12:00").holidays(SUNDAY),
        "holidays(2026-01-04)", "2026-01-04");
  }

  @Test
  void aFailedWeekdaysCallLeavesNoDaySet() {
    BusinessCalendarBuilder builder = builder().weekly(DayOfWeek.WEDNESDAY, "10:00-11:00");
    assertThatThrownBy(() -> builder.weekdays("09:00-17:00")).isInstanceOf(CalendarFormatException.class);
    BusinessCalendar calendar = builder.weekly(DayOfWeek.MONDAY, "08:00-09:00").build();
    assertThat(calendar.weeklyHours(DayOfWeek.MONDAY)).containsExactly(LocalTimeRange.parse("08:00-09:00"));
    assertThat(calendar.weeklyHours(DayOfWeek.TUESDAY)).isEmpty();
  }

  @Test
  void aFailedHolidaysCallAddsNoDate() {
    BusinessCalendarBuilder builder = builder().workingDay(SUNDAY, "09:00-12:00");
    assertThatThrownBy(() -> builder.holidays(NEW_YEAR, SUNDAY)).isInstanceOf(CalendarFormatException.class);
    assertThat(builder.build().holidays()).isEmpty();
  }

  @Test
  void holidaySetMakeUpDaysTakeTheFirstWeekdayHoursUnlessGiven() {
    HolidaySet set = HolidaySet.of("s", 2026, 2026, List.of(NEW_YEAR), List.of(SUNDAY));
    BusinessCalendar lent = builder().weekly(DayOfWeek.TUESDAY, "10:00-16:00").holidaySet(set).build();
    assertThat(lent.hoursOn(SUNDAY)).containsExactly(LocalTimeRange.parse("10:00-16:00"));
    assertThat(lent.hoursOn(NEW_YEAR)).isEmpty();
    BusinessCalendar given = builder().weekdays("09:00-17:00").holidaySet(set).makeUpDayHours("09:00-12:00").build();
    assertThat(given.hoursOn(SUNDAY)).containsExactly(LocalTimeRange.parse("09:00-12:00"));
    assertFormatError(() -> builder().holidaySet(set).build(), "makeUpDayHours", "(missing)");
  }

  @Test
  void datesGivenDirectlyOverrideTheHolidaySet() {
    HolidaySet set = HolidaySet.of("s", 2026, 2026, List.of(NEW_YEAR), List.of(SUNDAY));
    BusinessCalendar calendar = builder().weekdays("09:00-17:00").holidaySet(set)
        .workingDay(NEW_YEAR, "09:00-12:00").holidays(SUNDAY).build();
    assertThat(calendar.hoursOn(NEW_YEAR)).containsExactly(LocalTimeRange.parse("09:00-12:00"));
    assertThat(calendar.isWorkingDay(SUNDAY)).isFalse();
    assertThat(calendar.holidays()).containsExactly(SUNDAY);
    assertThat(calendar.workingDays()).containsOnlyKeys(NEW_YEAR);
  }

  @Test
  void holidaySetsComposeWithTheLaterSetWinning() {
    HolidaySet statutory = HolidaySet.of("statutory", 2026, 2026, List.of(NEW_YEAR), List.of(SUNDAY));
    HolidaySet company = HolidaySet.of("company", 2026, 2027,
        List.of(SUNDAY, LocalDate.of(2027, 12, 24)), List.of(NEW_YEAR));
    HolidaySet both = statutory.plus(company);
    assertThat(both.id()).isEqualTo("statutory+company");
    assertThat(both.holidays()).containsExactly(SUNDAY, LocalDate.of(2027, 12, 24));
    assertThat(both.makeUpWorkingDays()).containsExactly(NEW_YEAR);
    assertThat(both.firstYear()).isEqualTo(2026);
    assertThat(both.lastYear()).isEqualTo(2027);
    assertThat(HolidaySet.fromJson(both.toJson())).isEqualTo(both);
  }

  @Test
  void holidaySetRejectsBadInput() {
    assertFormatError(() -> HolidaySet.of("s", 2026, 2026, List.of(LocalDate.of(2027, 1, 1)), List.of()),
        "HolidaySet.holidays", "\"2027-01-01\"");
    assertFormatError(() -> HolidaySet.of("s", 2026, 2026, List.of(NEW_YEAR), List.of(NEW_YEAR)),
        "HolidaySet.makeUpWorkingDays", "\"2026-01-01\"");
    assertFormatError(() -> HolidaySet.of("s", 2027, 2026, List.of(), List.of()), "HolidaySet.lastYear", "2026");
    assertFormatError(() -> HolidaySet.of("", 2026, 2026, List.of(), List.of()), "HolidaySet.id", "\"\"");
    assertFormatError(() -> HolidaySet.fromJson("{\"id\":\"s\",\"firstYear\":2026,\"lastYear\":\"2026\"}"),
        "$.lastYear", "\"2026\"");
    assertFormatError(() -> HolidaySet.fromJson("{\"id\":\"s\",\"firstYear\":2026,\"lastYear\":2026,\"holidays\":[\"2025-01-01\"]}"),
        "$.holidays", "\"2025-01-01\"");
  }

  @Test
  void localTimeRangeParsesFormatsAndValidates() {
    assertThat(LocalTimeRange.parse("09:00-12:00")).isEqualTo(new LocalTimeRange(9 * 3600, 12 * 3600));
    assertThat(LocalTimeRange.parse("22:00:00-24:00:00").toString()).isEqualTo("22:00-24:00");
    assertThat(LocalTimeRange.parse("08:00:30-17:00").toString()).isEqualTo("08:00:30-17:00");
    assertThat(LocalTimeRange.of(LocalTime.of(22, 0), LocalTime.MIDNIGHT)).isEqualTo(LocalTimeRange.parse("22:00-24:00"));
    assertThat(LocalTimeRange.parse("13:30-18:00").nominalLength()).hasMinutes(270);
    for (String bad : List.of("", "-", "09:00", "09:00-", "9:00-12:00", "09:00-12:0", "09:00–12:00", "25:00-26:00",
        "09:00-24:01", "24:00-24:00", "12:00-12:00", "０9:00-12:00", "09:00:60-10:00", "09:00-10:00 ")) {
      assertThatThrownBy(() -> LocalTimeRange.parse(bad)).as(bad).isInstanceOf(CalendarFormatException.class);
    }
    assertThatThrownBy(() -> new LocalTimeRange(10, 10)).isInstanceOf(CalendarFormatException.class);
    assertThatThrownBy(() -> LocalTimeRange.of(LocalTime.of(9, 0, 0, 1), LocalTime.NOON))
        .isInstanceOf(CalendarFormatException.class);
  }

  private static void assertFormatError(Runnable action, String path, String value) {
    assertThatThrownBy(action::run).isInstanceOfSatisfying(CalendarFormatException.class, e -> {
      assertThat(e.path()).isEqualTo(path);
      assertThat(e.value()).isEqualTo(value);
    });
  }
}
