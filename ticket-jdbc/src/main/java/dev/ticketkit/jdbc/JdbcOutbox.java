package dev.ticketkit.jdbc;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.outbox.OutboxListener;
import dev.ticketkit.core.outbox.OutboxMessage;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.EventJson;
import dev.ticketkit.jdbc.internal.TicketTables.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The jOOQ store's transactional outbox: the {@code tk_outbox} rows every ticket commit writes.
 *
 * <p>Each {@link #deliverPending} call is one transaction: it claims the oldest undelivered rows
 * with {@code SELECT ... FOR UPDATE SKIP LOCKED} (so relays on several nodes share the work
 * without waiting on each other), hands each message to the listener, and marks the delivered
 * ones. A crash anywhere before that transaction commits leaves the rows undelivered, and the
 * next call on any node delivers them again with the same idempotency keys: nothing committed is
 * lost. Thread-safe.
 */
final class JdbcOutbox implements dev.ticketkit.core.outbox.Outbox {

  private static final int MAX_ERROR_LENGTH = 1000;

  private final Database db;

  JdbcOutbox(Database db) {
    this.db = db;
  }

  @Override
  public int deliverPending(int limit, Instant now, OutboxListener listener) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be 1 or more");
    }
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(listener, "listener");
    return db.transaction("deliver outbox messages",
        sql -> deliver(sql, claim(sql, limit), now, listener));
  }
  private static List<OutboxMessage> claim(DSLContext sql, int limit) {
    return sql.select(Outbox.ID, Outbox.IDEMPOTENCY_KEY, Outbox.PAYLOAD, Outbox.ATTEMPTS)
        .from(Outbox.TABLE).where(Outbox.DELIVERED_AT.isNull()).orderBy(Outbox.ID).limit(limit)
        .forUpdate().skipLocked()
        .fetch(r -> new OutboxMessage(r.get(Outbox.ID), r.get(Outbox.IDEMPOTENCY_KEY),
            EventJson.read(r.get(Outbox.PAYLOAD)), r.get(Outbox.ATTEMPTS) + 1));
  }

  private static int deliver(DSLContext sql, List<OutboxMessage> claimed, Instant now,
      OutboxListener listener) {
    List<Long> delivered = new ArrayList<>();
    for (OutboxMessage message : claimed) {
      try {
        listener.deliver(message);
      } catch (RuntimeException e) {
        sql.update(Outbox.TABLE).set(Outbox.ATTEMPTS, Outbox.ATTEMPTS.plus(1))
            .set(Outbox.LAST_ERROR, describe(e)).where(Outbox.ID.eq(message.sequence()))
            .execute();
        break;
      }
      delivered.add(message.sequence());
    }
    if (!delivered.isEmpty()) {
      sql.update(Outbox.TABLE).set(Outbox.DELIVERED_AT, now)
          .set(Outbox.ATTEMPTS, Outbox.ATTEMPTS.plus(1)).where(Outbox.ID.in(delivered))
          .execute();
    }
    return delivered.size();
  }

  private static String describe(RuntimeException e) {
    String text = e.getClass().getName() + ": " + e.getMessage();
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }

  @Override
  public long pendingCount() {
    return db.read("count pending outbox messages",
        sql -> (long) sql.fetchCount(Outbox.TABLE, Outbox.DELIVERED_AT.isNull()));
  }

  @Override
  public int purgeDelivered(Instant deliveredBefore) {
    Objects.requireNonNull(deliveredBefore, "deliveredBefore");
    return db.transaction("purge delivered outbox messages", sql -> sql.deleteFrom(Outbox.TABLE)
        .where(Outbox.DELIVERED_AT.lt(deliveredBefore)).execute());
  }
}
