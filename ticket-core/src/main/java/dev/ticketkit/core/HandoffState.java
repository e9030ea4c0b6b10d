package dev.ticketkit.core;

/**
 * Where a {@link Handoff} to another department stands. Enum constants are thread-safe.
 */
public enum HandoffState {
  /** Asked; the department has not answered yet. */
  OPEN,
  /** The department answered. */
  ANSWERED,
  /** The department gave the ticket back without an answer (not theirs, more information needed). */
  RETURNED;

  /** @return true for OPEN */
  public boolean isOpen() {
    return this == OPEN;
  }
}
