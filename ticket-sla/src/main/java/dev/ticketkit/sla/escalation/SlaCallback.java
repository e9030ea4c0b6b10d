package dev.ticketkit.sla.escalation;

/**
 * A host hook called by an {@link EscalationAction.Callback} action, registered with the engine
 * under a name (open an incident, page on-call, post to a channel).
 *
 * <p>Called like the {@link Notifier}: at least once for a ladder level, after the commit for an
 * event rule; an exception is logged and does not stop the other actions. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface SlaCallback {

  /**
   * Handles one escalation.
   *
   * @param context the ticket and the level or event rule
   */
  void onEscalation(EscalationContext context);
}
