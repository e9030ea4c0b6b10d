package dev.ticketkit.core.outbox;

/**
 * Receives the events of the transactional outbox from an {@link OutboxRelay}.
 *
 * <p>A message counts as delivered once every listener of the relay returned normally. If one
 * throws, the relay stops the batch, keeps that message and the later ones pending and retries
 * them on a later call, to every listener again; so a listener may see a message more than once
 * and should act on each {@link OutboxMessage#idempotencyKey()} once. Listeners run on the thread
 * that calls {@link OutboxRelay#deliverPending(int)} while the relay holds the batch's row locks,
 * so they should be quick. Implementations must be thread-safe if several threads deliver.
 */
@FunctionalInterface
public interface OutboxListener {

  /**
   * Handles one message.
   *
   * @param message the event with its idempotency key
   * @throws RuntimeException to refuse the message, which stays pending for a later attempt
   */
  void deliver(OutboxMessage message);
}
