package dev.ticketkit.core;

import org.jspecify.annotations.Nullable;

/**
 * The coarse meaning of a workflow state, which SLA clocks and reports read instead of state names.
 *
 * <p>Enum constants are thread-safe.
 */
public enum StatusCategory {
  /** Received, nobody has accepted it yet. */
  NEW,
  /** Being worked on by the support team. */
  OPEN,
  /** Waiting on the requester; SLA clocks pause. */
  PENDING,
  /** A resolution is proposed and awaits the requester's confirmation. */
  RESOLVED,
  /** Finished: closed, cancelled or merged. */
  CLOSED;

  /**
   * Returns the category with the given name, ignoring case.
   *
   * @param text the name
   * @return the category
   * @throws InvalidInputException if the text names no category
   */
  public static StatusCategory parse(@Nullable String text) {
    return Enums.parse(StatusCategory.class, "statusCategory", text);
  }

  /**
   * Tells whether the support team still owes work: NEW, OPEN or PENDING.
   *
   * @return true for NEW, OPEN and PENDING
   */
  public boolean isActive() {
    return this == NEW || this == OPEN || this == PENDING;
  }
}
