package dev.ticketkit.report.source;

/**
 * How a resolution cycle ended in a CLOSED-category status. Enum constants are thread-safe.
 */
public enum CloseKind {
  /** Closed after a resolution in the same cycle (confirmed by the requester or auto-closed). */
  CLOSED,
  /** Closed without a resolution in the cycle and not merged: withdrawn or invalid. */
  CANCELLED,
  /** Closed by a merge into another ticket. */
  MERGED
}
