package dev.ticketkit.sla.internal;

import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.escalation.EscalationLadder;
import dev.ticketkit.sla.escalation.EscalationLevel;
import dev.ticketkit.sla.escalation.LevelTrigger;
import dev.ticketkit.sla.store.LadderLevelDue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Computes when each level of a clock's ladder is due. Stateless and thread-safe.
 *
 * <p>Only a running clock (RUNNING, or BREACHED and not paused or stopped) has a schedule: a
 * paused clock never escalates, and resuming it schedules the remaining levels again. A share
 * level is due when the elapsed business time reaches that share of the target (at once if it
 * already has); a breach level is due its offset of business time after the due instant, and the
 * plain {@code breach} level at the first instant the clock is breached: one microsecond (the
 * stores' precision) after the due instant, since work done at the due instant is within the
 * target. Levels that already fired are dropped by the store.
 */
public final class EscalationPlanner {

  /** How long after its due instant a clock is first breached, at the stores' precision. */
  private static final Duration FIRST_BREACHED = Duration.ofNanos(1_000);

  private EscalationPlanner() {}

  /**
   * Returns the schedule of a clock.
   *
   * @param c the clock
   * @param cal its calendar
   * @param ladder its ladder
   * @return the entries, one per level; empty unless the clock runs
   */
  public static List<LadderLevelDue> schedule(SlaClock c, BusinessCalendar cal,
      EscalationLadder ladder) {
    if (!c.isRunning() || ladder.levels().isEmpty()) {
      return List.of();
    }
    List<EscalationLevel> levels = ladder.levels();
    LadderLevelDue[] out = new LadderLevelDue[levels.size()];
    for (int i = 0; i < out.length; i++) {
      EscalationLevel level = levels.get(i);
      out[i] = new LadderLevelDue(c.key(), level.number(), dueAt(c, cal, level.trigger()));
    }
    return List.of(out); // immutable: ClockUpdate keeps it without another copy
  }

  private static Instant dueAt(SlaClock c, BusinessCalendar cal, LevelTrigger trigger) {
    Instant due = Objects.requireNonNull(c.dueAt(), "a running clock has a due instant");
    if (trigger.isBreach()) {
      Duration offset = Objects.requireNonNull(trigger.afterBreach());
      return offset.isZero() ? due.plus(FIRST_BREACHED) : cal.plus(due, offset);
    }
    Duration threshold = share(c.target().target(), Objects.requireNonNull(trigger.share()));
    if (threshold.compareTo(c.elapsed()) <= 0) {
      return c.asOf();
    }
    return cal.plus(c.asOf(), threshold.minus(c.elapsed()));
  }

  /**
   * Returns a share of a duration, to the millisecond.
   *
   * @param target the duration
   * @param share the share
   * @return the share of it
   */
  public static Duration share(Duration target, double share) {
    return Duration.ofMillis(Math.round(target.toMillis() * share));
  }
}
