package dev.ticketkit.examples.month;

/**
 * One step of a ticket's journey through the helpdesk. A {@link Plan} is a list of steps drawn
 * when the request arrives; {@link Desk#perform} carries each out through the public
 * {@code TicketService} API, as a host application's agents and requesters would.
 *
 * <p>Extending the journey: a new kind of work is a new constant here, the rule that puts it
 * into plans in {@link Plan#draw} (or {@link Plan#problem}, {@link Plan#incident} for an
 * outage), and its case in {@link Desk#perform}; nothing else changes.
 */
enum Step {
  /** An agent of the ticket's tier accepts the ticket and sends the first reply. */
  FIRST_REPLY,
  /** The agent asks the requester for details and waits on them (the clocks pause). */
  ASK_REQUESTER,
  /** The requester answers; the ticket returns to the state it waited in. */
  REQUESTER_ANSWERS,
  /** The requester never answers: after three days the agent cancels the ticket. */
  CLOSE_UNANSWERED,
  /** The requester writes again with a follow-up question (a next-response clock starts). */
  FOLLOW_UP,
  /** An agent answers the follow-up. */
  ANSWER_FOLLOW_UP,
  /** The agent escalates to the next tier; an agent of that tier takes the ticket. */
  ESCALATE,
  /** The assignee diagnoses and starts the fix. */
  WORK,
  /** The assignee writes the resolution, replies and proposes it (linking a KB article). */
  PROPOSE_RESOLUTION,
  /** The requester rates the resolution (a dissatisfied rating reopens the ticket). */
  RATE,
  /** After a dissatisfied rating, an agent of the next tier replies in the new cycle. */
  REWORK_REPLY,
  /** The requester withdraws the request. */
  REQUESTER_CANCELS,
  /**
   * The assignee hands the ticket to another department (the technical team, finance) with a
   * question; the ticket stays with them while the department works on it.
   */
  HAND_OFF,
  /** The department answers the handoff, or gives it back asking for more. */
  HANDOFF_ANSWERED,
  /** A tier-2 agent marks the first ticket of an outage a problem and reports it. */
  MARK_PROBLEM,
  /**
   * An agent links an incident to its outage's problem; the incident then waits for the
   * problem's fix, which proposes its resolution.
   */
  LINK_PROBLEM,
  /** The outage is fixed: the problem's resolution is proposed on all its open incidents. */
  RESOLVE_PROBLEM
}
