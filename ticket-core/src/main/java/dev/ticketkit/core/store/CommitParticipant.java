package dev.ticketkit.core.store;

/**
 * Takes part in a store's atomic commit of a change set, so that derived state (SLA clocks, an
 * outbox, a search index) changes in the same transaction as the ticket.
 *
 * <p>A store calls every registered participant, in registration order, inside its atomic
 * section: after it has checked the expected version and before the change becomes visible to
 * readers. If a participant throws, the store abandons the commit: it writes nothing, runs the
 * registered {@link TransactionContext#onRollback(Runnable)} actions, and rethrows the exception
 * (a {@link dev.ticketkit.core.TicketKitException} as is, anything else wrapped in a
 * {@link TicketStoreException}); the service then publishes no event. A participant runs while
 * the store holds its write lock or transaction, so it must be quick and must not call back into
 * the store for writes. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CommitParticipant {

  /**
   * Writes this participant's part of a change inside the store's atomic section.
   *
   * @param changes the change set being committed
   * @param transaction the store's transaction, to write in and to register undo actions with
   */
  void participate(ChangeSet changes, TransactionContext transaction);
}
