package dev.ticketkit.sla.whatif;

import dev.ticketkit.sla.clock.ClockState;
import dev.ticketkit.sla.clock.SlaClock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a clock ended, or stood at the end of a replay. Enum constants are thread-safe.
 */
public enum ClockOutcome {
  /** The work was done within the target. */
  MET,
  /** The work was done late, or the clock was still running past its due instant. */
  BREACHED,
  /** The work was no longer owed (the ticket was closed or resolved first). */
  CANCELLED,
  /** The clock was running or paused and not yet due. */
  OPEN,
  /** There was no such clock (no policy matched, or the policy sets no target for it). */
  NONE;

  /**
   * Returns the outcome of a clock at an instant.
   *
   * @param clock the clock, or null for {@link #NONE}
   * @param asOf the instant an open clock is judged at
   * @return the outcome
   */
  public static ClockOutcome of(@Nullable SlaClock clock, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    if (clock == null) {
      return NONE;
    }
    if (clock.stoppedAt() != null) {
      return switch (clock.state()) {
        case MET -> MET;
        case BREACHED -> BREACHED;
        default -> CANCELLED;
      };
    }
    return clock.stateAt(asOf) == ClockState.BREACHED ? BREACHED : OPEN;
  }

  /**
   * Tells whether the outcome counts in compliance (met or breached).
   *
   * @return true for {@link #MET} and {@link #BREACHED}
   */
  public boolean isJudged() {
    return this == MET || this == BREACHED;
  }
}
