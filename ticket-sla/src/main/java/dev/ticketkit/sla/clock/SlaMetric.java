package dev.ticketkit.sla.clock;

import dev.ticketkit.core.InvalidInputException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What an SLA clock measures. Enum constants are thread-safe.
 *
 * <p>The clock's {@linkplain ClockKey#cycle() cycle} is the ticket's resolution cycle for
 * {@link #RESOLUTION}, always 1 for {@link #ACCEPTANCE} and {@link #FIRST_RESPONSE}, and a running
 * count (1, 2, 3...) of the metric's clocks on the ticket for {@link #NEXT_RESPONSE} and
 * {@link #PERIODIC_UPDATE}, which start again and again.
 */
public enum SlaMetric {
  /** From intake to the ticket's first move out of a NEW-category status. */
  ACCEPTANCE,
  /** From intake to the first public reply by an agent. */
  FIRST_RESPONSE,
  /** From a requester's public reply, when none is awaiting an answer, to the next agent reply. */
  NEXT_RESPONSE,
  /**
   * From the last update to the requester (intake, reopen or an agent's public reply) to the next
   * agent public reply: the follow-up cadence of an open ticket.
   */
  PERIODIC_UPDATE,
  /** From intake, or from a reopen for later cycles, to a RESOLVED-category status. */
  RESOLUTION;

  /**
   * Returns the metric with the given name, ignoring case and accepting {@code -} for {@code _}.
   *
   * @param text the name, such as {@code "first_response"} or {@code "FIRST-RESPONSE"}
   * @return the metric
   * @throws InvalidInputException if the text names no metric
   */
  public static SlaMetric parse(@Nullable String text) {
    if (text != null) {
      String name = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
      for (SlaMetric m : values()) {
        if (m.name().equals(name)) {
          return m;
        }
      }
    }
    throw new InvalidInputException("metric", text,
        "must be one of ACCEPTANCE, FIRST_RESPONSE, NEXT_RESPONSE, PERIODIC_UPDATE, RESOLUTION");
  }

  /**
   * Tells whether clocks of this metric repeat within one resolution cycle.
   *
   * @return true for NEXT_RESPONSE and PERIODIC_UPDATE
   */
  public boolean repeats() {
    return this == NEXT_RESPONSE || this == PERIODIC_UPDATE;
  }
}
