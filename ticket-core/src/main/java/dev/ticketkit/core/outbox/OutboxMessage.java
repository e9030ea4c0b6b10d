package dev.ticketkit.core.outbox;

import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.InvalidInputException;
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
 * @param idempotencyKey {@code tenant/ticketId:ticketVersion:position} ({@link #key}), the same
 *     on every delivery
 * @param event the event
 * @param attempt which delivery attempt this is: 1 for the first
 */
public record OutboxMessage(long sequence, String idempotencyKey, TicketEvent event, int attempt) {

  /**
   * Validates the message.
   *
   * @throws NullPointerException if the key or the event is null
   * @throws InvalidInputException if the attempt is below 1
   */
  public OutboxMessage {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(event, "event");
    if (attempt < 1) {
      throw new InvalidInputException("attempt", attempt, "must be 1 or more");
    }
  }

  /**
   * Returns the idempotency key of the event at a position of its change set:
   * {@code tenant/ticketId:ticketVersion:position}, unique because a ticket id is unique within
   * its tenant (tenant ids contain no {@code /}).
   *
   * @param event the event
   * @param position its place among its change set's events, 0 or more
   * @return the key
   */
  public static String key(TicketEvent event, int position) {
    return event.tenant() + "/" + event.ticketId() + ":" + event.ticketVersion() + ":" + position;
  }
}
