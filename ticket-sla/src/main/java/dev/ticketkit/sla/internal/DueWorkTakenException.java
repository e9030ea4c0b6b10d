package dev.ticketkit.sla.internal;

import dev.ticketkit.core.TicketKitException;
import dev.ticketkit.sla.store.DueWork;

/**
 * Abandons a ticket change the SLA engine made for due work that is no longer pending: another
 * engine or node did it first, or the clock's schedule changed meanwhile. Caught by the engine;
 * never reaches a host. Immutable.
 */
public final class DueWorkTakenException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param work the work
   */
  public DueWorkTakenException(DueWork work) {
    super("due work " + work.key() + " of ticket " + work.ticket() + " is no longer pending");
  }
}
