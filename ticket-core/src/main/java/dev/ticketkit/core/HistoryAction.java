package dev.ticketkit.core;

/**
 * The operation that produced a history entry. Enum constants are thread-safe.
 */
public enum HistoryAction {
  /** The ticket was taken in; one entry per field set at intake. */
  OPENED,
  /** A workflow transition fired, with its effects. */
  TRANSITIONED,
  /** Descriptive fields were edited. */
  EDITED,
  /** A public reply was added. */
  REPLIED,
  /** An internal note was added. */
  NOTED,
  /** The assignee changed. */
  ASSIGNED,
  /** The ticket moved to a higher support tier. */
  ESCALATED,
  /** The priority changed. */
  PRIORITY_CHANGED,
  /** The category changed. */
  CATEGORY_CHANGED,
  /** A tag was added. */
  TAGGED,
  /** A tag was removed. */
  UNTAGGED,
  /** A link to another ticket was added. */
  LINKED,
  /** The ticket was merged into another one. */
  MERGED,
  /** The requester rated the resolution. */
  RATED,
  /** The ticket was marked a problem, or its problem record changed ({@link ProblemRecord}). */
  PROBLEM_RECORDED,
  /** A handoff to another department was opened, checked, answered or returned. */
  HANDED_OFF,
  /**
   * A module made the change ({@link ChangeCause}: an SLA escalation, a macro); the entry's
   * {@code after} value says why, and the field changes follow under their own actions.
   */
  AUTOMATED
}
