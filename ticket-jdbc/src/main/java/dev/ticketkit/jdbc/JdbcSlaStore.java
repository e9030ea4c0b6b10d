package dev.ticketkit.jdbc;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.SlaRows;
import dev.ticketkit.jdbc.internal.SlaTables.Clock;
import dev.ticketkit.jdbc.internal.SlaTables.Due;
import dev.ticketkit.jdbc.internal.SlaTables.Fired;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DueEscalation;
import dev.ticketkit.sla.store.DueHandler;
import dev.ticketkit.sla.store.FiredEscalation;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.sla.store.SlaStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The jOOQ {@link SlaStore}: clocks, the escalation index and fired records in {@code tk_sla_}
 * tables.
 *
 * <p>A write stores each clock with a new random schedule <em>generation</em> and inserts the new
 * schedule's index rows under it; it never updates or deletes index rows, so a handler inside
 * {@link #processDue} may rewrite the very clock it handles without waiting on the claim's locks.
 * Readers and claims take only index rows of a clock's current generation whose level has not
 * fired; claims delete the rows they took. {@link #write(SlaChanges, TransactionContext)} writes
 * in the ticket store's transaction ({@code unwrap(DSLContext.class)}). Claims are in
 * {@link SlaClaims}. Thread-safe: it keeps no connection between calls.
 */
final class JdbcSlaStore implements SlaStore {

  private final Database db;
  private final SlaClaims claims;

  /**
   * Returns the store over a kit's database, with this store's own exception type.
   *
   * <p>Declared to return the interface, so that a caller can be verified by the JVM without
   * loading the optional module this store implements (see {@code JdbcTicketKit}).
   */
  static SlaStore create(Database db) {
    return new JdbcSlaStore(db.withFailures(SlaStoreException::new));
  }

  JdbcSlaStore(Database db) {
    this.db = db;
    this.claims = new SlaClaims(db);
  }

  @Override
  public void write(SlaChanges changes, TransactionContext transaction) {
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(transaction, "transaction");
    DSLContext host = transaction.unwrap(DSLContext.class).orElseThrow(() ->
        new SlaStoreException("the jOOQ SLA store writes inside a ticket commit only through a "
            + "transaction that unwraps to a jOOQ DSLContext, as the jOOQ ticket store's does"));
    try {
      write(db.adopt(host), changes);
    } catch (org.jooq.exception.DataAccessException e) {
      throw new SlaStoreException("cannot write SLA clocks (" + db.kind() + ")", e);
    }
  }

  @Override
  public void write(SlaChanges changes) {
    Objects.requireNonNull(changes, "changes");
    db.transaction("write SLA clocks", sql -> {
      write(sql, changes);
      return null;
    });
  }

  private void write(DSLContext sql, SlaChanges changes) {
    List<Map<Field<?>, Object>> due = new ArrayList<>();
    for (ClockUpdate u : changes.updates()) {
      long generation = ThreadLocalRandom.current().nextLong();
      upsertClock(sql, u.clock(), generation);
      u.schedule().forEach(e -> due.add(dueRow(e, generation)));
    }
    if (!due.isEmpty()) {
      InsertSetMoreStep<Record> step = sql.insertInto(Due.TABLE).set(due.get(0));
      for (int i = 1; i < due.size(); i++) {
        step = step.newRecord().set(due.get(i));
      }
      step.execute();
    }
  }

  private void upsertClock(DSLContext sql, SlaClock clock, long generation) {
    Map<Field<?>, Object> values = SlaRows.values(db.kind(), clock, generation);
    int updated = sql.update(Clock.TABLE).set(values).where(clockKey(clock.key())).execute();
    if (updated == 0) {
      sql.insertInto(Clock.TABLE).set(values).execute();
    }
  }

  private static Map<Field<?>, Object> dueRow(DueEscalation e, long generation) {
    Map<Field<?>, Object> r = new LinkedHashMap<>();
    r.put(Due.TENANT_ID, e.clock().tenant().value());
    r.put(Due.TICKET_ID, e.clock().ticket().value());
    r.put(Due.METRIC, e.clock().metric().name());
    r.put(Due.CYCLE, e.clock().cycle());
    r.put(Due.GENERATION, generation);
    r.put(Due.LEVEL, e.level());
    r.put(Due.DUE_AT, e.dueAt());
    return r;
  }

  static Condition clockKey(ClockKey key) {
    return SlaRows.key(key, Clock.TENANT_ID, Clock.TICKET_ID, Clock.METRIC, Clock.CYCLE);
  }

  @Override
  public Optional<SlaClock> clock(ClockKey key) {
    Objects.requireNonNull(key, "key");
    return db.read("read SLA clock " + key, sql -> sql.select(Clock.ALL).from(Clock.TABLE)
        .where(clockKey(key)).fetchOptional().map(SlaRows::clock));
  }

  @Override
  public List<SlaClock> clocks(TenantId tenant, TicketId ticket) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticket, "ticket");
    return db.read("read the SLA clocks of ticket " + ticket, sql -> sql.select(Clock.ALL)
        .from(Clock.TABLE).where(Clock.TENANT_ID.eq(tenant.value()))
        .and(Clock.TICKET_ID.eq(ticket.value())).orderBy(Clock.METRIC, Clock.CYCLE)
        .fetch(SlaRows::clock));
  }

  @Override
  public List<DueEscalation> pending(ClockKey key) {
    Objects.requireNonNull(key, "key");
    return db.read("read the pending escalations of clock " + key, sql -> sql
        .select(Due.LEVEL, Due.DUE_AT).from(Due.TABLE)
        .where(SlaRows.key(key, Due.TENANT_ID, Due.TICKET_ID, Due.METRIC, Due.CYCLE))
        .and(SlaClaims.current()).and(SlaClaims.notFired()).orderBy(Due.LEVEL)
        .fetch(r -> new DueEscalation(key, r.get(Due.LEVEL), r.get(Due.DUE_AT))));
  }

  @Override
  public List<FiredEscalation> fired(TenantId tenant, TicketId ticket) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticket, "ticket");
    return db.read("read the fired escalations of ticket " + ticket, sql -> sql
        .select(Fired.TENANT_ID, Fired.TICKET_ID, Fired.METRIC, Fired.CYCLE, Fired.LEVEL,
            Fired.DUE_AT, Fired.FIRED_AT)
        .from(Fired.TABLE).where(Fired.TENANT_ID.eq(tenant.value()))
        .and(Fired.TICKET_ID.eq(ticket.value()))
        .orderBy(Fired.METRIC, Fired.CYCLE, Fired.LEVEL)
        .fetch(r -> new FiredEscalation(
            SlaRows.key(r, Fired.TENANT_ID, Fired.TICKET_ID, Fired.METRIC, Fired.CYCLE),
            r.get(Fired.LEVEL), r.get(Fired.DUE_AT), r.get(Fired.FIRED_AT))));
  }

  @Override
  public Optional<Instant> nextDueAt() {
    return db.read("find the next due escalation", sql -> sql.select(Due.DUE_AT)
        .from(Due.TABLE).where(SlaClaims.current()).and(SlaClaims.notFired())
        .orderBy(Due.DUE_AT).limit(1).fetchOptional(Due.DUE_AT));
  }

  @Override
  public int processDue(Instant now, int limit, DueHandler handler) {
    return claims.processDue(now, limit, handler);
  }

}
