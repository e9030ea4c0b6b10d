package dev.ticketkit.core.workflow;

/**
 * Something a transition does to a ticket besides changing its status. Enum constants are
 * thread-safe.
 */
public enum Effect {
  /**
   * Records the firing agent as the accepting agent and, if the ticket is unassigned, assigns it
   * to them. Only transitions fired by agents alone may have it.
   */
  ACCEPT,
  /**
   * Remembers the state the ticket leaves, so that a transition to {@link Transition#PREVIOUS}
   * returns there (waiting on the requester and back). Any transition without this effect forgets
   * the remembered state.
   */
  REMEMBER_STATE,
  /**
   * Starts a new resolution cycle: the cycle number goes up by one and the rating and resolution
   * summary of the ended cycle are cleared (they stay in the history and events).
   */
  NEW_CYCLE,
  /**
   * Moves the ticket to the next support tier and unassigns it, so the higher tier's queue takes
   * it; at the highest tier the tier stays.
   */
  ESCALATE_TIER
}
