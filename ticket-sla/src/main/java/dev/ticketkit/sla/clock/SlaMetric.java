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
 *
 * <p>The two handoff metrics measure a ticket's handoffs to other departments
 * ({@link dev.ticketkit.core.Handoff}): for {@link #HANDOFF_RESPONSE} the cycle is the handoff's
 * number; for {@link #HANDOFF_FOLLOW_UP} it is {@link #handoffFollowUpCycle the handoff's number
 * times 1,000 plus the follow-up period} (1 from the handoff, one more after each department
 * check), see {@link ClockKey#handoff()}.
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
  RESOLUTION,
  /**
   * From a handoff to another department to the department's answer (or the handoff's return):
   * the department response target. A ticket has one per handoff.
   */
  HANDOFF_RESPONSE,
  /**
   * From a handoff, or from its last department check, to the next department check while the
   * handoff is open: the follow-up cadence ("ask the department at least twice a week and tell
   * the requester"). Its escalation levels are the follow-up reminders.
   */
  HANDOFF_FOLLOW_UP;

  /** The periods of one handoff's follow-up clocks: cycles are {@code seq * 1000 + period}. */
  public static final int HANDOFF_PERIODS = 999;

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
        "must be one of ACCEPTANCE, FIRST_RESPONSE, NEXT_RESPONSE, PERIODIC_UPDATE, RESOLUTION,"
            + " HANDOFF_RESPONSE, HANDOFF_FOLLOW_UP");
  }

  /**
   * Tells whether clocks of this metric repeat within one resolution cycle.
   *
   * @return true for NEXT_RESPONSE and PERIODIC_UPDATE
   */
  public boolean repeats() {
    return this == NEXT_RESPONSE || this == PERIODIC_UPDATE;
  }

  /**
   * Tells whether this metric measures a handoff to another department.
   *
   * @return true for HANDOFF_RESPONSE and HANDOFF_FOLLOW_UP
   */
  public boolean isHandoff() {
    return this == HANDOFF_RESPONSE || this == HANDOFF_FOLLOW_UP;
  }

  /**
   * Returns the cycle of a handoff's follow-up clock for one period.
   *
   * @param handoff the handoff's number, 1 to 2,000,000
   * @param period the period, 1 to {@link #HANDOFF_PERIODS}
   * @return {@code handoff * 1000 + period}
   * @throws InvalidInputException if a number is out of range
   */
  public static int handoffFollowUpCycle(int handoff, int period) {
    if (handoff < 1 || handoff > 2_000_000) {
      throw new InvalidInputException("handoff", handoff, "must be 1 to 2000000");
    }
    if (period < 1 || period > HANDOFF_PERIODS) {
      throw new InvalidInputException("period", period, "must be 1 to " + HANDOFF_PERIODS);
    }
    return handoff * 1000 + period;
  }
}
