package dev.ticketkit.sla.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The local facts of a calendar: id, zone, weekly hours, holidays and date-specific hours, already
 * validated. It answers "which local ranges are worked on this date" and maps them to epoch seconds
 * with the rules of {@link ZonedDateTime#of}. Immutable and thread-safe.
 */
final class Schedule {

  /** The first and last dates that dated entries and date arguments may use. */
  static final LocalDate FIRST_DATE = LocalDate.of(1970, 1, 1);
  static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);

  final String id;
  final ZoneId zone;
  private final Map<DayOfWeek, List<LocalTimeRange>> weekly;
  private final NavigableSet<LocalDate> holidays;
  private final NavigableMap<LocalDate, List<LocalTimeRange>> workingDays;

  /** Takes copies; the caller has validated every range list and that no date is in both. */
  Schedule(String id, ZoneId zone, Map<DayOfWeek, List<LocalTimeRange>> weekly,
      Iterable<LocalDate> holidays, Map<LocalDate, List<LocalTimeRange>> workingDays) {
    this.id = id;
    this.zone = zone;
    EnumMap<DayOfWeek, List<LocalTimeRange>> days = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      days.put(day, List.copyOf(weekly.getOrDefault(day, List.of())));
    }
    this.weekly = Collections.unmodifiableMap(days);
    TreeSet<LocalDate> off = new TreeSet<>();
    holidays.forEach(off::add);
    this.holidays = Collections.unmodifiableNavigableSet(off);
    TreeMap<LocalDate, List<LocalTimeRange>> dated = new TreeMap<>();
    workingDays.forEach((date, ranges) -> dated.put(date, List.copyOf(ranges)));
    this.workingDays = Collections.unmodifiableNavigableMap(dated);
  }

  /** Returns the local ranges worked on {@code date}: none on a holiday, else dated, else weekly. */
  List<LocalTimeRange> hoursOn(LocalDate date) {
    if (holidays.contains(date)) {
      return List.of();
    }
    List<LocalTimeRange> dated = workingDays.get(date);
    return dated != null ? dated : weekly.get(date.getDayOfWeek());
  }

  /** Returns whether at least one of the date's ranges has real length after the DST rules. */
  boolean hasWorkingTime(LocalDate date) {
    for (LocalTimeRange range : hoursOn(date)) {
      if (endEpochSecond(date, range) > startEpochSecond(date, range)) {
        return true;
      }
    }
    return false;
  }

  long startEpochSecond(LocalDate date, LocalTimeRange range) {
    return epochSecond(date, range.startSecondOfDay());
  }

  long endEpochSecond(LocalDate date, LocalTimeRange range) {
    return epochSecond(date, range.endSecondOfDay());
  }

  /** Local date and second of day (86400 = next midnight) to an epoch second: gap forward, overlap earlier. */
  private long epochSecond(LocalDate date, int secondOfDay) {
    if (secondOfDay == LocalTimeRange.SECONDS_PER_DAY) {
      return ZonedDateTime.of(date.plusDays(1), LocalTime.MIDNIGHT, zone).toEpochSecond();
    }
    return ZonedDateTime.of(date, LocalTime.ofSecondOfDay(secondOfDay), zone).toEpochSecond();
  }

  Map<DayOfWeek, List<LocalTimeRange>> weekly() {
    return weekly;
  }

  NavigableSet<LocalDate> holidays() {
    return holidays;
  }

  NavigableMap<LocalDate, List<LocalTimeRange>> workingDays() {
    return workingDays;
  }

  /**
   * Checks that ranges are sorted and do not overlap (touching is allowed).
   *
   * @throws CalendarFormatException naming {@code path[i]} and the first range out of order
   */
  static List<LocalTimeRange> checkRanges(List<LocalTimeRange> ranges, String path) {
    List<LocalTimeRange> checked = new ArrayList<>(ranges.size());
    for (int i = 0; i < ranges.size(); i++) {
      LocalTimeRange range = Objects.requireNonNull(ranges.get(i), path);
      if (i > 0 && range.startSecondOfDay() < ranges.get(i - 1).endSecondOfDay()) {
        throw new CalendarFormatException(path + "[" + i + "]", '"' + range.toString() + '"',
            "ranges overlap or are not sorted (previous: " + ranges.get(i - 1) + ")");
      }
      checked.add(range);
    }
    return List.copyOf(checked);
  }

  /**
   * Checks that a dated entry lies in 1970-01-01 to 2100-12-31.
   *
   * @throws CalendarFormatException naming {@code path} when it does not
   */
  static LocalDate checkDate(LocalDate date, String path) {
    if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
      throw new CalendarFormatException(path, '"' + date.toString() + '"',
          "dates must lie in 1970-01-01..2100-12-31");
    }
    return date;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Schedule that && id.equals(that.id) && zone.equals(that.zone)
        && weekly.equals(that.weekly) && holidays.equals(that.holidays)
        && workingDays.equals(that.workingDays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, zone, weekly, holidays, workingDays);
  }
}
