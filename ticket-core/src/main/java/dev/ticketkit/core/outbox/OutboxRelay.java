package dev.ticketkit.core.outbox;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.event.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Delivers a ticket store's outbox to the subscribed {@link OutboxListener}s, at least once each.
 *
 * <p>Each {@link #deliverPending(int)} call claims the oldest pending messages (on a database,
 * with {@code SELECT ... FOR UPDATE SKIP LOCKED}, so relays on several nodes share the work
 * without waiting on each other), hands each message to every listener in subscription order,
 * and marks the delivered ones. A crash before the call completes leaves its messages pending,
 * and the next call on any node delivers them again with the same idempotency keys: nothing
 * committed is lost. Messages reach the listeners in outbox order within one relay. Every store
 * has an outbox, the in-memory one included, so a host sees the same channel whatever it stores
 * tickets in.
 *
 * <p>The relay starts no thread: the host calls {@link #deliverPending(int)} from its own
 * scheduler. Thread-safe.
 */
public final class OutboxRelay {

  private final Outbox outbox;
  private final Clock clock;
  private final List<OutboxListener> listeners = new CopyOnWriteArrayList<>();

  private OutboxRelay(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Returns a relay without listeners over an outbox.
   *
   * @param outbox the store's outbox ({@code TicketStore.outbox()})
   * @param clock stamps deliveries
   * @return the relay
   * @throws NullPointerException if an argument is null
   */
  public static OutboxRelay over(Outbox outbox, Clock clock) {
    return new OutboxRelay(Objects.requireNonNull(outbox, "outbox"),
        Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Adds a listener for every later delivery.
   *
   * @param listener the listener
   * @return the subscription that removes it
   * @throws NullPointerException if the listener is null
   */
  public Subscription subscribe(OutboxListener listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * Delivers up to {@code limit} pending messages in outbox order, stopping at the first message
   * a listener refuses (it stays pending, with its attempt count and error recorded).
   *
   * @param limit the most messages to claim, 1 or more
   * @return how many messages were delivered; 0 when nothing is pending or no listener is
   *     subscribed (messages wait for one)
   * @throws InvalidInputException if the limit is below 1
   * @throws dev.ticketkit.core.store.TicketStoreException if the store fails; the claimed
   *     messages stay pending
   */
  public int deliverPending(int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be 1 or more");
    }
    if (listeners.isEmpty()) {
      return 0;
    }
    return outbox.deliverPending(limit, clock.instant(),
        message -> listeners.forEach(l -> l.deliver(message)));
  }

  /**
   * Counts the messages not yet delivered.
   *
   * @return the number of pending messages
   */
  public long pendingCount() {
    return outbox.pendingCount();
  }

  /**
   * Deletes delivered messages, to keep the outbox small.
   *
   * @param deliveredBefore only messages delivered strictly before this instant go
   * @return how many were deleted
   * @throws NullPointerException if the instant is null
   */
  public int purgeDelivered(Instant deliveredBefore) {
    return outbox.purgeDelivered(Objects.requireNonNull(deliveredBefore, "deliveredBefore"));
  }
}
