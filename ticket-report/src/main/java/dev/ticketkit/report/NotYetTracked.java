package dev.ticketkit.report;

/**
 * Figures the report has a place for but that ticket-core does not record yet; a report lists
 * them so that a reader knows they are missing rather than zero. Enum constants are thread-safe.
 */
public enum NotYetTracked {
  /**
   * Department hand-off figures (opened, answered, returned, response times by department). The
   * first-contact rule's "no hand-off" clause is real: cycle facts count the hand-offs opened in
   * each cycle.
   */
  DEPARTMENT_HANDOFFS,
  /** Follow-ups done against follow-ups due. */
  FOLLOW_UPS,
  /** Problems and incidents linked to tickets. */
  PROBLEMS_AND_INCIDENTS,
  /** Rating requests that expired unanswered (ticket-core's {@code TicketRatingExpired}). */
  RATING_NON_RESPONSES
}
