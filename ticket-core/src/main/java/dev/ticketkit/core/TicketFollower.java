package dev.ticketkit.core;

import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.TransactionContext;
import java.util.Objects;

/**
 * A module that follows tickets (the SLA engine, reports, privacy): the one place where it joins
 * {@link TicketService}. Attach it with {@link TicketServiceBuilder#follower(TicketFollower)} or
 * {@link TicketService#attach(TicketFollower)}.
 *
 * <p>For every stored change, the service calls each attached follower twice, in attach order:
 * {@link #inTransaction} inside the store's transaction, after the version check and the ticket's
 * own writes, so the follower's writes commit or roll back with the ticket; and, once the commit
 * has succeeded, {@link #afterCommit} on the committing thread, before the service's listeners
 * receive the change's events. Data flows one way: a follower reads the change set and writes its
 * own state; it must not call back into the service inside {@link #inTransaction} (a follower that
 * changes tickets does it later, as its own change, see {@link ChangeCause}).
 *
 * <p>Implementations must be thread-safe: commits of different tickets run concurrently.
 */
public interface TicketFollower {

  /**
   * Writes the follower's part of a change inside the ticket's transaction. If it throws, the
   * store writes nothing and the service rethrows the exception (wrapped in a
   * {@link dev.ticketkit.core.store.TicketStoreException} unless it is a
   * {@link TicketKitException}).
   *
   * @param committed the change set being committed (a new ticket's with its allocated number)
   * @param transaction the store's transaction: a database store unwraps to its connection, the
   *     in-memory store takes undo actions
   */
  default void inTransaction(ChangeSet committed, TransactionContext transaction) {}

  /**
   * Reacts to a committed change, on the committing thread, before the listeners see its events.
   * A failure is logged and does not fail the caller's write, which has already taken effect.
   *
   * @param committed the committed change set
   */
  default void afterCommit(ChangeSet committed) {
    Objects.requireNonNull(committed, "committed");
  }
}
