package dev.ticketkit.jdbc;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.event.Subscription;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.EventJson;
import dev.ticketkit.jdbc.internal.TicketTables.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Delivers the events that ticket commits wrote to the outbox table, at least once each, to the
 * subscribed {@link OutboxListener}s.
 *
 * <p>Each {@link #deliverPending(int)} call is one transaction: it claims the oldest undelivered
 * rows with {@code SELECT ... FOR UPDATE SKIP LOCKED} (so relays on several nodes share the work
 * without waiting on each other), hands each message to every listener, and marks the delivered
 * ones. A crash anywhere before that transaction commits leaves the rows undelivered, and the
 * next call on any node delivers them again with the same idempotency keys: nothing committed is
 * lost. Messages reach the listeners in outbox order within one relay; with several relays
 * running at once, order across their batches is not guaranteed.
 *
 * <p>The relay starts no thread: the host calls {@link #deliverPending(int)} from its own
 * scheduler. Thread-safe.
 */
public final class OutboxRelay {

  private static final int MAX_ERROR_LENGTH = 1000;

  private final Database db;
  private final Clock clock;
  private final List<OutboxListener> listeners = new CopyOnWriteArrayList<>();

  OutboxRelay(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Adds a listener for every later delivery.
   *
   * @param listener the listener
   * @return the subscription that removes it
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
   * @throws StorageException if the database fails; the claimed messages stay pending
   */
  public int deliverPending(int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be 1 or more");
    }
    if (listeners.isEmpty()) {
      return 0;
    }
    return db.transaction("deliver outbox messages", sql -> deliver(sql, claim(sql, limit)));
  }

  private static List<OutboxMessage> claim(DSLContext sql, int limit) {
    return sql.select(Outbox.ID, Outbox.IDEMPOTENCY_KEY, Outbox.PAYLOAD, Outbox.ATTEMPTS)
        .from(Outbox.TABLE).where(Outbox.DELIVERED_AT.isNull()).orderBy(Outbox.ID).limit(limit)
        .forUpdate().skipLocked()
        .fetch(r -> new OutboxMessage(r.get(Outbox.ID), r.get(Outbox.IDEMPOTENCY_KEY),
            EventJson.read(r.get(Outbox.PAYLOAD)), r.get(Outbox.ATTEMPTS) + 1));
  }

  private int deliver(DSLContext sql, List<OutboxMessage> claimed) {
    List<Long> delivered = new ArrayList<>();
    for (OutboxMessage message : claimed) {
      try {
        listeners.forEach(l -> l.deliver(message));
      } catch (RuntimeException e) {
        sql.update(Outbox.TABLE).set(Outbox.ATTEMPTS, Outbox.ATTEMPTS.plus(1))
            .set(Outbox.LAST_ERROR, describe(e)).where(Outbox.ID.eq(message.sequence()))
            .execute();
        break;
      }
      delivered.add(message.sequence());
    }
    if (!delivered.isEmpty()) {
      sql.update(Outbox.TABLE).set(Outbox.DELIVERED_AT, clock.instant())
          .set(Outbox.ATTEMPTS, Outbox.ATTEMPTS.plus(1)).where(Outbox.ID.in(delivered))
          .execute();
    }
    return delivered.size();
  }

  private static String describe(RuntimeException e) {
    String text = e.getClass().getName() + ": " + e.getMessage();
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }

  /**
   * Counts the messages not yet delivered.
   *
   * @return the number of pending messages
   * @throws StorageException if the database fails
   */
  public long pendingCount() {
    return db.read("count pending outbox messages",
        sql -> (long) sql.fetchCount(Outbox.TABLE, Outbox.DELIVERED_AT.isNull()));
  }

  /**
   * Deletes delivered messages, to keep the outbox small.
   *
   * @param deliveredBefore only messages delivered strictly before this instant go
   * @return how many were deleted
   * @throws StorageException if the database fails
   */
  public int purgeDelivered(Instant deliveredBefore) {
    Objects.requireNonNull(deliveredBefore, "deliveredBefore");
    return db.transaction("purge delivered outbox messages", sql -> sql.deleteFrom(Outbox.TABLE)
        .where(Outbox.DELIVERED_AT.lt(deliveredBefore)).execute());
  }
}
