package dev.ticketkit.core.store;

import dev.ticketkit.core.Ticket;
import org.jspecify.annotations.Nullable;

/**
 * Computes a change of a ticket from the ticket as the store holds it, read under the store's
 * lock inside the transaction that will commit the change (see {@link TicketStore#update}).
 * {@code TicketService} supplies it; it must be pure: no I/O, no call into the store.
 */
@FunctionalInterface
public interface TicketChange {

  /**
   * Returns the change to commit.
   *
   * @param current the ticket at its stored version
   * @return the change set, or null if the change changes nothing (nothing is then written)
   */
  @Nullable ChangeSet apply(Ticket current);
}
