package dev.ticketkit.sla.clock;

/**
 * The state of an SLA clock. Enum constants are thread-safe.
 *
 * <p>{@link #BREACHED} is sticky: a clock whose due instant passed while it ran stays breached
 * when it is later paused, stopped or recomputed. A clock's stored state is as of its last change;
 * {@link SlaClock#stateAt(java.time.Instant)} also reports a running clock past its due instant as
 * breached.
 */
public enum ClockState {
  /** Counting business time towards the target. */
  RUNNING,
  /** Not counting: the ticket waits on the requester. Never breaches while paused. */
  PAUSED,
  /** Stopped before its due instant: the target was met. */
  MET,
  /** The due instant passed before the clock stopped; it may still be open. */
  BREACHED,
  /** Stopped because the measured work is no longer owed (ticket cancelled, merged, resolved). */
  CANCELLED;

  /**
   * Tells whether the clock has ended for good in this state.
   *
   * @return true for MET and CANCELLED
   */
  public boolean isFinal() {
    return this == MET || this == CANCELLED;
  }
}
