package dev.ticketkit.jdbc;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.ShapedSql;
import dev.ticketkit.jdbc.internal.SlaRows;
import dev.ticketkit.jdbc.internal.SlaTables;
import dev.ticketkit.jdbc.internal.SlaTables.Clock;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.store.DoneWork;
import dev.ticketkit.sla.store.DueHandler;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.sla.store.SlaStoreException;
import dev.ticketkit.sla.store.TicketClocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The jOOQ {@link SlaStore}: clocks ({@code tk_sla_clock}), pending due work
 * ({@code tk_sla_work}: ladder levels and event rules in one time-ordered table) and done records
 * ({@code tk_sla_done}, unique per ticket and work key).
 *
 * <p>Inside a ticket commit every statement runs on the commit's own connection (unwrapped from
 * the context), so a commit never takes a second connection from the pool. A change costs a few
 * indexed statements: the ticket's current clocks by the {@code latest} index, one multi-row
 * upsert of its changed clocks, one delete of their old schedules and one insert of their new
 * schedules (one row per running clock: its next level, with the levels after it in
 * {@code later}) and triggered rules (levels already done are left out). Claims, and the
 * scheduling of a clock's next level when one is done, are in {@link SlaClaims}. Thread-safe: it keeps no connection between calls.
 */
final class JdbcSlaStore implements SlaStore {

  private static final SlaTables.WorkColumns WORK = SlaTables.WORK;
  private static final SlaTables.DoneColumns DONE = SlaTables.DONE;

  private final Database db;
  private final SlaClaims claims;
  private final SlaWrites writes;
  private final CurrentClocks currentClocks;
  /** On once the kit's SQL report source exists: writes then add the report's clock rows. */
  private final java.util.concurrent.atomic.AtomicBoolean reportClocks;

  /**
   * Returns the store over a kit's database, with this store's own exception type.
   *
   * <p>Declared to return the interface, so that a caller can be verified by the JVM without
   * loading the optional module this store implements (see {@code JdbcTicketKit}).
   */
  static SlaStore create(Database db, java.util.concurrent.atomic.AtomicBoolean reportClocks) {
    return new JdbcSlaStore(db.withFailures(SlaStoreException::new), reportClocks);
  }

  JdbcSlaStore(Database db) {
    this(db, new java.util.concurrent.atomic.AtomicBoolean());
  }

  JdbcSlaStore(Database db, java.util.concurrent.atomic.AtomicBoolean reportClocks) {
    this.db = db;
    this.reportClocks = reportClocks;
    this.currentClocks = new CurrentClocks();
    this.writes = new SlaWrites(db.shaped());
    this.claims = new SlaClaims(db, writes);
  }

  /**
   * Returns the commit's context: the jOOQ ticket store's transaction directly (its held-back
   * ticket writes touch no SLA table), else whatever context the transaction unwraps to.
   */
  private DSLContext inCommit(TransactionContext transaction) {
    Objects.requireNonNull(transaction, "transaction");
    if (transaction instanceof JdbcTransaction ours) {
      return db.adopt(ours.direct());
    }
    DSLContext host = transaction.unwrap(DSLContext.class).orElseThrow(() ->
        new SlaStoreException("the jOOQ SLA store works inside a ticket commit only through a "
            + "transaction that unwraps to a jOOQ DSLContext, as the jOOQ ticket store's does"));
    return db.adopt(host);
  }

