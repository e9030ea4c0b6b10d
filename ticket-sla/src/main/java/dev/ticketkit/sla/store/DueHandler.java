package dev.ticketkit.sla.store;

/**
 * Carries out one piece of due work inside {@link SlaStore#claim}: sends its notifications and
 * calls its host callbacks. It must not change tickets (the engine does that in a ticket commit
 * of its own, see {@link SlaStore#complete}).
 *
 * <p>It runs inside the store's claim transaction: if the process dies before that transaction
 * commits, the work is handed over again later (at least once). Implementations must be
 * thread-safe when several threads or nodes process due work at once.
 */
@FunctionalInterface
public interface DueHandler {

  /**
   * Handles one piece of work.
   *
   * @param work the work, already recorded as done in the current transaction
   */
  void handle(DueWork work);
}
