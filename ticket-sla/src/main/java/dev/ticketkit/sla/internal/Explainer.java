package dev.ticketkit.sla.internal;

import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.clock.PauseInterval;
import dev.ticketkit.sla.clock.SlaClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the readable account of a clock: start, target and why it was chosen, calendar, pauses,
 * elapsed and remaining time, due instant, and the holidays and make-up working days between the
 * start and the due (or stop) date. Stateless and thread-safe.
 */
public final class Explainer {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (EEE)", Locale.ROOT);

  private Explainer() {}

  /**
   * Explains a clock.
   *
   * @param c the clock
   * @param cal its calendar
   * @param now the instant to report elapsed and remaining time at
   * @return the account, several lines
   */
  public static String explain(SlaClock c, BusinessCalendar cal, Instant now) {
    StringBuilder b = new StringBuilder();
    b.append(c.key().metric()).append(" #").append(c.key().cycle()).append(" of ticket ")
        .append(c.key().ticket()).append(" (tenant ").append(c.key().tenant())
        .append("), resolution cycle ").append(c.ticketCycle()).append(": ")
        .append(c.stateAt(now)).append(" at ").append(at(now, cal)).append('\n');
    line(b, "Started", at(c.startedAt(), cal));
    line(b, "Target", c.target().target() + " of working time on calendar "
        + c.target().calendarId() + " for priority " + c.target().priority());
    line(b, "Why", c.target().reason());
    line(b, "Calendar", cal.id() + " (" + cal.zone().getId() + "), hours on the start date "
        + cal.hoursOn(c.startedAt().atZone(cal.zone()).toLocalDate()));
    line(b, "Pauses", pauses(c, cal, now));
    Duration elapsed = c.elapsedAt(cal, now);
    line(b, "Elapsed", elapsed + " of working time; remaining "
        + c.target().target().minus(elapsed) + (c.isPaused() ? " (paused)" : ""));
    line(b, "Due", c.dueAt() == null ? "not known while paused: the remaining time counts from"
        + " the resume" : at(c.dueAt(), cal));
    if (c.stoppedAt() != null) {
      line(b, "Stopped", at(c.stoppedAt(), cal) + " as " + c.state());
    }
    line(b, "Passed", days(c, cal, now));
    return b.toString();
  }

  private static void line(StringBuilder b, String label, String text) {
    b.append(String.format(Locale.ROOT, "  %-9s %s%n", label + ":", text));
  }

  private static String at(Instant t, BusinessCalendar cal) {
    return LOCAL.format(t.atZone(cal.zone())) + " " + cal.zone().getId() + " [" + t + "]";
  }

  private static String pauses(SlaClock c, BusinessCalendar cal, Instant now) {
    if (c.pauses().isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    for (PauseInterval p : c.pauses()) {
      Instant end = p.end() != null ? p.end() : now.isAfter(p.start()) ? now : p.start();
      parts.add(LOCAL.format(p.start().atZone(cal.zone())) + " to "
          + (p.end() == null ? "now (still paused)" : LOCAL.format(end.atZone(cal.zone())))
          + ", " + cal.between(p.start(), end) + " of working time not counted");
    }
    return String.join("; ", parts);
  }

  private static String days(SlaClock c, BusinessCalendar cal, Instant now) {
    Instant endAt = c.stoppedAt() != null ? c.stoppedAt() : c.dueAt() != null ? c.dueAt() : now;
    LocalDate from = c.startedAt().atZone(cal.zone()).toLocalDate();
    LocalDate to = endAt.atZone(cal.zone()).toLocalDate();
    if (to.isBefore(from)) {
      to = from;
    }
    List<LocalDate> holidays = List.copyOf(cal.holidays().subSet(from, true, to, true));
    List<LocalDate> makeUp = new ArrayList<>();
    for (LocalDate d : cal.workingDays().subMap(from, true, to, true).keySet()) {
      DayOfWeek w = d.getDayOfWeek();
      if (w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY) {
        makeUp.add(d);
      }
    }
    return "holidays " + (holidays.isEmpty() ? "none" : holidays) + "; make-up working days "
        + (makeUp.isEmpty() ? "none" : makeUp) + " (from " + from + " to " + to + ")";
  }
}
