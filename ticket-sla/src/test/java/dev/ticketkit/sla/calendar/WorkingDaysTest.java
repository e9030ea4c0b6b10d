package dev.ticketkit.sla.calendar;

import static dev.ticketkit.sla.calendar.TestCalendars.named;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Truth tables for the date methods on the China calendar (holidays and make-up days) and others. */
class WorkingDaysTest {

  @ParameterizedTest(name = "{0}: isWorkingDay({1}) = {2}")
  @CsvSource(delimiter = '|', textBlock = """
      cn | 2026-01-01 | false
      cn | 2026-01-04 | true
      cn | 2026-01-05 | true
      cn | 2026-01-10 | false
      cn | 2026-02-14 | true
      cn | 2026-02-16 | false
      cn | 2025-10-11 | true
      cn | 2025-10-08 | false
      cn | 2027-01-01 | true
      cn | 1970-01-01 | true
      cn | 2100-12-31 | true
      ny-dst-days | 2026-03-08 | true
      ny-dst-days | 2027-03-14 | false
      ny-night    | 2026-01-10 | true
      empty       | 2026-01-05 | false
      """)
  void isWorkingDay(String calendar, LocalDate date, boolean expected) {
    assertThat(named(calendar).isWorkingDay(date)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: plusWorkingDays({1}, {2}) = {3}")
  @CsvSource(delimiter = '|', textBlock = """
      cn | 2025-12-31 |    1 | 2026-01-04
      cn | 2025-12-31 |    2 | 2026-01-05
      cn | 2026-01-04 |   -1 | 2025-12-31
      cn | 2026-01-03 |   -1 | 2025-12-31
      cn | 2026-01-03 |    1 | 2026-01-04
      cn | 2026-01-10 |    0 | 2026-01-10
      cn | 2026-02-13 |    1 | 2026-02-14
      cn | 2026-02-13 |    2 | 2026-02-24
      cn | 2026-02-24 |   -1 | 2026-02-14
      cn | 2026-02-24 |   -2 | 2026-02-13
      cn | 2026-01-05 |    5 | 2026-01-12
      cn | 2026-12-31 |    1 | 2027-01-01
      cn | 2025-01-02 |   -1 | 2024-12-31
      cn | 2026-01-05 |  250 | 2027-01-06
      cn | 2026-01-05 | -400 | 2024-06-04
      """)
  void plusWorkingDays(String calendar, LocalDate date, int days, LocalDate expected) {
    assertThat(named(calendar).plusWorkingDays(date, days)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: workingDaysBetween({1}, {2}) = {3}")
  @CsvSource(delimiter = '|', textBlock = """
      cn | 2025-12-31 | 2026-01-05 |   2
      cn | 2026-01-05 | 2025-12-31 |  -2
      cn | 2026-01-03 | 2026-01-10 |   6
      cn | 2026-01-10 | 2026-01-03 |  -6
      cn | 2026-01-02 | 2026-01-05 |   2
      cn | 2026-01-05 | 2026-01-02 |  -1
      cn | 2026-01-05 | 2026-01-05 |   0
      cn | 2024-12-31 | 2025-12-31 | 248
      cn | 2025-12-31 | 2026-12-31 | 248
      cn | 2024-01-01 | 2027-01-01 | 758
      """)
  void workingDaysBetween(String calendar, LocalDate from, LocalDate to, int expected) {
    assertThat(named(calendar).workingDaysBetween(from, to)).isEqualTo(expected);
  }
}
