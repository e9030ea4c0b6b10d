package dev.ticketkit.core.event;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives ticket events after their change is stored.
 *
 * <p>A listener registered with the service receives every event of every tenant; use
 * {@link #of(Class, Consumer)} to receive one event type only. Listeners run on the thread that
 * made the change, in registration order, after the store committed; an exception thrown by a
 * listener is logged and does not undo the change or stop the other listeners. A listener that
 * must not miss an event across a crash belongs behind a database store's outbox instead.
 * Implementations must be thread-safe: several threads may deliver events at once.
 */
@FunctionalInterface
public interface TicketListener {

  /**
   * Handles one event.
   *
   * @param event the stored event
   */
  void onEvent(TicketEvent event);

  /**
   * Returns a listener that passes events of one type to an action and ignores the rest.
   *
   * @param type the event type, such as {@code TicketStatusChanged.class}
   * @param action what to do with each event of that type
   * @param <E> the event type
   * @return the listener
   */
  static <E extends TicketEvent> TicketListener of(Class<E> type, Consumer<? super E> action) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(action, "action");
    return event -> {
      if (type.isInstance(event)) {
        action.accept(type.cast(event));
      }
    };
  }
}
