package dev.ticketkit.sla.policy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A condition on when a clock started (its "arrival"), read on a calendar: whether that was a
 * working day, working time, one of some weekdays, or within a local time window. All given parts
 * must hold; a condition with no part always holds.
 *
 * <p>This is the general form of the support process's "15 minutes when the ticket arrives on a
 * working day, 1 hour otherwise": a {@link TargetRule} with {@code workingDay = true} followed by
 * a rule without condition. Instances are immutable and thread-safe.
 *
 * @param calendarId the calendar to read it on, or null for the policy's calendar
 * @param workingDay true: a working day; false: a non-working day; null: either
 * @param workingTime true: inside working hours; false: outside them; null: either
 * @param days the weekdays allowed (in the calendar's zone), empty for any
 * @param from the start of a local time window, inclusive, or null
 * @param until the end of the window, exclusive, or null (with {@code from}; a window with
 *     {@code until <= from} wraps past midnight)
 */
public record ArrivalCondition(
    @Nullable String calendarId,
    @Nullable Boolean workingDay,
    @Nullable Boolean workingTime,
    Set<DayOfWeek> days,
    @Nullable LocalTime from,
    @Nullable LocalTime until) {

  /**
   * Validates the condition and copies the days.
   *
   * @throws InvalidInputException if only one end of the time window is given
   */
  public ArrivalCondition {
    days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    if ((from == null) != (until == null)) {
      throw new InvalidInputException("arrival.time", from + "-" + until,
          "must give both ends of the window");
    }
  }

  /**
   * Returns the condition "arrived on a working day of the policy's calendar", or on a
   * non-working day.
   *
   * @param working true for a working day, false for a non-working day
   * @return the condition
   */
  public static ArrivalCondition onWorkingDay(boolean working) {
    return new ArrivalCondition(null, working, null, Set.of(), null, null);
  }

  /**
   * Tells whether an arrival instant meets the condition.
   *
   * @param arrival when the clock started
   * @param calendar the calendar named by {@link #calendarId()}, or the policy's
   * @return true if every given part holds
   */
  public boolean test(Instant arrival, BusinessCalendar calendar) {
    ZonedDateTime local = arrival.atZone(calendar.zone());
    if (workingDay != null && calendar.isWorkingDay(local.toLocalDate()) != workingDay) {
      return false;
    }
    if (workingTime != null && calendar.isWorkingTime(arrival) != workingTime) {
      return false;
    }
    if (!days.isEmpty() && !days.contains(local.getDayOfWeek())) {
      return false;
    }
    return from == null || inWindow(local.toLocalTime());
  }

  private boolean inWindow(LocalTime t) {
    Objects.requireNonNull(from);
    Objects.requireNonNull(until);
    return until.isAfter(from) ? !t.isBefore(from) && t.isBefore(until)
        : !t.isBefore(from) || t.isBefore(until);
  }

  /**
   * Describes the condition in words.
   *
   * @param policyCalendarId the policy's calendar, named when the condition has none of its own
   * @return such as {@code "arrival on a working day of cn-mainland"}
   */
  public String describe(String policyCalendarId) {
    String cal = calendarId == null ? policyCalendarId : calendarId;
    List<String> parts = new ArrayList<>();
    if (workingDay != null) {
      parts.add(workingDay ? "on a working day of " + cal : "on a non-working day of " + cal);
    }
    if (workingTime != null) {
      parts.add(workingTime ? "in working hours of " + cal : "outside working hours of " + cal);
    }
    if (!days.isEmpty()) {
      parts.add("on " + EnumSet.copyOf(days));
    }
    if (from != null) {
      parts.add("between " + from + " and " + until);
    }
    return parts.isEmpty() ? "any arrival" : "arrival " + String.join(" and ", parts);
  }
}
