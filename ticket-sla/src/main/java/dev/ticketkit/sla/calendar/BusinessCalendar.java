package dev.ticketkit.sla.calendar;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;

/**
 * A business calendar: the working time of one team in one time zone, and exact arithmetic on it,
 * such as "the instant 4 working hours after this one" and "the working time between these two".
 *
 * <p>A calendar is made of
 * <ul>
 *   <li>a {@linkplain #zone() zone};
 *   <li>a weekly schedule: for each weekday, zero or more local ranges such as {@code 09:00-12:00}
 *       and {@code 13:30-18:00} (a lunch break between them);
 *   <li>holidays: dates with no working time;
 *   <li>working days: dates whose hours replace the weekly hours, for make-up working days (weekend
 *       days worked, as around mainland China's public holidays) or short days.
 * </ul>
 * The local ranges of each date, mapped to real time, form the working time. Ranges that touch
 * across midnight ({@code 22:00-24:00} followed by {@code 00:00-06:00} the next day) form one
 * continuous span. Make one with {@link #builder(String, ZoneId)}, from JSON with
 * {@link #fromJson(String)}, or take a ready one from {@link BusinessCalendars}.
 *
 * <h2>Daylight saving time</h2>
 * Working time is real elapsed time. A local time becomes an instant by the rules of
 * {@link ZonedDateTime#of}:
 * <ul>
 *   <li>a local time inside a gap (clocks spring forward) moves forward by the gap's length, so with
 *       a gap from 02:00 to 03:00, {@code 02:30} becomes {@code 03:30} of the new offset;
 *   <li>an ambiguous local time (clocks fall back) takes the earlier offset;
 *   <li>{@code 24:00} is the next date's {@code 00:00}, mapped by the same rules.
 * </ul>
 * Hence a {@code 00:00-24:00} day has 23 or 25 working hours on a DST change day, and
 * {@code 09:00-17:00} keeps its 8 hours when the change happens at night. A range whose mapped end
 * is not after its mapped start (such as {@code 02:30-03:00} on a spring-forward day at 02:00) has
 * no working time that day; ranges whose mapped times overlap count their union once.
 *
 * <h2>Arithmetic</h2>
 * {@link #plus(Instant, Duration)} and {@link #between(Instant, Instant)} are binary searches over
 * working intervals compiled, per year and on first use, into arrays with running totals: their cost
 * does not grow with the duration. Instants from {@link #MIN_INSTANT} to {@link #MAX_INSTANT}
 * (1970-01-01 to 2101-01-01, UTC) and dates from {@link #MIN_DATE} to {@link #MAX_DATE} are
 * supported; outside the dated entries the weekly schedule applies.
 *
 * <p>Instances are immutable and thread-safe; the lazily compiled timeline is published without
 * locks and reads never block.
 */
public final class BusinessCalendar {

  /** The earliest supported instant, 1970-01-01T00:00:00Z. */
  public static final Instant MIN_INSTANT = Instant.EPOCH;
  /** The latest supported instant, 2101-01-01T00:00:00Z, inclusive. */
  public static final Instant MAX_INSTANT = Instant.ofEpochSecond(Timeline.END_SECOND);
  /** The earliest supported date, 1970-01-01. */
  public static final LocalDate MIN_DATE = Schedule.FIRST_DATE;
  /** The latest supported date, 2100-12-31. */
  public static final LocalDate MAX_DATE = Schedule.LAST_DATE;

  private final Schedule schedule;
  private final Timeline timeline;
  private final WorkingDayIndex days;

  BusinessCalendar(Schedule schedule) {
    this.schedule = schedule;
    this.timeline = new Timeline(schedule);
    this.days = new WorkingDayIndex(schedule);
  }

  /**
   * Returns a new builder for a calendar with this id and zone.
   *
   * @param id a non-blank name, such as {@code "cn-support"}
   * @param zone the zone whose wall clock the local ranges are read in
   * @return a builder, not thread-safe
   * @throws CalendarFormatException if the id is blank, not well-formed, holds a control character
   *     or is longer than 200 code points
   */
  public static BusinessCalendarBuilder builder(String id, ZoneId zone) {
    return new BusinessCalendarBuilder(id, zone);
  }

