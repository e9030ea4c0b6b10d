package dev.ticketkit.jdbc;

import dev.ticketkit.core.event.TicketEvent;
import java.util.Objects;

/**
 * One event from the transactional outbox, as an {@link OutboxListener} receives it.
 *
 * <p>Delivery is at least once: after a crash or a listener failure the same event comes again
 * with the same {@code idempotencyKey}, so a listener that remembers the keys it has handled (or
 * whose effect is idempotent) acts on each event exactly once. Instances are immutable and
 * thread-safe.
 *
 * @param sequence the outbox's sequence number: increases with the commit order of the writes
 * @param idempotencyKey {@code ticketId:ticketVersion:position}, the same on every delivery
 * @param event the event
 * @param attempt which delivery attempt this is: 1 for the first
 */
public record OutboxMessage(long sequence, String idempotencyKey, TicketEvent event, int attempt) {

  /**
   * Validates the message.
   *
   * @throws NullPointerException if the key or the event is null
   * @throws IllegalArgumentException if the attempt is below 1
   */
  public OutboxMessage {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(event, "event");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be 1 or more: " + attempt);
    }
  }
}