  private <T> T inCommit(String what, TransactionContext transaction,
      java.util.function.Function<DSLContext, T> work) {
    DSLContext sql = inCommit(transaction);
    try {
      return work.apply(sql);
    } catch (org.jooq.exception.DataAccessException e) {
      throw new SlaStoreException("cannot " + what + " (" + db.kind() + ")", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>In the jOOQ ticket store's commit on PostgreSQL, the clocks are read in the same round
   * trip as the ticket's locked read (from the second commit on: the first asks the ticket store
   * to send the read along, see {@link ReadAlong}).
   */
  @Override
  public TicketClocks currentClocks(TenantId tenant, TicketId ticket,
      TransactionContext transaction) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticket, "ticket");
    if (transaction instanceof JdbcTransaction ours) {
      Optional<Object> read = ours.prefetchedOrLater(currentClocks);
      if (read.isPresent() && read.get() instanceof Prefetched p && p.tenant().equals(tenant)
          && p.ticket().equals(ticket)) {
        return p.clocks();
      }
    }
    return inCommit("read the current SLA clocks of ticket " + ticket, transaction, sql -> {
      try {
        return db.shaped().query(Database.connection(sql), currentClocks.query(tenant, ticket),
            rs -> clocks(tenant, ticket, rs));
      } catch (java.sql.SQLException e) {
        throw new org.jooq.exception.DataAccessException(e.getMessage(), e);
      }
    });
  }

  /** The clocks read along with a ticket's locked read, with the ticket they belong to. */
  private record Prefetched(TenantId tenant, TicketId ticket, TicketClocks clocks) {}

  /** A ticket's current clocks (by the {@code latest} flag) and the last version applied. */
  private final class CurrentClocks implements ReadAlong {
    private static final List<org.jooq.Field<?>> KEY = List.of(Clock.TENANT_ID,
        Clock.TICKET_ID);

    @Override
    public ShapedSql.Statement query(TenantId tenant, TicketId ticket) {
      return db.shaped().statement("currentClocks", () -> DSL.select(Clock.ALL)
              .select(Clock.TICKET_VERSION).from(Clock.TABLE)
              .where(Clock.TENANT_ID.eq(ShapedSql.param(Clock.TENANT_ID)))
              .and(Clock.TICKET_ID.eq(ShapedSql.param(Clock.TICKET_ID)))
              .and(Clock.LATEST.isTrue()),
          KEY, List.of(tenant.value(), ticket.value()));
    }

    @Override
    public Object read(DSLContext sql, TenantId tenant, TicketId ticket, java.sql.ResultSet rs) {
      return new Prefetched(tenant, ticket, clocks(tenant, ticket, rs));
    }
  }

  /** The position of {@code ticket_version} in the current clocks' query: after Clock.ALL. */
  private static final int TICKET_VERSION_COLUMN = Clock.ALL.length + 1;

  /**
   * Reads the current clocks of a ticket from their query's result, by position (see
   * {@link SlaRows#clock(java.sql.ResultSet, TenantId, TicketId)}): on every ticket change, so
   * neither through jOOQ records nor a map per row.
   */
  private static TicketClocks clocks(TenantId tenant, TicketId ticket, java.sql.ResultSet rs) {
    List<SlaClock> clocks = new ArrayList<>();
    long applied = 0;
    try {
      while (rs.next()) {
        clocks.add(SlaRows.clock(rs, tenant, ticket));
        applied = Math.max(applied, rs.getLong(TICKET_VERSION_COLUMN));
      }
    } catch (java.sql.SQLException e) {
      throw new org.jooq.exception.DataAccessException(e.getMessage(), e);
    }
    clocks.sort(Comparator.comparing(SlaClock::key));
    return new TicketClocks(clocks, applied);
  }

  /**
   * {@inheritDoc}
   *
   * <p>In the jOOQ ticket store's commit the statements are held back and sent with the ticket's
   * own writes (on PostgreSQL as one statement); in another transaction they run at once.
   */
  @Override
  public void write(SlaChanges changes, TransactionContext transaction) {
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(transaction, "transaction");
    if (transaction instanceof JdbcTransaction ours) {
      // The context only builds statements (ShapedSql renders them with TicketKit's settings),
      // so the commit's own is used as it is, not derived anew on every write.
      ours.defer(withReport(writes.statements(ours.direct(), changes, stored(ours, changes)),
          changes));
      return;
    }
    inCommit("write SLA clocks", transaction, sql -> {
      execute(sql, changes);
      return null;
    });
  }