  /**
   * Reads a calendar from its JSON form, as UTF-8; see {@link #fromJson(String)} for the form.
   *
   * @param json the stream; it is read to its end but not closed
   * @return the calendar
   * @throws CalendarFormatException if the content is not a valid calendar; the message names the JSON
   *     path and the bad value
   * @throws java.io.UncheckedIOException if the stream cannot be read
   */
  public static BusinessCalendar fromJson(InputStream json) {
    Objects.requireNonNull(json, "json");
    return CalendarJson.readCalendar(CalendarJson.readTree(json));
  }

  /**
   * Reads a calendar from its JSON form:
   * <pre>{@code
   * {
   *   "id": "cn-support",
   *   "zone": "Asia/Shanghai",
   *   "weekly": {
   *     "MONDAY": ["09:00-12:00", "13:30-18:00"],
   *     "SATURDAY": []
   *   },
   *   "holidays": ["2026-01-01", "2026-01-02"],
   *   "workingDays": { "2026-01-04": ["09:00-12:00", "13:30-18:00"] }
   * }
   * }</pre>
   * {@code id} and {@code zone} are required; a weekday absent from {@code weekly} has no hours.
   * Ranges are {@code HH:mm-HH:mm} or {@code HH:mm:ss-HH:mm:ss}, sorted, not overlapping, with
   * {@code 24:00} allowed as an end. A date in {@code workingDays} replaces that date's weekly hours;
   * a date in {@code holidays} has none; no date may be in both. Unknown fields are rejected.
   *
   * @param json the JSON text
   * @return the calendar
   * @throws CalendarFormatException if the text is not a valid calendar; the message names the JSON
   *     path and the bad value. No other exception escapes for bad content.
   */
  public static BusinessCalendar fromJson(String json) {
    Objects.requireNonNull(json, "json");
    return CalendarJson.readCalendar(CalendarJson.readTree(json));
  }

  /**
   * Returns this calendar's JSON form, with holiday sets resolved into {@code holidays} and
   * {@code workingDays}; {@link #fromJson(String)} reads it back into an equal calendar.
   *
   * @return the JSON text
   */
  public String toJson() {
    return CalendarJson.write(schedule);
  }

