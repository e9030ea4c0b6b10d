package dev.ticketkit.sla.internal;

import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.ClockState;
import dev.ticketkit.sla.clock.ClockTarget;
import dev.ticketkit.sla.clock.PauseInterval;
import dev.ticketkit.sla.clock.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The transitions of one SLA clock: start, pause, resume, stop and retarget, on the clock's
 * calendar. Stateless and thread-safe.
 *
 * <p>Implementation notes. A clock stores the business time it counted up to its last change
 * ({@code elapsed}, {@code asOf}); while it runs, its due instant is
 * {@code calendar.plus(asOf, target - elapsed)}, so pausing and resuming cost one
 * {@code between} and one {@code plus} each (binary searches). An instant earlier than the clock's
 * last change is taken as that change, so a clock never runs backwards. The breach rule is
 * {@code at >= due}: a clock stopped exactly at its due instant has breached, as
 * {@link SlaClock#stateAt(Instant)} says. Retargeting (the documented recalculation rule)
 * measures the new target from the original start over the same running segments, keeping the
 * business time already elapsed (recounted on the new calendar if the calendar changed); the due
 * instant is where the elapsed time reaches the new target, which is in the past for a clock
 * whose elapsed time already exceeds it: such a clock becomes BREACHED. A breached clock stays
 * BREACHED whatever the new target; its due instant follows the new target like any other (for a
 * breached clock that is paused below the new target, the due instant assumes it resumes at the
 * change, and resuming recomputes it).
 */
public final class ClockMath {

  private ClockMath() {}

  /**
   * Starts a clock.
   *
   * @param key the key
   * @param ticketCycle the ticket's cycle
   * @param target the target
   * @param calendar the target's calendar
   * @param at the start
   * @param paused true to start it paused at once
   * @return the clock
   */
  public static SlaClock start(ClockKey key, int ticketCycle, ClockTarget target,
      BusinessCalendar calendar, Instant at, boolean paused) {
    SlaClock c = SlaClock.start(key, ticketCycle, target, at, calendar.plus(at, target.target()));
    return paused ? pause(c, calendar, at) : c;
  }

  /**
   * Pauses a running clock; any other clock is returned as it is.
   *
   * @param c the clock
   * @param cal its calendar
   * @param at when
   * @return the paused clock
   */
  public static SlaClock pause(SlaClock c, BusinessCalendar cal, Instant at) {
    if (!c.isRunning()) {
      return c;
    }
    Instant t = notBefore(at, c.asOf());
    boolean breached = breachedBy(c, t);
    List<PauseInterval> pauses = withLast(c.pauses(), PauseInterval.openAt(t), false);
    return new SlaClock(c.key(), c.ticketCycle(), c.target(), c.startedAt(),
        breached ? ClockState.BREACHED : ClockState.PAUSED, pauses, c.elapsedAt(cal, t), t,
        breached ? c.dueAt() : null, null);
  }

  /**
   * Resumes a paused clock; any other clock is returned as it is.
   *
   * @param c the clock
   * @param cal its calendar
   * @param at when
   * @return the running clock
   */
  public static SlaClock resume(SlaClock c, BusinessCalendar cal, Instant at) {
    if (!c.isPaused()) {
      return c;
    }
    Instant t = notBefore(at, c.asOf());
    PauseInterval open = c.pauses().get(c.pauses().size() - 1);
    List<PauseInterval> pauses = withLast(c.pauses(), open.closedAt(t), true);
    boolean breached = c.state() == ClockState.BREACHED;
    Duration left = c.target().target().minus(c.elapsed());
    // A clock paused exactly at its due instant (still within its target) is due at once.
    Instant due = breached || left.isNegative() ? c.dueAt() : cal.plus(t, left);
    return new SlaClock(c.key(), c.ticketCycle(), c.target(), c.startedAt(),
        breached ? ClockState.BREACHED : ClockState.RUNNING, pauses, c.elapsed(), t, due, null);
  }

  /**
   * Stops an open clock; a stopped clock is returned as it is. A clock that breached stays
   * BREACHED; otherwise it becomes MET or CANCELLED.
   *
   * @param c the clock
   * @param cal its calendar
   * @param at when
   * @param met true when the measured work was done, false when it is no longer owed
   * @return the stopped clock
   */
  public static SlaClock stop(SlaClock c, BusinessCalendar cal, Instant at, boolean met) {
    if (!c.isOpen()) {
      return c;
    }
    Instant t = notBefore(at, c.asOf());
    boolean breached = c.state() == ClockState.BREACHED || (c.isRunning() && breachedBy(c, t));
    List<PauseInterval> pauses = c.pauses();
    if (c.isPaused()) {
      pauses = withLast(pauses, pauses.get(pauses.size() - 1).closedAt(t), true);
    }
    ClockState state = breached ? ClockState.BREACHED : met ? ClockState.MET : ClockState.CANCELLED;
    return new SlaClock(c.key(), c.ticketCycle(), c.target(), c.startedAt(), state, pauses,
        c.elapsedAt(cal, t), t, c.dueAt(), t);
  }

  /**
   * Gives an open clock a new target by the recalculation rule (see the class comment); a
   * stopped clock, or one whose target is unchanged, is returned as it is.
   *
   * @param c the clock
   * @param oldCal the calendar of its current target
   * @param target the new target
   * @param newCal the calendar of the new target
   * @param at when
   * @return the retargeted clock
   */
  public static SlaClock retarget(SlaClock c, BusinessCalendar oldCal, ClockTarget target,
      BusinessCalendar newCal, Instant at) {
    if (!c.isOpen() || sameTarget(c.target(), target)) {
      return c;
    }
    Instant t = notBefore(at, c.asOf());
    Duration elapsed = newCal.equals(oldCal) ? c.elapsedAt(oldCal, t) : recount(c, newCal, t);
    if (breachedBy(c, t)) {
      return with(c, c.target(), ClockState.BREACHED, c.elapsedAt(oldCal, t), t, c.dueAt());
    }
    if (elapsed.compareTo(target.target()) > 0) {
      Instant due = reachedAt(c, newCal, target.target(), t);
      return with(c, target, ClockState.BREACHED, elapsed, t, due);
    }
    Instant due = newCal.plus(t, target.target().minus(elapsed));
    return c.isPaused() ? with(c, target, ClockState.PAUSED, elapsed, t, null)
        : with(c, target, ClockState.RUNNING, elapsed, t, due);
  }

  private static SlaClock with(SlaClock c, ClockTarget target, ClockState state,
      Duration elapsed, Instant asOf, @Nullable Instant due) {
    return new SlaClock(c.key(), c.ticketCycle(), target, c.startedAt(), state, c.pauses(),
        elapsed, asOf, due, null);
  }

  /**
   * Returns the instant at which a clock's running time, pauses excluded, reached a threshold,
   * walking its running segments from the start (the last one open while it runs).
   *
   * @param c the clock
   * @param cal the calendar to count on
   * @param threshold the business time
   * @param now the end of the last segment if the clock is paused or stopped
   * @return the instant; for a clock that has not reached it and cannot (paused), {@code now}
   */
  public static Instant reachedAt(SlaClock c, BusinessCalendar cal, Duration threshold,
      Instant now) {
    Duration acc = Duration.ZERO;
    Instant segStart = c.startedAt();
    for (PauseInterval p : c.pauses()) {
      Duration seg = cal.between(segStart, p.start());
      if (acc.plus(seg).compareTo(threshold) >= 0) {
        return cal.plus(segStart, threshold.minus(acc));
      }
      acc = acc.plus(seg);
      if (p.end() == null) {
        return now;
      }
      segStart = p.end();
    }
    return cal.plus(segStart, threshold.minus(acc));
  }

  private static Duration recount(SlaClock c, BusinessCalendar cal, Instant now) {
    Duration acc = Duration.ZERO;
    Instant segStart = c.startedAt();
    for (PauseInterval p : c.pauses()) {
      acc = acc.plus(cal.between(segStart, p.start()));
      if (p.end() == null) {
        return acc;
      }
      segStart = p.end();
    }
    Instant end = c.stoppedAt() != null ? c.stoppedAt() : now;
    return end.isAfter(segStart) ? acc.plus(cal.between(segStart, end)) : acc;
  }

  /**
   * Returns an immutable copy of pauses with {@code last} appended or replacing the last one, made
   * with one array copy ({@code SlaClock} keeps an immutable list without copying it again).
   */
  private static List<PauseInterval> withLast(List<PauseInterval> pauses, PauseInterval last,
      boolean replace) {
    int n = pauses.size();
    PauseInterval[] out = pauses.toArray(new PauseInterval[replace ? n : n + 1]);
    out[replace ? n - 1 : n] = last;
    return List.of(out);
  }

  private static boolean sameTarget(ClockTarget a, ClockTarget b) {
    return a.policyId().equals(b.policyId()) && a.priority() == b.priority()
        && a.calendarId().equals(b.calendarId()) && a.target().equals(b.target());
  }

  /** Tells whether a clock has breached by an instant: its state says so, or it ran past due. */
  private static boolean breachedBy(SlaClock c, Instant t) {
    return c.state() == ClockState.BREACHED
        || (c.isRunning() && c.dueAt() != null && t.isAfter(c.dueAt()));
  }

  private static Instant notBefore(Instant at, Instant floor) {
    return at.isBefore(floor) ? floor : at;
  }
}