  /**
   * Returns the keys of the write's ticket's clocks that have rows: the current clocks read
   * along with the ticket's locked read in this transaction (none if they were not). They stay
   * until the transaction ends: clocks are written only in their ticket's commits, which queue
   * on its row lock, and no statement deletes a clock row.
   */
  private java.util.Set<ClockKey> stored(JdbcTransaction tx, SlaChanges changes) {
    if (changes.updates().isEmpty()
        || !(tx.prefetched(currentClocks).orElse(null) instanceof Prefetched p)) {
      return java.util.Set.of();
    }
    java.util.Set<ClockKey> keys = new java.util.HashSet<>();
    for (SlaClock c : p.clocks().clocks()) {
      ClockKey k = c.key();
      if (k.tenant().equals(p.tenant()) && k.ticket().equals(p.ticket())) {
        keys.add(k);
      }
    }
    return keys;
  }

  @Override
  public void write(SlaChanges changes) {
    Objects.requireNonNull(changes, "changes");
    db.transaction("write SLA clocks", sql -> {
      execute(sql, changes);
      return null;
    });
  }

  private void execute(DSLContext sql, SlaChanges changes) {
    try {
      db.shaped().executeAll(Database.connection(sql),
          withReport(writes.statements(sql, changes), changes));
    } catch (java.sql.SQLException e) {
      throw new org.jooq.exception.DataAccessException(e.getMessage(), e);
    }
  }

  /** The write's statements, with the report's rows of the clocks it stops (ReportClockRows). */
  private List<ShapedSql.Statement> withReport(List<ShapedSql.Statement> st, SlaChanges c) {
    if (!reportClocks.get()) {
      return st;
    }
    List<ShapedSql.Statement> all = new ArrayList<>(st);
    ReportClockRows.addTo(reportClocks, db.shaped(), c, all);
    return all;
  }

  @Override
  public boolean complete(DueWork work, Instant doneAt, TransactionContext transaction) {
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(doneAt, "doneAt");
    return inCommit("record SLA work " + work.key() + " done", transaction, sql -> {
      Condition row = WORK.tenantId.eq(work.tenant().value())
          .and(WORK.ticketId.eq(work.ticket().value())).and(WORK.workKey.eq(work.key()))
          .and(WORK.dueAt.eq(work.dueAt()));
      String later = sql.select(SlaTables.WORK_LATER).from(WORK.table).where(row)
          .fetchOne(SlaTables.WORK_LATER);
      int taken = sql.deleteFrom(WORK.table).where(row).execute();
      if (taken != 1 || claims.recordDone(sql, List.of(work), doneAt).isEmpty()) {
        return false;
      }
      if (work instanceof LadderLevelDue l && later != null && !later.isEmpty()) {
        claims.scheduleNext(sql, List.of(SlaRows.later(l.clock(), later)));
      }
      return true;
    });
  }

  @Override
  public List<DueWork> due(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    checkLimit(limit);
    return db.read("read due SLA work", sql -> sql.select(WORK.all()).from(WORK.table)
        .where(WORK.dueAt.le(now)).and(notDone())
        .orderBy(WORK.dueAt, WORK.tenantId, WORK.ticketId, WORK.workKey).limit(limit)
        .fetch(r -> SlaRows.work(WORK, r))).stream().sorted(DueWork.ORDER).toList();
  }

  /** Work rows whose key has no done record. */
  static Condition notDone() {
    return DSL.notExists(DSL.selectOne().from(DONE.table)
        .where(DONE.tenantId.eq(WORK.tenantId)).and(DONE.ticketId.eq(WORK.ticketId))
        .and(DONE.workKey.eq(WORK.workKey)));
  }

  @Override
  public int claim(List<? extends DueWork> work, Instant now, DueHandler handler) {
    return claims.claim(work, now, handler);
  }

  @Override
  public Optional<Instant> nextDueAt() {
    return db.read("find the next due SLA work", sql -> sql.select(WORK.dueAt)
        .from(WORK.table).where(notDone()).orderBy(WORK.dueAt).limit(1)
        .fetchOptional(WORK.dueAt));
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
    return sorted(db.read("read the SLA clocks of ticket " + ticket, sql -> sql
        .select(Clock.ALL).from(Clock.TABLE).where(Clock.TENANT_ID.eq(tenant.value()))
        .and(Clock.TICKET_ID.eq(ticket.value())).fetch(SlaRows::clock)));
  }