  /**
   * Returns the earliest instant {@code t >= start} such that the working time in {@code [start, t)}
   * equals {@code workingTime}; for a negative {@code workingTime}, the latest {@code t <= start}
   * with that much working time in {@code [t, start)}.
   *
   * <p>So a sum that ends exactly where a lunch break begins returns the break's start, a sum from
   * a non-working instant starts counting at the next working time, and {@code plus(t, ZERO)} is
   * {@code t}. Runs in O(log n) in the number of working intervals of the years touched.
   *
   * @param start the instant to count from
   * @param workingTime the working time to add, negative to count backwards
   * @return the instant at which that much working time has passed
   * @throws DateTimeException if {@code start} or the result lies outside the supported range
   */
  public Instant plus(Instant start, Duration workingTime) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(workingTime, "workingTime");
    return timeline.plus(start, workingTime);
  }

  /**
   * Returns the working time in {@code [startInclusive, endExclusive)}, negated when the end is
   * before the start; so {@code between(s, plus(s, d))} is {@code d}.
   *
   * @param startInclusive the start of the range
   * @param endExclusive the end of the range
   * @return the working time, negative when {@code endExclusive < startInclusive}
   * @throws DateTimeException if either instant lies outside the supported range
   */
  public Duration between(Instant startInclusive, Instant endExclusive) {
    Objects.requireNonNull(startInclusive, "startInclusive");
    Objects.requireNonNull(endExclusive, "endExclusive");
    return timeline.between(startInclusive, endExclusive);
  }

  /**
   * Returns whether {@code instant} is working time, that is, lies inside a working interval.
   *
   * @param instant the instant to test
   * @return true inside working hours
   * @throws DateTimeException if the instant lies outside the supported range
   */
  public boolean isWorkingTime(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return timeline.isWorkingTime(instant);
  }

  /**
   * Returns the first working instant at or after {@code instant}: the instant itself when it is
   * working time, else the start of the next working interval.
   *
   * @param instant the instant to start from
   * @return the next working instant
   * @throws DateTimeException if the instant lies outside the supported range, or there is no working
   *     time after it within the range
   */
  public Instant nextWorkingTime(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return timeline.nextWorkingTime(instant);
  }

  /**
   * Returns whether {@code date} is a working day: it has at least one working range with working
   * time after the DST rules.
   *
   * @param date the local date
   * @return true for a working day
   * @throws DateTimeException if the date lies outside {@link #MIN_DATE}..{@link #MAX_DATE}
   */
  public boolean isWorkingDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return days.isWorkingDay(date);
  }

  /**
   * Returns the {@code days}-th working day after {@code date} for {@code days > 0}, the
   * {@code -days}-th working day before it for {@code days < 0}, and {@code date} itself for 0.
   * The date itself need not be a working day.
   *
   * @param date the date to count from
   * @param days how many working days to move
   * @return the working day reached, or {@code date} when {@code days} is 0
   * @throws DateTimeException if {@code date} or the result lies outside the supported dates
   */
  public LocalDate plusWorkingDays(LocalDate date, int days) {
    Objects.requireNonNull(date, "date");
    return this.days.plusWorkingDays(date, days);
  }

  /**
   * Returns the number of working days {@code d} with {@code fromExclusive < d <= toInclusive}; when
   * {@code toInclusive} is before {@code fromExclusive}, minus the number of working days {@code d}
   * with {@code toInclusive <= d < fromExclusive}, counted the way {@link #plusWorkingDays} steps back.
   * So {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n} for every {@code n}, and
   * {@code plusWorkingDays(d, workingDaysBetween(d, w)) == w} for every working day {@code w}.
   *
   * @param fromExclusive the date to count from, itself not counted when counting forwards
   * @param toInclusive the date to count to, itself counted when counting forwards
   * @return the number of working days, negative when counting backwards
   * @throws DateTimeException if either date lies outside the supported dates
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    Objects.requireNonNull(fromExclusive, "fromExclusive");
    Objects.requireNonNull(toInclusive, "toInclusive");
    return days.workingDaysBetween(fromExclusive, toInclusive);
  }

  /**
   * Returns the local ranges worked on {@code date}: none on a holiday, the date's own hours on a
   * working day entry, else the weekly hours of its weekday.
   *
   * @param date the local date
   * @return the ranges, sorted, unmodifiable
   */
  public List<LocalTimeRange> hoursOn(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return schedule.hoursOn(date);
  }

  /**
   * Returns the weekly hours of {@code day}.
   *
   * @param day the weekday
   * @return the ranges, sorted, unmodifiable, empty when the day is not worked
   */
  public List<LocalTimeRange> weeklyHours(DayOfWeek day) {
    Objects.requireNonNull(day, "day");
    return schedule.weekly().get(day);
  }

  /**
   * Returns the holidays, including those of a holiday set given to the builder.
   *
   * @return the dates, sorted, unmodifiable
   */
  public NavigableSet<LocalDate> holidays() {
    return schedule.holidays();
  }

  /**
   * Returns the dates whose hours replace the weekly hours, including make-up working days of a
   * holiday set given to the builder.
   *
   * @return the dates and their ranges, sorted by date, unmodifiable
   */
  public NavigableMap<LocalDate, List<LocalTimeRange>> workingDays() {
    return schedule.workingDays();
  }

  /**
   * Returns the calendar's name.
   *
   * @return the id
   */
  public String id() {
    return schedule.id;
  }

  /**
   * Returns the zone whose wall clock the local ranges are read in.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return schedule.zone;
  }

  /** Returns the compiled timeline, for tests and benchmarks in this package. */
  Timeline timeline() {
    return timeline;
  }

  /**
   * Returns whether two calendars have the same id, zone, weekly hours, holidays and working days.
   *
   * @param other the object to compare with
   * @return true if equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof BusinessCalendar that && schedule.equals(that.schedule);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return schedule.hashCode();
  }

  /**
   * Returns a short description with the id and zone; the full text form is {@link #toJson()}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "BusinessCalendar[" + schedule.id + ", " + schedule.zone.getId() + "]";
  }
}
