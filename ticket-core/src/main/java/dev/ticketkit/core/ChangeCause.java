package dev.ticketkit.core;

/**
 * Why a module, rather than a person's command, made a change: an SLA escalation that fired, a
 * macro that was applied. {@code TicketService} records it in the history (field
 * {@link TicketField#CAUSE}, its {@link #describe()} as the {@code after} value) and hands it to
 * the followers in the change set ({@link dev.ticketkit.core.store.ChangeSet#cause()}), so that
 * the module that made the change can recognise its own work inside the transaction.
 *
 * <p>Implementations must be immutable.
 */
public interface ChangeCause {

  /** The longest description the history keeps. */
  int MAX_DESCRIPTION_LENGTH = 500;

  /**
   * Describes the cause for the ticket's history, in one line of at most
   * {@value #MAX_DESCRIPTION_LENGTH} characters (longer text is cut).
   *
   * @return the description
   */
  String describe();
}
