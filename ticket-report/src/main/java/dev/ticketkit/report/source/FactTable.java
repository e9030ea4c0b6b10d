package dev.ticketkit.report.source;

/**
 * The three kinds of fact rows a report is computed from. Enum constants are thread-safe.
 */
public enum FactTable {
  /** {@link CycleFact}: one row per ticket and resolution cycle. */
  CYCLES,
  /** {@link ClockFact}: one row per SLA clock. */
  CLOCKS,
  /** {@link EscalationFact}: one row per fired escalation level. */
  ESCALATIONS
}
