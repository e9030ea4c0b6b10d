package dev.ticketkit.core.store;

import java.util.Optional;

/**
 * The store's atomic section as a {@link CommitParticipant} sees it.
 *
 * <p>A database store exposes its transaction through {@link #unwrap(Class)} (the jOOQ store, for
 * example, a {@code DSLContext} bound to the transaction), so a participant writes its own tables
 * in the same transaction. The in-memory store exposes nothing to unwrap; its participants use
 * {@link #onRollback(Runnable)} to undo in-memory work if a later participant fails. A context is
 * valid only during the participant's call, on the committing thread.
 */
public interface TransactionContext {

  /**
   * Returns the store's transaction handle of the given type, if it has one.
   *
   * @param type the handle type the participant understands
   * @param <T> the handle type
   * @return the handle, or empty if the store has none of that type
   */
  <T> Optional<T> unwrap(Class<T> type);

  /**
   * Registers an action to run if the commit is abandoned after this point (a later participant
   * or the store itself failed). Actions run in reverse order of registration.
   *
   * @param undo the action that undoes the participant's work
   */
  void onRollback(Runnable undo);
}
