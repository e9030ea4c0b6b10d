package dev.ticketkit.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calendar JSON form: reading the issue's example, round trips, and each kind of bad input. */
class CalendarJsonTest {

  private static final String EXAMPLE = """
      {
       "id": "cn-support",
       "zone": "Asia/Shanghai",
       "weekly": {
        "MONDAY": ["09:00-12:00", "13:30-18:00"],
        "TUESDAY": ["09:00-12:00", "13:30-18:00"],
        "SATURDAY": []
       },
       "holidays": ["2026-01-01", "2026-01-02"],
       "workingDays": { "2026-01-04": ["09:00-12:00", "13:30-18:00"] }
      }
      """;

  @Test
  void readsTheIssueExample() {
    BusinessCalendar calendar = BusinessCalendar.fromJson(EXAMPLE);
    assertThat(calendar.id()).isEqualTo("cn-support");
    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(calendar.weeklyHours(DayOfWeek.MONDAY)).extracting(LocalTimeRange::toString)
        .containsExactly("09:00-12:00", "13:30-18:00");
    assertThat(calendar.weeklyHours(DayOfWeek.WEDNESDAY)).isEmpty();
    assertThat(calendar.holidays()).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2));
    assertThat(calendar.hoursOn(LocalDate.of(2026, 1, 4))).hasSize(2);
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 5))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 7))).isFalse();
  }

  @Test
  void readsFromAStream() {
    InputStream in = new ByteArrayInputStream(EXAMPLE.getBytes(StandardCharsets.UTF_8));
    assertThat(BusinessCalendar.fromJson(in)).isEqualTo(BusinessCalendar.fromJson(EXAMPLE));
  }

  @Test
  void aStreamThatFailsIsAnIoProblemNotAFormatProblem() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk gone");
      }
    };
    assertThatThrownBy(() -> BusinessCalendar.fromJson(broken)).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void writesWhatItReadsBack() {
    BusinessCalendar china = BusinessCalendars.chinaMainland();
    String json = china.toJson();
    assertThat(BusinessCalendar.fromJson(json)).isEqualTo(china).hasSameHashCodeAs(china);
    assertThat(BusinessCalendar.fromJson(json).toJson()).isEqualTo(json);
    assertThat(json).contains("\"zone\": \"Asia/Shanghai\"", "\"MONDAY\": [\"09:00-12:00\", \"13:30-18:00\"]",
        "\"SATURDAY\": []", "\"2025-01-26\": [\"09:00-12:00\", \"13:30-18:00\"]");
  }

  @Test
  void writesAnEmptyCalendarAndSecondsAndEndOfDay() {
    BusinessCalendar calendar = BusinessCalendar.builder("a \"quoted\" id", ZoneId.of("UTC"))
        .weekly(DayOfWeek.SUNDAY, "08:00:30-12:00", "22:00-24:00").build();
    String json = calendar.toJson();
    assertThat(json).contains("\"holidays\": []", "\"workingDays\": {}", "\"08:00:30-12:00\", \"22:00-24:00\"",
        "\"id\": \"a \\\"quoted\\\" id\"");
    assertThat(BusinessCalendar.fromJson(json)).isEqualTo(calendar);
  }

  @Test
  void optionalPartsMayBeLeftOut() {
    BusinessCalendar calendar = BusinessCalendar.fromJson("{\"id\": \"x\", \"zone\": \"+08:00\"}");
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 5))).isFalse();
    assertThat(calendar.holidays()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      overlapping ranges  | {"id":"x","zone":"UTC","weekly":{"MONDAY":["09:00-12:00","11:00-13:00"]}} | $.weekly.MONDAY[1]           | "11:00-13:00"
      unsorted ranges     | {"id":"x","zone":"UTC","weekly":{"MONDAY":["13:00-14:00","09:00-12:00"]}} | $.weekly.MONDAY[1]           | "09:00-12:00"
      start after end     | {"id":"x","zone":"UTC","weekly":{"MONDAY":["12:00-09:00"]}}               | $.weekly.MONDAY[0]           | "12:00-09:00"
      start equals end    | {"id":"x","zone":"UTC","weekly":{"MONDAY":["12:00-12:00"]}}               | $.weekly.MONDAY[0]           | "12:00-12:00"
      end 00:00           | {"id":"x","zone":"UTC","weekly":{"MONDAY":["22:00-00:00"]}}               | $.weekly.MONDAY[0]           | "22:00-00:00"
      start 24:00         | {"id":"x","zone":"UTC","weekly":{"MONDAY":["24:00-24:00"]}}               | $.weekly.MONDAY[0]           | "24:00-24:00"
      bad time            | {"id":"x","zone":"UTC","weekly":{"MONDAY":["9:00-12:00"]}}                | $.weekly.MONDAY[0]           | "9:00-12:00"
      minute 60           | {"id":"x","zone":"UTC","weekly":{"MONDAY":["09:60-12:00"]}}               | $.weekly.MONDAY[0]           | "09:60-12:00"
      24:30               | {"id":"x","zone":"UTC","weekly":{"MONDAY":["09:00-24:30"]}}               | $.weekly.MONDAY[0]           | "09:00-24:30"
      range not a string  | {"id":"x","zone":"UTC","weekly":{"MONDAY":[900]}}                         | $.weekly.MONDAY[0]           | 900
      ranges not an array | {"id":"x","zone":"UTC","weekly":{"MONDAY":"09:00-12:00"}}                 | $.weekly.MONDAY              | "09:00-12:00"
      unknown weekday     | {"id":"x","zone":"UTC","weekly":{"MONDAYY":[]}}                           | $.weekly.MONDAYY             | "MONDAYY"
      lower-case weekday  | {"id":"x","zone":"UTC","weekly":{"monday":[]}}                            | $.weekly.monday              | "monday"
      unknown zone        | {"id":"x","zone":"Mars/Olympus","weekly":{}}                              | $.zone                       | "Mars/Olympus"
      zone not a string   | {"id":"x","zone":8}                                                       | $.zone                       | 8
      missing zone        | {"id":"x"}                                                                | $.zone                       | (missing)
      missing id          | {"zone":"UTC"}                                                            | $.id                         | (missing)
      blank id            | {"id":" ","zone":"UTC"}                                                   | $.id                         | " "
      unknown field       | {"id":"x","zone":"UTC","weekley":{}}                                      | $.weekley                    | "weekley"
      bad holiday         | {"id":"x","zone":"UTC","holidays":["2026-02-30"]}                         | $.holidays[0]                | "2026-02-30"
      holiday not a date  | {"id":"x","zone":"UTC","holidays":["2026-01-01", 3]}                      | $.holidays[1]                | 3
      holiday twice       | {"id":"x","zone":"UTC","holidays":["2026-01-01","2026-01-01"]}            | $.holidays[1]                | "2026-01-01"
      holiday before 1970 | {"id":"x","zone":"UTC","holidays":["1969-12-31"]}                         | $.holidays[0]                | "1969-12-31"
      holiday after 2100  | {"id":"x","zone":"UTC","holidays":["2101-01-01"]}                         | $.holidays[0]                | "2101-01-01"
      holidays an object  | {"id":"x","zone":"UTC","holidays":{}}                                     | $.holidays                   | {}
      bad working date    | {"id":"x","zone":"UTC","workingDays":{"2026-13-01":[]}}                   | $.workingDays.2026-13-01     | "2026-13-01"
      working day ranges  | {"id":"x","zone":"UTC","workingDays":{"2026-01-04":["10:00-09:00"]}}      | $.workingDays.2026-01-04[0]  | "10:00-09:00"
      holiday and working | {"id":"x","zone":"UTC","holidays":["2026-01-04"],"workingDays":{"2026-01-04":[]}} | $.workingDays.2026-01-04 | "2026-01-04"
      not an object       | ["x"]                                                                     | $                            | ["x"]
      null                | null                                                                      | $                            | null
      """)
  void rejectsBadInputNamingPathAndValue(String what, String json, String path, String value) {
    assertThatThrownBy(() -> BusinessCalendar.fromJson(json))
        .isInstanceOfSatisfying(CalendarFormatException.class, e -> {
          assertThat(e.path()).isEqualTo(path);
          assertThat(e.value()).isEqualTo(value);
          assertThat(e.getMessage()).startsWith(path + ": ").endsWith(": " + value);
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `{"id":"x","zone":"UTC",}`                   | $ (line 1, column 24): not valid JSON
      `{"id":"x","id":"y","zone":"UTC"}`           | Duplicate field 'id'
      `{"id":"x","zone":"UTC"} trailing`           | $ (line 1, column 25): not valid JSON
      `{"id":"x",
       "zone":`                                   | $ (line 2
      `{"id":"x","zone":"UTC"`                     | not valid JSON
      """)
  void rejectsMalformedJsonNamingTheLocation(String json, String expected) {
    assertThatThrownBy(() -> BusinessCalendar.fromJson(json))
        .isInstanceOf(CalendarFormatException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void emptyTextIsNotACalendar() {
    assertThatThrownBy(() -> BusinessCalendar.fromJson("  "))
        .isInstanceOfSatisfying(CalendarFormatException.class, e -> {
          assertThat(e.path()).isEqualTo("$");
          assertThat(e.value()).isEqualTo("(empty document)");
        });
  }

  @Test
  void rangesTouchingAtABreakAreAccepted() {
    BusinessCalendar calendar = BusinessCalendar.fromJson(
        "{\"id\":\"x\",\"zone\":\"UTC\",\"weekly\":{\"MONDAY\":[\"09:00-12:00\",\"12:00-13:00\"]}}");
    assertThat(calendar.weeklyHours(DayOfWeek.MONDAY)).hasSize(2);
    assertThat(calendar.hoursOn(LocalDate.of(2026, 1, 5))).extracting(LocalTimeRange::toString)
        .isEqualTo(List.of("09:00-12:00", "12:00-13:00"));
  }
}
