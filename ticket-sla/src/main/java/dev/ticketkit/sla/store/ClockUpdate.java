package dev.ticketkit.sla.store;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.sla.clock.SlaClock;
import java.util.List;
import java.util.Objects;

/**
 * A clock's new state and its complete new escalation schedule.
 *
 * <p>Writing an update stores the clock (inserting or replacing it by key) and replaces every
 * pending level of the clock's schedule with {@code schedule}; levels already done are not
 * scheduled again. An empty schedule (a paused or stopped clock) removes all pending levels.
 * Instances are immutable and thread-safe.
 *
 * @param clock the clock as it is after the change
 * @param schedule the ladder levels still to fire, each for this clock, levels distinct
 */
public record ClockUpdate(SlaClock clock, List<LadderLevelDue> schedule) {

  /**
   * Validates the update and copies the schedule.
   *
   * @throws NullPointerException if a part is null
   * @throws InvalidInputException if an entry is for another clock or a level repeats
   */
  public ClockUpdate {
    Objects.requireNonNull(clock, "clock");
    schedule = List.copyOf(schedule);
    for (int i = 0; i < schedule.size(); i++) {
      LadderLevelDue e = schedule.get(i);
      if (!e.clock().equals(clock.key())) {
        throw new InvalidInputException("schedule[" + i + "].clock", e.clock(),
            "must be the updated clock " + clock.key());
      }
      for (int j = 0; j < i; j++) {
        if (schedule.get(j).level() == e.level()) {
          throw new InvalidInputException("schedule[" + i + "].level", e.level(), "is repeated");
        }
      }
    }
  }

  /**
   * Returns an update with no escalation schedule.
   *
   * @param clock the clock
   * @return the update
   */
  public static ClockUpdate withoutSchedule(SlaClock clock) {
    return new ClockUpdate(clock, List.of());
  }
}
