package dev.ticketkit.jdbc;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.ReportTables.ReportClock;
import dev.ticketkit.jdbc.internal.ShapedSql;
import dev.ticketkit.jdbc.internal.SlaTables.Clock;
import dev.ticketkit.sla.clock.ClockState;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.SlaChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The rows of {@code tk_report_clock} (V16): one per stopped SLA clock, with the instants and the
 * business time the report reads already resolved from the clock's state.
 *
 * <p>Written only while the kit's SQL report source exists (the kit's switch, see
 * {@link JdbcTicketKit#reportSource()}): the SLA store then adds one upsert of the clocks a write
 * stops to the write's own statements ({@link #addTo}), so they commit together (on PostgreSQL
 * in the commit's one statement). Without the report source nothing is added. A stopped clock
 * never changes (the SLA engine returns a stopped clock as it is), so a row holds once written;
 * the upsert of a stopped clock that a later write carries again (to clear its {@code latest}
 * flag) rewrites the same values. {@link #backfill} fills the rows of clocks that stopped before
 * the source was attached, from {@code tk_sla_clock}, computing the same values in SQL.
 * Stateless and thread-safe.
 */
final class ReportClockRows {

  private static final List<Field<?>> KEY = List.of(ReportClock.TENANT_ID,
      ReportClock.TICKET_ID, ReportClock.METRIC, ReportClock.CYCLE);
  /** Clocks of {@code tk_sla_clock} per backfill transaction (about). */
  static final int BACKFILL_PAGE = 5_000;

  private ReportClockRows() {}

  /**
   * Adds the upsert of the clocks a write stops, if the report source is attached.
   *
   * @param attached the kit's switch, on once its report source exists
   * @param shaped the statement cache
   * @param changes the SLA write
   * @param statements the write's statements, extended in place
   */
  static void addTo(AtomicBoolean attached, ShapedSql shaped, SlaChanges changes,
      List<ShapedSql.Statement> statements) {
    if (!attached.get()) {
      return;
    }
    List<Map<Field<?>, Object>> rows = new ArrayList<>();
    for (ClockUpdate u : changes.updates()) {
      if (u.clock().stoppedAt() != null) {
        rows.add(values(u.clock()));
      }
    }
    if (!rows.isEmpty()) {
      statements.add(shaped.upsertStatement(ReportClock.TABLE, rows, KEY));
    }
  }

  /** The row of a stopped clock. */
  static Map<Field<?>, Object> values(SlaClock c) {
    Instant stopped = java.util.Objects.requireNonNull(c.stoppedAt(), "stoppedAt");
    ClockState state = c.state();
    Instant breached = state == ClockState.BREACHED ? c.dueAt() : null;
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(ReportClock.TENANT_ID, c.key().tenant().value());
    v.put(ReportClock.TICKET_ID, c.key().ticket().value());
    v.put(ReportClock.METRIC, c.key().metric().name());
    v.put(ReportClock.CYCLE, c.key().cycle());
    v.put(ReportClock.TICKET_CYCLE, c.ticketCycle());
    v.put(ReportClock.PRIORITY, c.target().priority().name());
    v.put(ReportClock.STARTED_AT, c.startedAt());
    v.put(ReportClock.STOPPED_AT, stopped);
    v.put(ReportClock.MET_AT, state == ClockState.MET ? stopped : null);
    v.put(ReportClock.BREACHED_AT, breached);
    v.put(ReportClock.CANCELLED_AT, state == ClockState.CANCELLED ? stopped : null);
    v.put(ReportClock.BUSINESS_MS, state == ClockState.CANCELLED ? null
        : c.elapsed().toNanos() / 1_000_000L);
    v.put(ReportClock.LAST_AT, breached != null && breached.isAfter(stopped) ? breached
        : stopped);
    return v;
  }

  /**
   * Writes the missing rows of a tenant's stopped clocks from {@code tk_sla_clock}, in pages of
   * about {@code pageSize} clocks by ticket id, one transaction each; rows already there
   * are left as they are (a stopped clock does not change). Safe to run while tickets change
   * and to run again.
   *
   * @param db the kit's database
   * @param tenant the tenant
   * @param pageSize about how many clocks each transaction reads (whole tickets)
   * @return the number of rows written
   */
  static long backfill(Database db, TenantId tenant, int pageSize) {
    long written = 0;
    UUID after = null;
    for (;;) {
      UUID from = after;
      Object[] page = db.transaction("backfill the report clocks of tenant " + tenant,
          sql -> backfillPage(sql, db.kind(), tenant, from, pageSize));
      written += (Integer) page[0];
      if (page[1] == null) {
        return written;
      }
      after = (UUID) page[1];
    }
  }

  /** One page after a ticket id: {rows written, the page's last ticket id or null at the end}. */
  private static Object[] backfillPage(DSLContext sql, DatabaseKind kind, TenantId tenant,
      @Nullable UUID after, int pageSize) {
    Condition mine = Clock.TENANT_ID.eq(tenant.value());
    if (after != null) {
      mine = mine.and(Clock.TICKET_ID.gt(after));
    }
    UUID last = sql.select(Clock.TICKET_ID).from(Clock.TABLE).where(mine)
        .orderBy(Clock.TICKET_ID).limit(1).offset(pageSize - 1)
        .fetchOne(Clock.TICKET_ID);
    Condition page = last == null ? mine : mine.and(Clock.TICKET_ID.le(last));
    return new Object[] {copy(sql, kind, page), last};
  }

  /** Inserts the rows of the stopped clocks of {@code tk_sla_clock} under a condition. */
  static int copy(DSLContext sql, DatabaseKind kind, Condition which) {
    Field<Instant> breached = DSL.when(Clock.STATE.eq(ClockState.BREACHED.name()),
        Clock.DUE_AT);
    Field<Long> millis = kind == DatabaseKind.MARIADB
        ? DSL.field("({0} div 1000000)", Long.class, Clock.ELAPSED_NANOS)
        : Clock.ELAPSED_NANOS.div(DSL.inline(1_000_000L));
    var rows = DSL.select(Clock.TENANT_ID, Clock.TICKET_ID, Clock.METRIC, Clock.CYCLE,
            Clock.TICKET_CYCLE, Clock.PRIORITY, Clock.STARTED_AT, Clock.STOPPED_AT,
            DSL.when(Clock.STATE.eq(ClockState.MET.name()), Clock.STOPPED_AT),
            breached,
            DSL.when(Clock.STATE.eq(ClockState.CANCELLED.name()), Clock.STOPPED_AT),
            DSL.when(Clock.STATE.ne(ClockState.CANCELLED.name()), millis),
            DSL.when(Clock.STATE.eq(ClockState.BREACHED.name())
                .and(Clock.DUE_AT.gt(Clock.STOPPED_AT)), Clock.DUE_AT)
                .otherwise(Clock.STOPPED_AT))
        .from(Clock.TABLE).where(which).and(Clock.STOPPED_AT.isNotNull());
    var insert = sql.insertInto(ReportClock.TABLE, ReportClock.ALL);
    if (kind == DatabaseKind.H2) {
      // jOOQ cannot emulate ON DUPLICATE KEY IGNORE on H2 for a table it knows only by name.
      return insert.select(rows.andNotExists(DSL.selectOne().from(ReportClock.TABLE)
          .where(ReportClock.TENANT_ID.eq(Clock.TENANT_ID))
          .and(ReportClock.TICKET_ID.eq(Clock.TICKET_ID))
          .and(ReportClock.METRIC.eq(Clock.METRIC)).and(ReportClock.CYCLE.eq(Clock.CYCLE))))
          .execute();
    }
    return insert.select(rows).onDuplicateKeyIgnore().execute();
  }
}
