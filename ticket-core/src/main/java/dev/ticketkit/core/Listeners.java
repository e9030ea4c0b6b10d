package dev.ticketkit.core;

import dev.ticketkit.core.event.Subscription;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's listeners: delivers stored events in registration order and logs, rather than
 * propagates, a listener's failure. Thread-safe (copy-on-write).
 */
final class Listeners {

  private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);

  private final List<TicketListener> listeners = new CopyOnWriteArrayList<>();

  Subscription add(TicketListener listener) {
    TicketListener wrapped = listener::onEvent;
    listeners.add(wrapped);
    return () -> listeners.remove(wrapped);
  }

  void publish(List<TicketEvent> events) {
    for (TicketEvent event : events) {
      for (TicketListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          LOG.warn("ticket listener {} failed on {}; the change stays stored", listener, event, e);
        }
      }
    }
  }
}
