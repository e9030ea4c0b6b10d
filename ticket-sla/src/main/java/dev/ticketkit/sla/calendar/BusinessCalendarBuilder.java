package dev.ticketkit.sla.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link BusinessCalendar}; made by {@link BusinessCalendar#builder(String, ZoneId)}.
 *
 * <p>Each method checks its input at once and throws {@link CalendarFormatException} naming the
 * method, the argument and the bad value: ranges out of order or overlapping, a start not before
 * its end, a date outside 1970..2100, a date that would be both a holiday and a working day, or a
 * value set twice (the same weekday, date, holiday set or make-up hours).
 *
 * <p>Precedence, from strongest: dates given here with {@link #holidays(LocalDate...)} and
 * {@link #workingDay(LocalDate, String...)}; then the holiday set's holidays and make-up days; then
 * the weekly hours. Make-up days of a holiday set are worked with {@link #makeUpDayHours(String...)}
 * or, when those are not given, with the hours of the first weekday from Monday on that has hours.
 *
 * <pre>{@code
 * BusinessCalendar calendar = BusinessCalendar.builder("acme", ZoneId.of("Asia/Shanghai"))
 *         .weekdays("09:00-12:00", "13:30-18:00")
 *         .holidaySet(BusinessCalendars.chinaStatutoryHolidays())
 *         .holidays(LocalDate.of(2026, 12, 24))
 *         .build();
 * }</pre>
 *
 * <p>Not thread-safe: use one builder from one thread. It may build several calendars.
 */
public final class BusinessCalendarBuilder {

  private final String id;
  private final ZoneId zone;
  private final Map<DayOfWeek, List<LocalTimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
  private final TreeSet<LocalDate> holidays = new TreeSet<>();
  private final TreeMap<LocalDate, List<LocalTimeRange>> workingDays = new TreeMap<>();
  private @Nullable HolidaySet holidaySet;
  private @Nullable List<LocalTimeRange> makeUpDayHours;

  BusinessCalendarBuilder(String id, ZoneId zone) {
    this.id = Objects.requireNonNull(id, "id");
    this.zone = Objects.requireNonNull(zone, "zone");
    CalendarIds.check("builder(id)", id);
  }

  /**
   * Sets the weekly hours of one weekday.
   *
   * @param day the weekday
   * @param ranges its ranges in text form, such as {@code "09:00-12:00", "13:30-18:00"}; none for a day off
   * @return this builder
   * @throws CalendarFormatException if a range is malformed, the ranges overlap or are not sorted, or
   *     the day's hours were already set
   */
  public BusinessCalendarBuilder weekly(DayOfWeek day, String... ranges) {
    Objects.requireNonNull(day, "day");
    return weekly(day, parse(ranges, "weekly(" + day + ")"));
  }

  /**
   * Sets the weekly hours of one weekday.
   *
   * @param day the weekday
   * @param ranges its ranges; empty for a day off
   * @return this builder
   * @throws CalendarFormatException if the ranges overlap or are not sorted, or the day's hours were
   *     already set
   */
  public BusinessCalendarBuilder weekly(DayOfWeek day, List<LocalTimeRange> ranges) {
    Objects.requireNonNull(day, "day");
    String path = "weekly(" + day + ")";
    List<LocalTimeRange> checked = Schedule.checkRanges(Objects.requireNonNull(ranges, "ranges"), path);
    if (weekly.containsKey(day)) {
      throw new CalendarFormatException(path, day.toString(), "this weekday's hours are already set");
    }
    weekly.put(day, checked);
    return this;
  }

  /**
   * Sets the same weekly hours for Monday to Friday.
   *
   * @param ranges the ranges in text form, such as {@code "09:00-12:00", "13:30-18:00"}
   * @return this builder
   * @throws CalendarFormatException as {@link #weekly(DayOfWeek, String...)} does, for any of the five days
   */
  public BusinessCalendarBuilder weekdays(String... ranges) {
    List<LocalTimeRange> parsed = Schedule.checkRanges(parse(ranges, "weekdays"), "weekdays");
    List<DayOfWeek> days = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    for (DayOfWeek day : days) {
      if (weekly.containsKey(day)) {
        throw new CalendarFormatException("weekdays", day.toString(), "this weekday's hours are already set");
      }
    }
    days.forEach(day -> weekly.put(day, parsed));
    return this;
  }

  /**
   * Adds holidays: dates with no working time.
   *
   * @param dates the dates, 1970-01-01 to 2100-12-31
   * @return this builder
   * @throws CalendarFormatException if a date is out of range, already a holiday, or already a working day
   */
  public BusinessCalendarBuilder holidays(LocalDate... dates) {
    TreeSet<LocalDate> added = new TreeSet<>();
    for (LocalDate date : Objects.requireNonNull(dates, "dates")) {
      String path = "holidays(" + date + ")";
      Schedule.checkDate(Objects.requireNonNull(date, "date"), path);
      if (workingDays.containsKey(date)) {
        throw new CalendarFormatException(path, date.toString(), "the date is already a working day");
      }
      if (holidays.contains(date) || !added.add(date)) {
        throw new CalendarFormatException(path, date.toString(), "the date is already a holiday");
      }
    }
    holidays.addAll(added);
    return this;
  }

  /**
   * Sets the hours of one date, replacing its weekly hours: a make-up working day, or a short day.
   *
   * @param date the date, 1970-01-01 to 2100-12-31
   * @param ranges its ranges in text form; none makes it a day off
   * @return this builder
   * @throws CalendarFormatException if a range is malformed or out of order, or the date is out of
   *     range, already a working day, or a holiday
   */
  public BusinessCalendarBuilder workingDay(LocalDate date, String... ranges) {
    Objects.requireNonNull(date, "date");
    return workingDay(date, parse(ranges, "workingDay(" + date + ")"));
  }

  /**
   * Sets the hours of one date, replacing its weekly hours: a make-up working day, or a short day.
   *
   * @param date the date, 1970-01-01 to 2100-12-31
   * @param ranges its ranges; empty makes it a day off
   * @return this builder
   * @throws CalendarFormatException if the ranges are out of order, or the date is out of range,
   *     already a working day, or a holiday
   */
  public BusinessCalendarBuilder workingDay(LocalDate date, List<LocalTimeRange> ranges) {
    Objects.requireNonNull(date, "date");
    String path = "workingDay(" + date + ")";
    List<LocalTimeRange> checked = Schedule.checkRanges(Objects.requireNonNull(ranges, "ranges"), path);
    Schedule.checkDate(date, path);
    if (holidays.contains(date)) {
      throw new CalendarFormatException(path, date.toString(), "the date is already a holiday");
    }
    if (workingDays.containsKey(date)) {
      throw new CalendarFormatException(path, date.toString(), "the date's hours are already set");
    }
    workingDays.put(date, checked);
    return this;
  }

  /**
   * Lays a holiday set under the dates given directly: its holidays become holidays and its make-up
   * days become working days with the make-up hours. Compose several sets with
   * {@link HolidaySet#plus(HolidaySet)} first.
   *
   * @param set the holiday set
   * @return this builder
   * @throws CalendarFormatException if a holiday set was already given
   */
  public BusinessCalendarBuilder holidaySet(HolidaySet set) {
    Objects.requireNonNull(set, "set");
    if (holidaySet != null) {
      throw new CalendarFormatException("holidaySet", set.id(),
          "a holiday set is already given (" + holidaySet.id() + "); compose them with HolidaySet.plus");
    }
    holidaySet = set;
    return this;
  }

  /**
   * Sets the hours worked on the make-up days of the holiday set.
   *
   * @param ranges the ranges in text form, such as {@code "09:00-12:00", "13:30-18:00"}
   * @return this builder
   * @throws CalendarFormatException if a range is malformed or out of order, or the hours were already set
   */
  public BusinessCalendarBuilder makeUpDayHours(String... ranges) {
    List<LocalTimeRange> parsed = Schedule.checkRanges(parse(ranges, "makeUpDayHours"), "makeUpDayHours");
    if (makeUpDayHours != null) {
      throw new CalendarFormatException("makeUpDayHours", Arrays.toString(ranges), "already set");
    }
    makeUpDayHours = parsed;
    return this;
  }

  /**
   * Builds the calendar.
   *
   * @return the calendar, immutable
   * @throws CalendarFormatException if the holiday set has make-up days but no make-up hours are
   *     given and no weekday has hours to lend them
   */
  public BusinessCalendar build() {
    TreeSet<LocalDate> off = new TreeSet<>();
    TreeMap<LocalDate, List<LocalTimeRange>> dated = new TreeMap<>();
    if (holidaySet != null) {
      holidaySet.holidays().stream().filter(d -> !workingDays.containsKey(d)).forEach(off::add);
      List<LocalTimeRange> hours = makeUpHours();
      holidaySet.makeUpWorkingDays().stream().filter(d -> !holidays.contains(d))
          .forEach(d -> dated.put(d, hours));
    }
    off.addAll(holidays);
    dated.putAll(workingDays);
    return new BusinessCalendar(new Schedule(id, zone, weekly, off, dated));
  }

  private List<LocalTimeRange> makeUpHours() {
    if (makeUpDayHours != null) {
      return makeUpDayHours;
    }
    for (DayOfWeek day : DayOfWeek.values()) {
      List<LocalTimeRange> hours = weekly.getOrDefault(day, List.of());
      if (!hours.isEmpty()) {
        return hours;
      }
    }
    if (Objects.requireNonNull(holidaySet).makeUpWorkingDays().isEmpty()) {
      return List.of();
    }
    throw new CalendarFormatException("makeUpDayHours", "(missing)",
        "the holiday set has make-up days but no weekday has hours to lend them");
  }

  private static List<LocalTimeRange> parse(String[] ranges, String path) {
    Objects.requireNonNull(ranges, "ranges");
    List<LocalTimeRange> parsed = new ArrayList<>(ranges.length);
    for (int i = 0; i < ranges.length; i++) {
      parsed.add(LocalTimeRange.parse(Objects.requireNonNull(ranges[i], "range"), path + "[" + i + "]"));
    }
    return parsed;
  }
}
