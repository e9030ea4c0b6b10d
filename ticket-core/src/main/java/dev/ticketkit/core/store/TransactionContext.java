package dev.ticketkit.core.store;

import java.util.Optional;

/**
 * The transaction of one ticket commit, as a {@link UnitOfWork} sees it.
 *
 * <p>A database store exposes its transaction through {@link #unwrap(Class)} (the jOOQ store: a
 * {@code DSLContext} bound to the transaction, or its JDBC {@code Connection}), so that a module
 * writes and reads its own tables on the commit's connection and in its transaction. The
 * in-memory store exposes nothing to unwrap; work done in memory registers its undo with
 * {@link #onRollback(Runnable)}. A context is valid only during the call that received it, on the
 * committing thread.
 */
public interface TransactionContext {

  /**
   * Returns the store's transaction handle of the given type, if it has one.
   *
   * @param type the handle type the caller understands
   * @param <T> the handle type
   * @return the handle, or empty if the store has none of that type
   */
  <T> Optional<T> unwrap(Class<T> type);

  /**
   * Registers an action to run if the commit is abandoned after this point. Actions run in
   * reverse order of registration.
   *
   * @param undo the action that undoes in-memory work
   */
  void onRollback(Runnable undo);
}
