package dev.ticketkit.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The shipped mainland-China holiday set and calendar. */
class BusinessCalendarsTest {

  private static final Path FACTS = Path.of("../../shared/data/calendars/cn-statutory-2025-2026.json");

  @Test
  void chinaHolidaySetCovers2025And2026() {
    HolidaySet set = BusinessCalendars.chinaStatutoryHolidays();
    assertThat(set.id()).isEqualTo("cn-statutory-2025-2026");
    assertThat(set.firstYear()).isEqualTo(2025);
    assertThat(set.lastYear()).isEqualTo(2026);
    assertThat(set.holidays()).hasSize(61).contains(LocalDate.of(2025, 1, 28), LocalDate.of(2025, 10, 8),
        LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 23), LocalDate.of(2026, 10, 7));
    assertThat(set.makeUpWorkingDays()).containsExactly(
        LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27),
        LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11), LocalDate.of(2026, 1, 4),
        LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9),
        LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
    assertThat(set.makeUpWorkingDays()).allSatisfy(d -> assertThat(d.getDayOfWeek().getValue()).isGreaterThan(5));
  }

  @Test
  void chinaHolidaySetMatchesTheSharedFactList() throws IOException {
    assumeTrue(Files.exists(FACTS), "the shared fact list is not beside this checkout");
    JsonNode years = new ObjectMapper().readTree(FACTS.toFile()).get("years");
    TreeSet<LocalDate> holidays = new TreeSet<>();
    TreeSet<LocalDate> makeUp = new TreeSet<>();
    for (JsonNode year : years) {
      for (JsonNode holiday : year.get("holidays")) {
        LocalDate.parse(holiday.get("from").asText())
            .datesUntil(LocalDate.parse(holiday.get("to").asText()).plusDays(1)).forEach(holidays::add);
      }
      year.get("makeUpWorkingDays").forEach(d -> makeUp.add(LocalDate.parse(d.asText())));
    }
    HolidaySet set = BusinessCalendars.chinaStatutoryHolidays();
    assertThat(set.holidays()).isEqualTo(holidays);
    assertThat(set.makeUpWorkingDays()).isEqualTo(makeUp);
  }

  @Test
  void chinaMainlandCalendar() {
    BusinessCalendar calendar = BusinessCalendars.chinaMainland();
    assertThat(calendar.id()).isEqualTo("cn-mainland");
    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(calendar.weeklyHours(DayOfWeek.MONDAY)).extracting(LocalTimeRange::toString)
        .containsExactly("09:00-12:00", "13:30-18:00");
    assertThat(calendar.weeklyHours(DayOfWeek.SATURDAY)).isEmpty();
    assertThat(calendar.hoursOn(LocalDate.of(2026, 2, 14))).isEqualTo(calendar.weeklyHours(DayOfWeek.MONDAY));
    assertThat(calendar.workingDays()).hasSize(11);
    assertThat(BusinessCalendars.chinaMainland()).isSameAs(calendar);
    assertThat(calendar).hasToString("BusinessCalendar[cn-mainland, Asia/Shanghai]");
  }

  @Test
  void twentyFourSevenIsElapsedTime() {
    BusinessCalendar calendar = BusinessCalendars.twentyFourSeven(ZoneId.of("Europe/London"));
    assertThat(calendar.id()).isEqualTo("24x7");
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1))).isEqualTo(365);
  }
}
