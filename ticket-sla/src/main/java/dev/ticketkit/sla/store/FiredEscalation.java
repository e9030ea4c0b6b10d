package dev.ticketkit.sla.store;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.sla.clock.ClockKey;
import java.time.Instant;
import java.util.Objects;

/**
 * The record that one escalation level of one clock has fired: unique per {@code (clock, level)},
 * that is per (tenant, ticket, metric, cycle, level).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param clock the clock
 * @param level the level
 * @param dueAt when the level was due
 * @param firedAt the {@code now} of the {@link SlaStore#processDue} call that fired it
 */
public record FiredEscalation(ClockKey clock, int level, Instant dueAt, Instant firedAt) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException if a part is null
   * @throws InvalidInputException if the level is negative
   */
  public FiredEscalation {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(firedAt, "firedAt");
    if (level < 0) {
      throw new InvalidInputException("level", level, "must be 0 or more");
    }
  }
}
