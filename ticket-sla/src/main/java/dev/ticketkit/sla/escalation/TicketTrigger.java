package dev.ticketkit.sla.escalation;

import dev.ticketkit.core.InvalidInputException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The ticket events an {@link EventRule} can react to. Enum constants are thread-safe.
 */
public enum TicketTrigger {
  /** The ticket became urgent, at intake or by a priority change ({@code TicketUrgentFlagged}). */
  URGENT_FLAGGED,
  /** The requester rated the resolution DISSATISFIED. */
  RATED_DISSATISFIED,
  /** The ticket started a new resolution cycle. */
  REOPENED,
  /** The ticket moved to a higher support tier. */
  ESCALATED;

  /**
   * Returns the trigger with the given name, ignoring case.
   *
   * @param text the name
   * @return the trigger
   * @throws InvalidInputException if the text names no trigger
   */
  public static TicketTrigger parse(@Nullable String text) {
    if (text != null) {
      for (TicketTrigger t : values()) {
        if (t.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
          return t;
        }
      }
    }
    throw new InvalidInputException("on", text,
        "must be one of URGENT_FLAGGED, RATED_DISSATISFIED, REOPENED, ESCALATED");
  }
}
