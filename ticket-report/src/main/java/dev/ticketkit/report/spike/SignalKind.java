package dev.ticketkit.report.spike;

/** What a ticket signal counts. Enum constants are thread-safe. */
public enum SignalKind {
  /** A ticket was opened. */
  NEW_TICKET,
  /** A ticket that matches the complaint predicate was opened. */
  COMPLAINT,
  /** A resolution was rated DISSATISFIED. */
  DISSATISFIED
}
