package dev.ticketkit.jdbc;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.SlaRows;
import dev.ticketkit.jdbc.internal.SlaTables.Clock;
import dev.ticketkit.jdbc.internal.SlaTables.Due;
import dev.ticketkit.jdbc.internal.SlaTables.Fired;
import dev.ticketkit.jdbc.internal.SqlErrors;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.store.DueEscalation;
import dev.ticketkit.sla.store.DueHandler;
import dev.ticketkit.sla.store.SlaStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Row4;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Claims due escalations for {@link JdbcSlaStore#processDue}: one READ COMMITTED transaction
 * that locks due index rows with {@code SELECT ... ORDER BY due_at ... LIMIT n FOR UPDATE SKIP
 * LOCKED}, records each current, unfired entry as fired, hands it to the handler, and deletes the
 * rows it took.
 *
 * <p>Implementation notes. The locking query reads the index table alone, so it locks index rows
 * only: never a clock row (which a handler may rewrite) nor a fired row. Rows of an older
 * generation (superseded by a later write) and rows whose level fired meanwhile are taken too and
 * deleted without being handed over; the loop then claims again until {@code limit} entries were
 * handed over or nothing is due. The fired records of a batch are inserted in one statement that
 * skips existing ones and returns those it inserted ({@code ON CONFLICT DO NOTHING RETURNING} on
 * PostgreSQL, {@code INSERT IGNORE ... RETURNING} on MariaDB; on H2 one insert per entry with
 * the duplicate-key error caught, as a failed statement does not abort an H2 transaction), and an
 * entry is handed over only if its record was inserted: two claims that raced on two generations
 * of one level cannot both fire it. PostgreSQL and MariaDB (10.6 and later) honour SKIP LOCKED across nodes; H2 2.x honours it
 * across the connections of its one process, which is all an embedded H2 has. Thread-safe.
 */
final class SlaClaims {

  private static final int MAX_ROUNDS = 20;

  private final Database db;

  SlaClaims(Database db) {
    this.db = db;
  }

  /** Rows of the clock's current schedule generation. */
  static Condition current() {
    return DSL.exists(DSL.selectOne().from(Clock.TABLE)
        .where(Clock.TENANT_ID.eq(Due.TENANT_ID)).and(Clock.TICKET_ID.eq(Due.TICKET_ID))
        .and(Clock.METRIC.eq(Due.METRIC)).and(Clock.CYCLE.eq(Due.CYCLE))
        .and(Clock.GENERATION.eq(Due.GENERATION)));
  }

  /** Rows whose level has not fired. */
  static Condition notFired() {
    return DSL.notExists(DSL.selectOne().from(Fired.TABLE)
        .where(Fired.TENANT_ID.eq(Due.TENANT_ID)).and(Fired.TICKET_ID.eq(Due.TICKET_ID))
        .and(Fired.METRIC.eq(Due.METRIC)).and(Fired.CYCLE.eq(Due.CYCLE))
        .and(Fired.LEVEL.eq(Due.LEVEL)));
  }

  int processDue(Instant now, int limit, DueHandler handler) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(handler, "handler");
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be 1 or more");
    }
    return db.readCommittedTransaction("claim due escalations", sql -> {
      int handed = 0;
      for (int round = 0; round < MAX_ROUNDS && handed < limit; round++) {
        List<? extends Record> rows = claim(sql, now, limit - handed);
        if (rows.isEmpty()) {
          break;
        }
        handed += handOver(sql, rows, now, handler);
        delete(sql, rows);
      }
      return handed;
    });
  }

  private static List<? extends Record> claim(DSLContext sql, Instant now, int limit) {
    return sql.select(Due.TENANT_ID, Due.TICKET_ID, Due.METRIC, Due.CYCLE, Due.GENERATION,
            Due.LEVEL, Due.DUE_AT)
        .from(Due.TABLE).where(Due.DUE_AT.le(now))
        .orderBy(Due.DUE_AT, Due.TENANT_ID, Due.TICKET_ID, Due.METRIC, Due.CYCLE, Due.LEVEL)
        .limit(limit).forUpdate().skipLocked().fetch();
  }

  private int handOver(
      DSLContext sql, List<? extends Record> rows, Instant now, DueHandler handler) {
    Map<ClockKey, Long> generations = generations(sql, rows);
    List<DueEscalation> current = new ArrayList<>();
    for (Record r : rows) {
      ClockKey key = SlaRows.key(r, Due.TENANT_ID, Due.TICKET_ID, Due.METRIC, Due.CYCLE);
      if (r.get(Due.GENERATION).equals(generations.get(key))) {
        current.add(new DueEscalation(key, r.get(Due.LEVEL), r.get(Due.DUE_AT)));
      }
    }
    Set<FiredKey> recorded = recordFired(sql, current, now);
    int handed = 0;
    for (DueEscalation due : current) {
      if (recorded.contains(new FiredKey(due.clock(), due.level()))) {
        handle(handler, due);
        handed++;
      }
    }
    return handed;
  }

  private static void handle(DueHandler handler, DueEscalation due) {
    try {
      handler.handle(due);
    } catch (RuntimeException e) {
      throw new SlaStoreException("the escalation handler failed on level " + due.level()
          + " of clock " + due.clock() + "; no escalation of this call was recorded", e);
    }
  }

  /** A fired (clock, level). */
  private record FiredKey(ClockKey clock, int level) {}

  /** Reads the current generation of every clock the claimed rows belong to, in one query. */
  private static Map<ClockKey, Long> generations(DSLContext sql, List<? extends Record> rows) {
    List<Row4<String, UUID, String, Integer>> keys = new ArrayList<>();
    for (Record r : rows) {
      keys.add(DSL.row(r.get(Due.TENANT_ID), r.get(Due.TICKET_ID), r.get(Due.METRIC),
          r.get(Due.CYCLE)));
    }
    Map<ClockKey, Long> generations = new HashMap<>();
    sql.select(Clock.TENANT_ID, Clock.TICKET_ID, Clock.METRIC, Clock.CYCLE, Clock.GENERATION)
        .from(Clock.TABLE)
        .where(DSL.row(Clock.TENANT_ID, Clock.TICKET_ID, Clock.METRIC, Clock.CYCLE).in(keys))
        .forEach(c -> generations.put(
            SlaRows.key(c, Clock.TENANT_ID, Clock.TICKET_ID, Clock.METRIC, Clock.CYCLE),
            c.get(Clock.GENERATION)));
    return generations;
  }

  /**
   * Inserts the fired records of the entries and returns those actually inserted (a level that
   * fired meanwhile is left out): one multi-row {@code INSERT ... ON CONFLICT DO NOTHING
   * RETURNING} on PostgreSQL, {@code INSERT IGNORE ... RETURNING} on MariaDB, one insert per
   * entry on H2.
   */
  private Set<FiredKey> recordFired(DSLContext sql, List<DueEscalation> entries, Instant now) {
    Set<FiredKey> inserted = new HashSet<>();
    if (entries.isEmpty()) {
      return inserted;
    }
    if (db.kind() == DatabaseKind.H2) {
      for (DueEscalation e : entries) {
        if (insertOne(sql, e, now)) {
          inserted.add(new FiredKey(e.clock(), e.level()));
        }
      }
      return inserted;
    }
    var insert = sql.insertInto(Fired.TABLE, Fired.TENANT_ID, Fired.TICKET_ID, Fired.METRIC,
        Fired.CYCLE, Fired.LEVEL, Fired.DUE_AT, Fired.FIRED_AT);
    for (DueEscalation e : entries) {
      insert = insert.values(e.clock().tenant().value(), e.clock().ticket().value(),
          e.clock().metric().name(), e.clock().cycle(), e.level(), e.dueAt(), now);
    }
    insert.onConflictDoNothing()
        .returningResult(Fired.TENANT_ID, Fired.TICKET_ID, Fired.METRIC, Fired.CYCLE, Fired.LEVEL)
        .fetch().forEach(r -> inserted.add(new FiredKey(
            SlaRows.key(r, Fired.TENANT_ID, Fired.TICKET_ID, Fired.METRIC, Fired.CYCLE),
            r.get(Fired.LEVEL))));
    return inserted;
  }

  private static boolean insertOne(DSLContext sql, DueEscalation due, Instant now) {
    try {
      return sql.insertInto(Fired.TABLE)
          .set(Fired.TENANT_ID, due.clock().tenant().value())
          .set(Fired.TICKET_ID, due.clock().ticket().value())
          .set(Fired.METRIC, due.clock().metric().name()).set(Fired.CYCLE, due.clock().cycle())
          .set(Fired.LEVEL, due.level()).set(Fired.DUE_AT, due.dueAt()).set(Fired.FIRED_AT, now)
          .execute() == 1;
    } catch (DataAccessException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Deletes the claimed rows one primary key at a time, in one JDBC batch: each delete touches
   * exactly one row this transaction has locked (a single statement over many keys may be planned
   * as a scan on MariaDB, which then waits on other claims' rows and deadlocks).
   */
  private static void delete(DSLContext sql, List<? extends Record> rows) {
    BatchBindStep batch = sql.batch(sql.deleteFrom(Due.TABLE)
        .where(Due.TENANT_ID.eq(DSL.param("tenant", String.class)))
        .and(Due.TICKET_ID.eq(DSL.param("ticket", UUID.class)))
        .and(Due.METRIC.eq(DSL.param("metric", String.class)))
        .and(Due.CYCLE.eq(DSL.param("cycle", Integer.class)))
        .and(Due.GENERATION.eq(DSL.param("generation", Long.class)))
        .and(Due.LEVEL.eq(DSL.param("level", Integer.class))));
    for (Record r : rows) {
      batch = batch.bind(r.get(Due.TENANT_ID), r.get(Due.TICKET_ID), r.get(Due.METRIC),
          r.get(Due.CYCLE), r.get(Due.GENERATION), r.get(Due.LEVEL));
    }
    batch.execute();
  }
}
