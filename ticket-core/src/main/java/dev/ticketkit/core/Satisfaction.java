package dev.ticketkit.core;

import org.jspecify.annotations.Nullable;

/**
 * The requester's verdict on a resolution. Enum constants are thread-safe.
 */
public enum Satisfaction {
  /** The requester is satisfied; the standard workflow closes the ticket. */
  SATISFIED,
  /** Neither satisfied nor dissatisfied; the standard workflow closes the ticket. */
  NEUTRAL,
  /** The requester is dissatisfied; the standard workflow reopens the ticket one tier up. */
  DISSATISFIED;

  /**
   * Returns the level with the given name, ignoring case.
   *
   * @param text the name
   * @return the level
   * @throws InvalidInputException if the text names no level
   */
  public static Satisfaction parse(@Nullable String text) {
    return Enums.parse(Satisfaction.class, "satisfaction", text);
  }
}