  @Override
  public List<SlaClock> clocks(TenantId tenant, Instant fromInclusive, Instant toExclusive) {
    Objects.requireNonNull(tenant, "tenant");
    checkPeriod(fromInclusive, toExclusive);
    return sorted(db.read("read the SLA clocks of tenant " + tenant + " in a period", sql -> sql
        .select(Clock.ALL).from(Clock.TABLE).where(Clock.TENANT_ID.eq(tenant.value()))
        .and(Clock.STOPPED_AT.isNull().or(Clock.STOPPED_AT.ge(fromInclusive)))
        .and(Clock.STARTED_AT.lt(toExclusive)).fetch(SlaRows::clock)));
  }

  private static List<SlaClock> sorted(List<SlaClock> clocks) {
    return clocks.stream().sorted(Comparator.comparing(SlaClock::key)).toList();
  }

  @Override
  public List<DueWork> pending(TenantId tenant, TicketId ticket) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticket, "ticket");
    List<DueWork> pending = db.read("read the pending SLA work of ticket " + ticket, sql -> {
      List<DueWork> out = new ArrayList<>();
      sql.select(WORK.all()).select(SlaTables.WORK_LATER).from(WORK.table)
          .where(WORK.tenantId.eq(tenant.value())).and(WORK.ticketId.eq(ticket.value()))
          .and(notDone()).forEach(r -> {
            DueWork w = SlaRows.work(WORK, r);
            out.add(w);
            if (w instanceof LadderLevelDue l) {
              out.addAll(SlaRows.later(l.clock(), r.get(SlaTables.WORK_LATER)));
            }
          });
      return out;
    });
    if (pending.stream().anyMatch(w -> w instanceof LadderLevelDue)) {
      java.util.Set<String> done = new java.util.HashSet<>();
      done(tenant, ticket).forEach(d -> done.add(d.work().key()));
      pending = pending.stream().filter(w -> !done.contains(w.key())).toList();
    }
    return pending.stream().sorted(DueWork.ORDER).toList();
  }

  @Override
  public List<DoneWork> done(TenantId tenant, TicketId ticket) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticket, "ticket");
    return db.read("read the done SLA work of ticket " + ticket, sql -> sql
        .select(DONE.all()).select(DONE.doneAt).from(DONE.table)
        .where(DONE.tenantId.eq(tenant.value())).and(DONE.ticketId.eq(ticket.value()))
        .fetch(JdbcSlaStore::done)).stream()
        .sorted(Comparator.comparing(DoneWork::work, DueWork.ORDER)).toList();
  }

  @Override
  public List<DoneWork> done(TenantId tenant, Instant fromInclusive, Instant toExclusive) {
    Objects.requireNonNull(tenant, "tenant");
    checkPeriod(fromInclusive, toExclusive);
    return db.read("read the done SLA work of tenant " + tenant + " in a period", sql -> sql
        .select(DONE.all()).select(DONE.doneAt).from(DONE.table)
        .where(DONE.tenantId.eq(tenant.value())).and(DONE.doneAt.ge(fromInclusive))
        .and(DONE.doneAt.lt(toExclusive)).fetch(JdbcSlaStore::done)).stream()
        .sorted(Comparator.comparing(DoneWork::doneAt)
            .thenComparing(DoneWork::work, DueWork.ORDER)).toList();
  }

  private static DoneWork done(Record r) {
    return new DoneWork(SlaRows.work(DONE, r), r.get(DONE.doneAt));
  }

  private static void checkLimit(int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be 1 or more");
    }
  }

  private static void checkPeriod(Instant fromInclusive, Instant toExclusive) {
    Objects.requireNonNull(fromInclusive, "fromInclusive");
    Objects.requireNonNull(toExclusive, "toExclusive");
    if (!toExclusive.isAfter(fromInclusive)) {
      throw new InvalidInputException("toExclusive", toExclusive,
          "must be after fromInclusive " + fromInclusive);
    }
  }
}
