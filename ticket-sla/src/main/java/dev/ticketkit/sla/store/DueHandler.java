package dev.ticketkit.sla.store;

/**
 * Handles one due escalation inside {@link SlaStore#processDue}: runs its actions.
 *
 * <p>It runs inside the store's claim transaction (see {@link SlaStore#processDue} for what that
 * means on a crash). It may read the store and write clock changes through the store, directly or
 * through a ticket commit; a store must not deadlock when it does. Implementations must be
 * thread-safe when several threads or nodes process due work at once.
 */
@FunctionalInterface
public interface DueHandler {

  /**
   * Handles one entry.
   *
   * @param due the entry, already recorded as fired in the current transaction
   */
  void handle(DueEscalation due);
}
