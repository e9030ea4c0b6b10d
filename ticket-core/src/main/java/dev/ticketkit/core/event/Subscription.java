package dev.ticketkit.core.event;

/**
 * A listener's registration, which ends when cancelled.
 *
 * <p>Cancelling is idempotent; events already being delivered may still arrive. Implementations
 * are thread-safe.
 */
public interface Subscription extends AutoCloseable {

  /** Stops delivering events to the listener. */
  void cancel();

  /** Same as {@link #cancel()}. */
  @Override
  default void close() {
    cancel();
  }
}
