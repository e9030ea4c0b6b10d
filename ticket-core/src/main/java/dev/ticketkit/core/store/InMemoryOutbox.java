package dev.ticketkit.core.store;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.outbox.Outbox;
import dev.ticketkit.core.outbox.OutboxListener;
import dev.ticketkit.core.outbox.OutboxMessage;
import dev.ticketkit.core.privacy.Erasure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory store's outbox: the same semantics as a database outbox (appended in the commit,
 * pending until delivered, the failed message keeps its attempts and error). Deliveries are
 * serialised on one lock, which stands for the row locks of a database. Thread-safe.
 */
final class InMemoryOutbox implements Outbox {

  private static final int MAX_ERROR_LENGTH = 1000;

  /** One stored message. Guarded by the outbox's lock. */
  private static final class Row {
    final long sequence;
    final String key;
    TicketEvent event;
    int attempts;
    @Nullable Instant deliveredAt;
    @Nullable String lastError;

    Row(long sequence, String key, TicketEvent event) {
      this.sequence = sequence;
      this.key = key;
      this.event = event;
    }
  }

  private final Object deliveryLock = new Object();
  private final List<Row> rows = new ArrayList<>();
  private long lastSequence;

  /** Appends a committed change set's events; called inside the store's commit. */
  synchronized void append(ChangeSet committed) {
    List<TicketEvent> events = committed.events();
    for (int i = 0; i < events.size(); i++) {
      TicketEvent e = events.get(i);
      rows.add(new Row(++lastSequence, OutboxMessage.key(e, i), e));
    }
  }

  @Override
  public int deliverPending(int limit, Instant now, OutboxListener listener) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(listener, "listener");
    synchronized (deliveryLock) {
      int delivered = 0;
      for (Row row : pending(limit)) {
        try {
          listener.deliver(new OutboxMessage(row.sequence, row.key, row.event, row.attempts + 1));
        } catch (RuntimeException e) {
          fail(row, e);
          break;
        }
        deliver(row, now);
        delivered++;
      }
      return delivered;
    }
  }

  private synchronized List<Row> pending(int limit) {
    List<Row> batch = new ArrayList<>();
    for (Row row : rows) {
      if (row.deliveredAt == null && batch.size() < limit) {
        batch.add(row);
      }
    }
    return batch;
  }

  private synchronized void deliver(Row row, Instant now) {
    row.attempts++;
    row.deliveredAt = now;
  }

  private synchronized void fail(Row row, RuntimeException e) {
    row.attempts++;
    String text = e.getClass().getName() + ": " + e.getMessage();
    row.lastError = text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }

  /** Rewrites a ticket's rows, delivered ones too, through an erasure. */
  synchronized void erase(TenantId tenant, TicketId id, Erasure erasure) {
    for (Row row : rows) {
      if (row.event.tenant().equals(tenant) && row.event.ticketId().equals(id)) {
        row.event = erasure.rewrite(row.event);
        row.lastError = erasure.apply(row.lastError);
      }
    }
  }

  /** Removes a purged ticket's rows. */
  synchronized void purge(TenantId tenant, TicketId id) {
    rows.removeIf(r -> r.event.tenant().equals(tenant) && r.event.ticketId().equals(id));
  }

  @Override
  public synchronized long pendingCount() {
    return rows.stream().filter(r -> r.deliveredAt == null).count();
  }

  @Override
  public synchronized int purgeDelivered(Instant deliveredBefore) {
    Objects.requireNonNull(deliveredBefore, "deliveredBefore");
    int purged = 0;
    for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
      Instant at = it.next().deliveredAt;
      if (at != null && at.isBefore(deliveredBefore)) {
        it.remove();
        purged++;
      }
    }
    return purged;
  }
}
