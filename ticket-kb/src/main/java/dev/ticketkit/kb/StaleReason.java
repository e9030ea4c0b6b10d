package dev.ticketkit.kb;

/**
 * Why the review cycle flags a published article as stale.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum StaleReason {
  /** Past its review date by more than the policy's grace. */
  PAST_REVIEW_BY,
  /** Tickets it solved were reopened. */
  REOPENED_TICKETS,
  /** Enough readers voted and too few found it helpful. */
  LOW_HELPFULNESS
}
