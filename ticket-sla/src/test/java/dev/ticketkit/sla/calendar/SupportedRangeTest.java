package dev.ticketkit.sla.calendar;

import static dev.ticketkit.sla.calendar.TestCalendars.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The supported range 1970..2100, its edges, and calendars with no working time. */
class SupportedRangeTest {

  private final BusinessCalendar always = named("utc-24x7");
  private final BusinessCalendar china = named("cn");

  @Test
  void theWholeRangeWorks() {
    assertThat(always.between(BusinessCalendar.MIN_INSTANT, BusinessCalendar.MAX_INSTANT))
        .isEqualTo(Duration.between(BusinessCalendar.MIN_INSTANT, BusinessCalendar.MAX_INSTANT));
    assertThat(always.plus(BusinessCalendar.MIN_INSTANT, Duration.between(BusinessCalendar.MIN_INSTANT,
        BusinessCalendar.MAX_INSTANT))).isEqualTo(BusinessCalendar.MAX_INSTANT);
    assertThat(always.plus(Instant.parse("2100-12-31T23:00:00Z"), Duration.ofHours(1)))
        .isEqualTo(BusinessCalendar.MAX_INSTANT);
    assertThat(china.plus(BusinessCalendar.MAX_INSTANT, Duration.ofHours(-1)))
        .isEqualTo(Instant.parse("2100-12-31T09:00:00Z"));
    assertThat(china.plusWorkingDays(BusinessCalendar.MIN_DATE, 1)).isEqualTo(LocalDate.of(1970, 1, 2));
    assertThat(china.workingDaysBetween(BusinessCalendar.MIN_DATE, BusinessCalendar.MAX_DATE)).isPositive();
  }

  @Test
  void instantsAndResultsOutsideTheRangeAreRejected() {
    Instant before = Instant.parse("1969-12-31T23:59:59.999999999Z");
    Instant after = BusinessCalendar.MAX_INSTANT.plusNanos(1);
    assertThatThrownBy(() -> china.isWorkingTime(before)).isInstanceOf(DateTimeException.class)
        .hasMessageContaining("1969-12-31T23:59:59.999999999Z");
    assertThatThrownBy(() -> china.between(BusinessCalendar.MIN_INSTANT, after)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> china.nextWorkingTime(after)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> always.plus(Instant.parse("2100-12-31T23:00:00Z"), Duration.ofHours(2)))
        .isInstanceOf(DateTimeException.class);
    // 1970-01-01 was a Thursday: 09:00-11:00 Shanghai (01:00-03:00Z) is the first working time in range.
    assertThat(china.plus(Instant.parse("1970-01-01T03:00:00Z"), Duration.ofHours(-2)))
        .isEqualTo(Instant.parse("1970-01-01T01:00:00Z"));
    assertThatThrownBy(() -> china.plus(Instant.parse("1970-01-01T03:00:00Z"), Duration.ofHours(-3)))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> china.plus(Instant.EPOCH, Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> china.plus(Instant.EPOCH, Duration.ofSeconds(Long.MIN_VALUE)))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> china.plusWorkingDays(BusinessCalendar.MAX_DATE, 1)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> china.plusWorkingDays(BusinessCalendar.MIN_DATE, -1)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> china.isWorkingDay(LocalDate.of(2101, 1, 1))).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> china.workingDaysBetween(LocalDate.of(1969, 1, 1), BusinessCalendar.MIN_DATE))
        .isInstanceOf(DateTimeException.class);
  }

  @Test
  void aCalendarWithNoWorkingTimeHasNoSumsAndNoNextWorkingTime() {
    BusinessCalendar empty = named("empty");
    Instant now = Instant.parse("2026-01-05T10:00:00Z");
    assertThat(empty.plus(now, Duration.ZERO)).isEqualTo(now);
    assertThatThrownBy(() -> empty.plus(now, Duration.ofMinutes(1))).isInstanceOf(DateTimeException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> empty.plus(now, Duration.ofMinutes(-1))).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> empty.nextWorkingTime(now)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> empty.plusWorkingDays(LocalDate.of(2026, 1, 5), 1)).isInstanceOf(DateTimeException.class);
    assertThat(empty.workingDaysBetween(BusinessCalendar.MIN_DATE, BusinessCalendar.MAX_DATE)).isZero();
  }
}
