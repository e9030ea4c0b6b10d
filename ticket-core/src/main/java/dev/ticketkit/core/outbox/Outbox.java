package dev.ticketkit.core.outbox;

import java.time.Instant;

/**
 * A ticket store's transactional outbox: the events of every commit, written in the commit's own
 * transaction and kept until they are delivered. The SPI a store implements; hosts use
 * {@link OutboxRelay}.
 *
 * <p>Contract (checked by {@code TicketStoreContract} in ticket-testkit for every store): each
 * committed change set's events are appended in order, with the idempotency key
 * {@code ticketId:ticketVersion:position}; nothing of a failed commit is ever appended. A message
 * is pending until a {@link #deliverPending} call marks it delivered; a delivery that fails or
 * does not complete leaves it pending, so every message is delivered at least once. Concurrent
 * {@link #deliverPending} calls (threads or nodes) never hand out the same message at the same
 * time. Implementations must be thread-safe.
 */
public interface Outbox {

  /**
   * Claims up to {@code limit} pending messages in outbox order that no concurrent call holds and
   * hands them, in that order, to the listener; marks each one the listener returns from as
   * delivered at {@code now}. At the first message the listener throws on, it stops: that message
   * and the later ones stay pending, and the failed message's attempt count and error are
   * recorded.
   *
   * @param limit the most messages to claim, 1 or more
   * @param now the delivery instant
   * @param listener the receiver
   * @return how many messages were delivered
   */
  int deliverPending(int limit, Instant now, OutboxListener listener);

  /**
   * Counts the messages not yet delivered.
   *
   * @return the number of pending messages
   */
  long pendingCount();

  /**
   * Deletes delivered messages, to keep the outbox small.
   *
   * @param deliveredBefore only messages delivered strictly before this instant go
   * @return how many were deleted
   */
  int purgeDelivered(Instant deliveredBefore);
}
