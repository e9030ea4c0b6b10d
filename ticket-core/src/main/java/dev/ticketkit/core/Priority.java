package dev.ticketkit.core;

import org.jspecify.annotations.Nullable;

/**
 * How urgently a ticket needs work, from {@link #URGENT} down to {@link #LOW}.
 *
 * <p>Declaration order is most urgent first, so {@code compareTo} sorts urgent tickets first.
 * Enum constants are thread-safe.
 */
public enum Priority {
  /** Service down or blocked; the tier lead is notified at intake. */
  URGENT,
  /** Serious impact, worked before normal tickets. */
  HIGH,
  /** Normal work; the default at intake. */
  MEDIUM,
  /** Questions and minor issues. */
  LOW;

  /**
   * Returns the priority with the given name, ignoring case.
   *
   * @param text the name
   * @return the priority
   * @throws InvalidInputException if the text names no priority
   */
  public static Priority parse(@Nullable String text) {
    return Enums.parse(Priority.class, "priority", text);
  }
}
