package dev.ticketkit.sla.store;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.sla.clock.ClockKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One level of a clock's escalation ladder, scheduled to fire at an instant.
 *
 * <p>{@code (clock, level)} identifies it; a clock's schedule is rewritten whenever the clock
 * changes (a pause drops it, a resume or retarget reschedules it), and a level that is done is
 * never scheduled again. Instances are immutable and thread-safe.
 *
 * @param clock the clock whose ladder the level belongs to
 * @param level the level's number in its ladder, 1 or more
 * @param dueAt when the level is due
 */
public record LadderLevelDue(ClockKey clock, int level, Instant dueAt) implements DueWork {

  /**
   * Validates the entry.
   *
   * @throws NullPointerException if a part is null
   * @throws InvalidInputException if the level is below 1
   */
  public LadderLevelDue {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(dueAt, "dueAt");
    if (level < 1) {
      throw new InvalidInputException("level", level, "must be 1 or more");
    }
  }

  @Override
  public TenantId tenant() {
    return clock.tenant();
  }

  @Override
  public TicketId ticket() {
    return clock.ticket();
  }

  /**
   * Returns {@code L:METRIC:cycle:level}.
   *
   * @return the key
   */
  @Override
  public String key() {
    return key(clock, level);
  }

  /**
   * Returns the key of a ladder level of a clock.
   *
   * @param clock the clock
   * @param level the level
   * @return {@code L:METRIC:cycle:level}
   */
  public static String key(ClockKey clock, int level) {
    return "L:" + clock.metric() + ":" + clock.cycle() + ":" + level;
  }
}
