package dev.ticketkit.sla.escalation;

/**
 * Delivers escalation notifications: the SPI a host implements to reach people (mail, IM, a
 * pager). The default, {@link #logging()}, writes them to the SLF4J log.
 *
 * <p>The engine calls it for each {@link EscalationAction.Notify} action: for a ladder level
 * inside the store's claim (at least once, exactly once without crashes), for an event rule after
 * the ticket change was committed. An exception it throws is logged by the engine and does not
 * stop the other actions. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Notifier {

  /**
   * Delivers one notification.
   *
   * @param notification who and what
   */
  void notify(Notification notification);

  /**
   * Returns a notifier that logs each notification at INFO level on the logger
   * {@code dev.ticketkit.sla.escalation.Notifier}.
   *
   * @return the logging notifier, thread-safe
   */
  static Notifier logging() {
    return LoggingNotifier.INSTANCE;
  }
}
