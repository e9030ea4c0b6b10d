package dev.ticketkit.sla.escalation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link Notifier}: logs at INFO. Stateless and thread-safe. */
final class LoggingNotifier implements Notifier {

  static final LoggingNotifier INSTANCE = new LoggingNotifier();
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private LoggingNotifier() {}

  @Override
  public void notify(Notification notification) {
    LOG.info("SLA notification to {}: {}", notification.recipient(),
        notification.context().summary());
  }
}
