package dev.ticketkit.sla.calendar;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A named set of days off (holidays) and of make-up working days (weekend days that are worked, as
 * around mainland China's public holidays), covering a stated span of years; sets compose with
 * {@link #plus(HolidaySet)}, for example statutory holidays plus company days.
 *
 * <p>A holiday set has no hours of its own: {@link BusinessCalendarBuilder#holidaySet(HolidaySet)}
 * turns its make-up days into working days with the calendar's make-up hours. Outside
 * {@link #firstYear()}..{@link #lastYear()} a set says nothing, so a calendar built on it follows its
 * weekly hours there.
 *
 * <p>The JSON form, read by {@link #fromJson(String)} and written by {@link #toJson()}:
 * <pre>{@code
 * {
 *   "id": "cn-statutory-2025-2026",
 *   "source": "General Office of the State Council",
 *   "firstYear": 2025,
 *   "lastYear": 2026,
 *   "holidays": ["2025-01-01", "2025-01-28"],
 *   "makeUpWorkingDays": ["2025-01-26"]
 * }
 * }</pre>
 * {@code source} is optional free text; every date must lie within the covered years.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class HolidaySet {

  private final String id;
  private final String source;
  private final int firstYear;
  private final int lastYear;
  private final NavigableSet<LocalDate> holidays;
  private final NavigableSet<LocalDate> makeUpWorkingDays;

  private HolidaySet(String id, String source, int firstYear, int lastYear,
      Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays) {
    this.id = id;
    this.source = source;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(holidays));
    this.makeUpWorkingDays = Collections.unmodifiableNavigableSet(new TreeSet<>(makeUpWorkingDays));
  }

  /**
   * Returns a holiday set covering the years {@code firstYear..lastYear}.
   *
   * @param id a non-blank name, such as {@code "acme-2026"}
   * @param firstYear the first year the set covers, 1970 to 2100
   * @param lastYear the last year the set covers, {@code firstYear} to 2100
   * @param holidays the days off
   * @param makeUpWorkingDays the days worked although the weekly schedule has them off
   * @return the set
   * @throws CalendarFormatException if the id is blank, the years are out of order or range, a date
   *     lies outside the covered years, or a date is both a holiday and a make-up working day
   */
  public static HolidaySet of(String id, int firstYear, int lastYear,
      Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays) {
    Objects.requireNonNull(holidays, "holidays");
    Objects.requireNonNull(makeUpWorkingDays, "makeUpWorkingDays");
    return of(id, "", firstYear, lastYear, holidays, makeUpWorkingDays, "HolidaySet.");
  }

  /** Validates and creates; {@code path} prefixes the names in a failure ({@code "$."} for JSON). */
  static HolidaySet of(String id, String source, int firstYear, int lastYear,
      Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays, String path) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    CalendarIds.check(path + "id", id);
    if (firstYear < Timeline.FIRST_YEAR || firstYear > Timeline.LAST_YEAR) {
      throw new CalendarFormatException(path + "firstYear", Integer.toString(firstYear), "must be 1970..2100");
    }
    if (lastYear < firstYear || lastYear > Timeline.LAST_YEAR) {
      throw new CalendarFormatException(path + "lastYear", Integer.toString(lastYear),
          "must be firstYear (" + firstYear + ")..2100");
    }
    checkDates(holidays, firstYear, lastYear, path + "holidays");
    checkDates(makeUpWorkingDays, firstYear, lastYear, path + "makeUpWorkingDays");
    for (LocalDate date : makeUpWorkingDays) {
      if (holidays.contains(date)) {
        throw new CalendarFormatException(path + "makeUpWorkingDays", '"' + date.toString() + '"',
            "a date cannot be both a holiday and a make-up working day");
      }
    }
    return new HolidaySet(id, source, firstYear, lastYear, holidays, makeUpWorkingDays);
  }

  private static void checkDates(Collection<LocalDate> dates, int firstYear, int lastYear, String path) {
    for (LocalDate date : dates) {
      Objects.requireNonNull(date, path);
      if (date.getYear() < firstYear || date.getYear() > lastYear) {
        throw new CalendarFormatException(path, '"' + date.toString() + '"',
            "the date lies outside the covered years " + firstYear + ".." + lastYear);
      }
    }
  }

  /**
   * Reads a holiday set from its JSON form (see the class documentation), as UTF-8.
   *
   * @param json the stream; it is read to its end but not closed
   * @return the set
   * @throws CalendarFormatException if the content is not a valid holiday set; the message names the
   *     JSON path and the bad value
   * @throws java.io.UncheckedIOException if the stream cannot be read
   */
  public static HolidaySet fromJson(InputStream json) {
    Objects.requireNonNull(json, "json");
    return CalendarJson.readHolidaySet(CalendarJson.readTree(json));
  }

  /**
   * Reads a holiday set from its JSON form (see the class documentation).
   *
   * @param json the JSON text
   * @return the set
   * @throws CalendarFormatException if the text is not a valid holiday set; the message names the JSON
   *     path and the bad value
   */
  public static HolidaySet fromJson(String json) {
    Objects.requireNonNull(json, "json");
    return CalendarJson.readHolidaySet(CalendarJson.readTree(json));
  }

  /**
   * Returns this set's JSON form, which {@link #fromJson(String)} reads back into an equal set.
   *
   * @return the JSON text
   */
  public String toJson() {
    return CalendarJson.write(this);
  }

  /**
   * Returns the union of this set and {@code other}, for example statutory holidays plus company
   * days; where the two disagree about a date, {@code other} wins (a company that works a statutory
   * holiday lists it as a make-up working day). The id is {@code "this-id+other-id"} and the covered
   * years span both sets.
   *
   * @param other the set laid on top
   * @return the combined set
   */
  public HolidaySet plus(HolidaySet other) {
    Objects.requireNonNull(other, "other");
    TreeSet<LocalDate> off = new TreeSet<>(holidays);
    off.removeAll(other.makeUpWorkingDays);
    off.addAll(other.holidays);
    TreeSet<LocalDate> worked = new TreeSet<>(makeUpWorkingDays);
    worked.removeAll(other.holidays);
    worked.addAll(other.makeUpWorkingDays);
    String joined = source.isEmpty() ? other.source
        : other.source.isEmpty() ? source : source + "; " + other.source;
    return new HolidaySet(id + "+" + other.id, joined, Math.min(firstYear, other.firstYear),
        Math.max(lastYear, other.lastYear), off, worked);
  }

  /**
   * Returns the set's name.
   *
   * @return the set's name
   */
  public String id() {
    return id;
  }

  /**
   * Returns where the facts come from, free text; empty when not given.
   *
   * @return where the facts come from, free text; empty when not given
   */
  public String source() {
    return source;
  }

  /**
   * Returns the first year the set covers.
   *
   * @return the first year the set covers
   */
  public int firstYear() {
    return firstYear;
  }

  /**
   * Returns the last year the set covers (inclusive).
   *
   * @return the last year the set covers (inclusive)
   */
  public int lastYear() {
    return lastYear;
  }

  /**
   * Returns the days off, sorted, unmodifiable.
   *
   * @return the days off, sorted, unmodifiable
   */
  public NavigableSet<LocalDate> holidays() {
    return holidays;
  }

  /**
   * Returns the make-up working days, sorted, unmodifiable.
   *
   * @return the make-up working days, sorted, unmodifiable
   */
  public NavigableSet<LocalDate> makeUpWorkingDays() {
    return makeUpWorkingDays;
  }

  /**
   * Returns whether two sets have the same id, source, years, holidays and make-up days.
   *
   * @param other the object to compare with
   * @return true if equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof HolidaySet that && id.equals(that.id) && source.equals(that.source)
        && firstYear == that.firstYear && lastYear == that.lastYear
        && holidays.equals(that.holidays) && makeUpWorkingDays.equals(that.makeUpWorkingDays);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return a hash code consistent with {@link #equals(Object)}
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, source, firstYear, lastYear, holidays, makeUpWorkingDays);
  }

  /**
   * Returns a short description: id, years, and how many holidays and make-up days.
   *
   * @return a short description: id, years, and how many holidays and make-up days
   */
  @Override
  public String toString() {
    return "HolidaySet[" + id + ", " + firstYear + ".." + lastYear + ", " + holidays.size()
        + " holidays, " + makeUpWorkingDays.size() + " make-up working days]";
  }
}
