package dev.ticketkit.sla.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A calendar written out plainly for tests: the oracle reads it directly, and the calendar under test
 * is made from its JSON text, so the two share nothing but the facts.
 */
record CalendarSpec(ZoneId zone, Map<DayOfWeek, List<String>> weekly, Set<LocalDate> holidays,
    Map<LocalDate, List<String>> workingDays) {

  /** Returns the ranges worked on {@code date}, by the rules of the issue, read straight from the spec. */
  List<String> hoursOn(LocalDate date) {
    if (holidays.contains(date)) {
      return List.of();
    }
    if (workingDays.containsKey(date)) {
      return workingDays.get(date);
    }
    return weekly.getOrDefault(date.getDayOfWeek(), List.of());
  }

  String toJson() {
    String weeklyJson = weekly.entrySet().stream()
        .map(e -> quote(e.getKey().name()) + ": " + ranges(e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
    String holidaysJson = holidays.stream().sorted().map(d -> quote(d.toString()))
        .collect(Collectors.joining(", ", "[", "]"));
    String daysJson = workingDays.entrySet().stream()
        .map(e -> quote(e.getKey().toString()) + ": " + ranges(e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
    return "{\"id\": \"random\", \"zone\": " + quote(zone.getId()) + ", \"weekly\": " + weeklyJson
        + ", \"holidays\": " + holidaysJson + ", \"workingDays\": " + daysJson + "}";
  }

  BusinessCalendar toCalendar() {
    return BusinessCalendar.fromJson(toJson());
  }

  private static String ranges(List<String> ranges) {
    return ranges.stream().map(CalendarSpec::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String quote(String text) {
    return '"' + text + '"';
  }
}
