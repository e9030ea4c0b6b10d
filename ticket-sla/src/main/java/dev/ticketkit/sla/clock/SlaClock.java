package dev.ticketkit.sla.clock;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One SLA clock of one ticket, as of its last change: what it measures, its target, when it
 * started, its pauses, the business time it has counted, its due instant and its state.
 *
 * <p>Business time is counted on the target's calendar, pauses excluded: while the clock runs,
 * {@link #elapsedAt(BusinessCalendar, Instant)} is {@link #elapsed()} plus the working time from
 * {@link #asOf()} to the instant asked. The due instant is the instant at which the elapsed time
 * reaches the target; it is null while the clock is paused and not yet breached (it depends on
 * when the clock resumes). The state rules (checked by the constructor):
 *
 * <ul>
 *   <li>{@link ClockState#RUNNING}: open, not paused, with a due instant;
 *   <li>{@link ClockState#PAUSED}: open, the last pause has no end;
 *   <li>{@link ClockState#MET} and {@link ClockState#CANCELLED}: stopped, no open pause;
 *   <li>{@link ClockState#BREACHED}: has a due instant; open (running or paused) or stopped.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. The SLA engine creates them; stores keep them as
 * they are, field by field (the pauses' text form is {@link PauseInterval#toString()}).
 *
 * @param key the tenant, ticket, metric and cycle
 * @param ticketCycle the ticket's resolution cycle when the clock started, 1 or more
 * @param target the target and why it was chosen
 * @param startedAt when the clock started
 * @param state the state as of {@code asOf}
 * @param pauses the pauses in order; only the last may be open
 * @param elapsed the business time counted from the start to {@code asOf}, pauses excluded
 * @param asOf the instant of the clock's last change
 * @param dueAt when the target is reached, or null while paused and not breached
 * @param stoppedAt when the clock stopped (met, cancelled, or stopped after breaching), or null
 */
public record SlaClock(
    ClockKey key,
    int ticketCycle,
    ClockTarget target,
    Instant startedAt,
    ClockState state,
    List<PauseInterval> pauses,
    Duration elapsed,
    Instant asOf,
    @Nullable Instant dueAt,
    @Nullable Instant stoppedAt) {

  /**
   * Validates the clock and copies the pauses.
   *
   * @throws NullPointerException if a required part is null
   * @throws InvalidInputException if the parts contradict each other (see the class comment)
   */
  public SlaClock {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(asOf, "asOf");
    pauses = List.copyOf(pauses);
    if (ticketCycle < 1) {
      throw new InvalidInputException("ticketCycle", ticketCycle, "must be 1 or more");
    }
    if (elapsed.isNegative()) {
      throw new InvalidInputException("elapsed", elapsed, "must not be negative");
    }
    if (asOf.isBefore(startedAt)) {
      throw new InvalidInputException("asOf", asOf, "must not be before startedAt " + startedAt);
    }
    ClockChecks.pauses(startedAt, pauses);
    ClockChecks.state(key, state, startedAt, pauses, dueAt, stoppedAt);
  }

  /**
   * Returns a new clock that starts running at an instant.
   *
   * @param key the clock's key
   * @param ticketCycle the ticket's resolution cycle
   * @param target the target
   * @param at when it starts
   * @param dueAt when the target is reached, computed by the caller on the target's calendar
   * @return the running clock
   * @throws InvalidInputException if the due instant is before the start
   */
  public static SlaClock start(
      ClockKey key, int ticketCycle, ClockTarget target, Instant at, Instant dueAt) {
    if (dueAt.isBefore(at)) {
      throw new InvalidInputException("dueAt", dueAt, "must not be before the start " + at);
    }
    return new SlaClock(key, ticketCycle, target, at, ClockState.RUNNING, List.of(),
        Duration.ZERO, at, dueAt, null);
  }

  /**
   * Tells whether the clock has not stopped: it is running or paused.
   *
   * @return true while open
   */
  public boolean isOpen() {
    return stoppedAt == null;
  }

  /**
   * Tells whether the clock is open and paused.
   *
   * @return true while paused
   */
  public boolean isPaused() {
    return !pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen();
  }

  /**
   * Tells whether the clock is open and counting.
   *
   * @return true while running
   */
  public boolean isRunning() {
    return isOpen() && !isPaused();
  }

  /**
   * Returns the state at an instant not before {@link #asOf()}: the stored state, except that a
   * running clock whose due instant is before {@code now} is {@link ClockState#BREACHED} (at the
   * due instant itself it is still within its target).
   *
   * @param now the instant
   * @return the state then
   */
  public ClockState stateAt(Instant now) {
    Objects.requireNonNull(now, "now");
    if (state == ClockState.RUNNING && dueAt != null && now.isAfter(dueAt)) {
      return ClockState.BREACHED;
    }
    return state;
  }

  /**
   * Returns this clock as it stands at an instant: a running clock has counted the working time
   * up to it, and one that ran past its due instant is {@link ClockState#BREACHED}; a paused or
   * stopped clock is as it was. {@code SlaEngine}'s reads return clocks this way, so that
   * {@link #state()} and {@link #elapsed()} of what they return are true now.
   *
   * @param calendar the calendar of {@link ClockTarget#calendarId()}
   * @param now the instant; an instant before {@link #asOf()} returns this clock
   * @return the clock as of {@code now}
   */
  public SlaClock asOf(BusinessCalendar calendar, Instant now) {
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(now, "now");
    if (!isRunning() || !now.isAfter(asOf)) {
      return this;
    }
    return new SlaClock(key, ticketCycle, target, startedAt, stateAt(now), pauses,
        elapsedAt(calendar, now), now, dueAt, null);
  }

  /**
   * Returns the business time counted up to an instant, pauses excluded.
   *
   * @param calendar the calendar of {@link ClockTarget#calendarId()}
   * @param now the instant, taken as {@link #asOf()} when earlier
   * @return the elapsed business time
   */
  public Duration elapsedAt(BusinessCalendar calendar, Instant now) {
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(now, "now");
    if (!isRunning() || !now.isAfter(asOf)) {
      return elapsed;
    }
    return elapsed.plus(calendar.between(asOf, now));
  }

  /**
   * Returns the business time left before the target is reached, negative once it is overdue.
   *
   * @param calendar the calendar of {@link ClockTarget#calendarId()}
   * @param now the instant
   * @return the target minus the elapsed business time
   */
  public Duration remainingAt(BusinessCalendar calendar, Instant now) {
    return target.target().minus(elapsedAt(calendar, now));
  }
}
