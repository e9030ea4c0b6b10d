package dev.ticketkit.sla.calendar;

import static dev.ticketkit.sla.calendar.TestCalendars.at;
import static dev.ticketkit.sla.calendar.TestCalendars.named;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-computed truth tables for the instant methods. Times are local to the calendar's zone unless
 * they carry an offset. {@code cn} works 09:00-12:00 and 13:30-18:00 on weekdays in Asia/Shanghai,
 * with 2026-01-01..03 and 2026-02-15..23 off and Sundays 2026-01-04 and Saturday 2026-02-14 worked.
 */
class BusinessCalendarTruthTableTest {

  @ParameterizedTest(name = "{0}: {1} + {2} = {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # inside hours, before, after, in the lunch break
      cn | 2026-01-05T10:00    | PT1H     | 2026-01-05T11:00
      cn | 2026-01-05T11:00    | PT1H     | 2026-01-05T12:00
      cn | 2026-01-05T11:00    | PT2H     | 2026-01-05T14:30
      cn | 2026-01-05T12:30    | PT1H     | 2026-01-05T14:30
      cn | 2026-01-05T07:00    | PT1H     | 2026-01-05T10:00
      cn | 2026-01-05T19:00    | PT1H     | 2026-01-06T10:00
      cn | 2026-01-05T17:00    | PT4H     | 2026-01-06T12:00
      cn | 2026-01-05T17:00    | PT1H     | 2026-01-05T18:00
      cn | 2026-01-05T09:00    | PT7H30M  | 2026-01-05T18:00
      cn | 2026-01-05T09:00    | PT40H    | 2026-01-12T11:30
      cn | 2026-01-05T10:00:00.5 | PT0.25S | 2026-01-05T10:00:00.75
      # weekends, holidays and make-up working days
      cn | 2026-01-09T17:00    | PT2H     | 2026-01-12T10:00
      cn | 2025-12-31T17:00    | PT2H     | 2026-01-04T10:00
      cn | 2026-01-01T10:00    | PT1H     | 2026-01-04T10:00
      cn | 2026-02-13T17:00    | PT7H30M  | 2026-02-14T17:00
      cn | 2026-02-14T17:30    | PT1H     | 2026-02-24T09:30
      # zero
      cn | 2026-01-05T12:30    | PT0S     | 2026-01-05T12:30
      cn | 2026-01-10T03:00    | PT0S     | 2026-01-10T03:00
      # negative durations: the latest instant with that much working time before the start
      cn | 2026-01-05T14:30    | -PT1H    | 2026-01-05T13:30
      cn | 2026-01-05T14:30    | -PT1H30M | 2026-01-05T11:30
      cn | 2026-01-05T13:30    | -PT3H    | 2026-01-05T09:00
      cn | 2026-01-05T12:30    | -PT3H    | 2026-01-05T09:00
      cn | 2026-01-05T12:30    | -PT30M   | 2026-01-05T11:30
      cn | 2026-01-12T09:30    | -PT1H    | 2026-01-09T17:30
      cn | 2026-01-04T09:00    | -PT1H    | 2025-12-31T17:00
      cn | 2026-01-06T09:00    | -PT7H30M | 2026-01-05T09:00
      # DST in New York: 2026-03-08 02:00 EST -> 03:00 EDT; 2026-11-01 02:00 EDT -> 01:00 EST
      ny-office   | 2026-03-06T16:00       | PT2H  | 2026-03-09T10:00
      ny-office   | 2026-10-30T16:00       | PT2H  | 2026-11-02T10:00
      ny-24x7     | 2026-03-08T00:00       | PT23H | 2026-03-09T00:00
      ny-24x7     | 2026-11-01T00:00       | PT25H | 2026-11-02T00:00
      ny-24x7     | 2026-11-01T01:30-04:00 | PT1H  | 2026-11-01T01:30-05:00
      ny-night    | 2026-03-07T23:00       | PT2H  | 2026-03-08T01:00
      ny-night    | 2026-03-07T23:00       | PT3H  | 2026-03-08T03:00
      ny-night    | 2026-03-07T22:00       | PT7H  | 2026-03-08T06:00
      ny-night    | 2026-10-31T22:00       | PT9H  | 2026-11-01T06:00
      ny-night    | 2026-11-01T05:00       | -PT5H | 2026-11-01T01:00-04:00
      ny-dst-days | 2026-03-08T00:00       | PT1H  | 2026-03-08T04:30
      ny-dst-days | 2026-11-01T00:00       | PT1H  | 2026-11-01T01:30-05:00
      ny-dst-days | 2026-11-01T00:00       | PT2H30M | 2026-11-01T03:00
      # DST in London: 2026-03-29 01:00 GMT -> 02:00 BST; 2026-10-25 02:00 BST -> 01:00 GMT
      london-office | 2026-03-27T17:00     | PT1H  | 2026-03-30T09:30
      london-office | 2026-10-23T17:00     | PT1H  | 2026-10-26T09:30
      london-24x7   | 2026-03-29T00:00     | PT23H | 2026-03-30T00:00
      london-24x7   | 2026-10-25T00:00     | PT25H | 2026-10-26T00:00
      london-24x7   | 2026-03-29T00:30     | PT30M | 2026-03-29T02:00
      # DST in Sydney: 2026-04-05 03:00 AEDT -> 02:00 AEST; 2026-10-04 02:00 AEST -> 03:00 AEDT
      sydney-24x7   | 2026-04-05T00:00     | PT25H | 2026-04-06T00:00
      sydney-24x7   | 2026-10-04T00:00     | PT23H | 2026-10-05T00:00
      sydney-night  | 2026-04-04T22:00     | PT9H  | 2026-04-05T06:00
      sydney-night  | 2026-10-03T22:00     | PT7H  | 2026-10-04T06:00
      sydney-night  | 2026-10-03T22:00     | PT8H  | 2026-10-04T23:00
      # 24x7 is elapsed time; a night shift is one span across midnight
      utc-24x7      | 2026-01-01T00:00     | PT1000H | 2026-02-11T16:00
      utc-24x7      | 2026-01-01T00:00     | -PT1H   | 2025-12-31T23:00
      ny-night      | 2026-01-05T23:00     | PT2H    | 2026-01-06T01:00
      ny-night      | 2026-01-06T01:00     | -PT2H   | 2026-01-05T23:00
      ny-night      | 2026-01-05T05:00     | PT2H    | 2026-01-05T23:00
      ny-night      | 2026-01-05T23:00     | -PT2H   | 2026-01-05T05:00
      """)
  void plus(String calendarName, String start, String workingTime, String expected) {
    BusinessCalendar calendar = named(calendarName);
    Instant result = calendar.plus(at(calendar, start), Duration.parse(workingTime));
    assertThat(result).isEqualTo(at(calendar, expected));
  }

  @ParameterizedTest(name = "{0}: between({1}, {2}) = {3}")
  @CsvSource(delimiter = '|', textBlock = """
      cn | 2026-01-05T09:00 | 2026-01-05T18:00 | PT7H30M
      cn | 2026-01-05T11:00 | 2026-01-05T14:00 | PT1H30M
      cn | 2026-01-05T12:10 | 2026-01-05T13:00 | PT0S
      cn | 2026-01-05T10:00 | 2026-01-05T10:00 | PT0S
      cn | 2026-01-05T14:00 | 2026-01-05T11:00 | -PT1H30M
      cn | 2026-01-09T17:00 | 2026-01-12T10:00 | PT2H
      cn | 2025-12-31T09:00 | 2026-01-05T09:00 | PT15H
      cn | 2026-01-05T00:00 | 2026-01-12T00:00 | PT37H30M
      cn | 2026-02-13T00:00 | 2026-02-25T00:00 | PT22H30M
      cn | 2026-01-05T10:00:00.25 | 2026-01-05T10:00:01 | PT0.75S
      cn | 2024-12-31T00:00 | 2027-01-01T00:00 | PT3727H30M
      ny-24x7       | 2026-03-08T00:00 | 2026-03-09T00:00 | PT23H
      ny-24x7       | 2026-11-01T00:00 | 2026-11-02T00:00 | PT25H
      ny-night      | 2026-03-07T22:00 | 2026-03-08T06:00 | PT7H
      ny-night      | 2026-10-31T22:00 | 2026-11-01T06:00 | PT9H
      ny-office     | 2026-03-02T00:00 | 2026-03-16T00:00 | PT80H
      ny-dst-days   | 2026-03-08T00:00 | 2026-03-09T00:00 | PT1H30M
      ny-dst-days   | 2026-11-01T00:00 | 2026-11-02T00:00 | PT2H30M
      ny-dst-days   | 2026-03-15T00:00 | 2026-03-16T00:00 | PT2H30M
      ny-dst-days   | 2027-03-14T00:00 | 2027-03-15T00:00 | PT0S
      london-24x7   | 2026-03-29T00:00 | 2026-03-30T00:00 | PT23H
      london-24x7   | 2026-10-25T00:00 | 2026-10-26T00:00 | PT25H
      london-office | 2026-03-23T00:00 | 2026-04-06T00:00 | PT85H
      sydney-24x7   | 2026-04-05T00:00 | 2026-04-06T00:00 | PT25H
      sydney-24x7   | 2026-10-04T00:00 | 2026-10-05T00:00 | PT23H
      sydney-night  | 2026-04-04T22:00 | 2026-04-05T06:00 | PT9H
      sydney-night  | 2026-10-03T22:00 | 2026-10-04T06:00 | PT7H
      utc-24x7      | 2025-06-01T00:00 | 2026-06-01T00:00 | PT8760H
      empty         | 2025-06-01T00:00 | 2026-06-01T00:00 | PT0S
      """)
  void between(String calendarName, String start, String end, String expected) {
    BusinessCalendar calendar = named(calendarName);
    assertThat(calendar.between(at(calendar, start), at(calendar, end))).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest(name = "{0}: isWorkingTime({1}) = {2}")
  @CsvSource(delimiter = '|', textBlock = """
      cn | 2026-01-05T09:00                | true
      cn | 2026-01-05T08:59:59.999999999   | false
      cn | 2026-01-05T11:59:59.999999999   | true
      cn | 2026-01-05T12:00                | false
      cn | 2026-01-05T13:29:59             | false
      cn | 2026-01-05T13:30                | true
      cn | 2026-01-05T18:00                | false
      cn | 2026-01-10T10:00                | false
      cn | 2026-01-01T10:00                | false
      cn | 2026-01-04T10:00                | true
      cn | 2026-02-14T10:00                | true
      cn | 2027-01-01T10:00                | true
      ny-night    | 2026-01-05T23:59:59    | true
      ny-night    | 2026-01-06T00:00       | true
      ny-night    | 2026-01-06T06:00       | false
      ny-dst-days | 2026-03-08T03:15-04:00 | false
      ny-dst-days | 2026-03-08T03:30-04:00 | true
      ny-dst-days | 2026-11-01T01:15-04:00 | false
      ny-dst-days | 2026-11-01T01:30-04:00 | true
      ny-dst-days | 2026-11-01T01:15-05:00 | true
      utc-24x7    | 2100-12-31T23:59:59.999999999Z | true
      utc-24x7    | 2101-01-01T00:00Z      | false
      empty       | 2026-01-05T10:00       | false
      """)
  void isWorkingTime(String calendarName, String instant, boolean expected) {
    BusinessCalendar calendar = named(calendarName);
    assertThat(calendar.isWorkingTime(at(calendar, instant))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: nextWorkingTime({1}) = {2}")
  @CsvSource(delimiter = '|', textBlock = """
      cn | 2026-01-05T10:00    | 2026-01-05T10:00
      cn | 2026-01-05T12:15    | 2026-01-05T13:30
      cn | 2026-01-05T12:00    | 2026-01-05T13:30
      cn | 2026-01-09T18:00    | 2026-01-12T09:00
      cn | 2025-12-31T18:00    | 2026-01-04T09:00
      cn | 2026-02-14T18:00    | 2026-02-24T09:00
      cn | 2024-12-31T23:00    | 2025-01-02T09:00
      ny-dst-days | 2026-03-08T00:00 | 2026-03-08T03:30-04:00
      ny-dst-days | 2026-03-09T00:00 | 2026-03-15T02:30-04:00
      """)
  void nextWorkingTime(String calendarName, String instant, String expected) {
    BusinessCalendar calendar = named(calendarName);
    assertThat(calendar.nextWorkingTime(at(calendar, instant))).isEqualTo(at(calendar, expected));
  }
}
