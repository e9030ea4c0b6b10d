package dev.ticketkit.core.store;

/**
 * Work a {@link TicketStore} runs inside the transaction of one ticket commit, after it has
 * checked the version and written the ticket's rows: what the modules that follow tickets (the SLA
 * engine, reports) write together with the ticket.
 *
 * <p>{@code TicketService} passes one unit of work per commit, made of its attached
 * {@link dev.ticketkit.core.TicketFollower}s; a store only runs it. If it throws, the store writes
 * nothing, runs the undo actions registered on the context, and rethrows the exception unchanged.
 */
@FunctionalInterface
public interface UnitOfWork {

  /** Work that does nothing. */
  UnitOfWork NONE = (committed, transaction) -> { };

  /**
   * Does the work inside the commit's transaction.
   *
   * @param committed the change set being committed (for a new ticket, with the number the store
   *     allocated; see {@link ChangeSet#numbered(long)})
   * @param transaction the store's transaction, valid during this call only, on this thread
   */
  void run(ChangeSet committed, TransactionContext transaction);
}
