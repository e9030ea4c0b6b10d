package dev.ticketkit.jdbc;

import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.SlaRows;
import dev.ticketkit.jdbc.internal.SlaTables;
import dev.ticketkit.jdbc.internal.SqlErrors;
import dev.ticketkit.jdbc.internal.TicketTables.Tk;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.store.DueHandler;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.SlaStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;
import org.jooq.Row3;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Claims due work for {@link JdbcSlaStore#claim} and records work done: one READ COMMITTED
 * transaction that locks the tickets of the given ladder levels and the given work rows with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}, records each row still as planned as done, hands it
 * to the handler, deletes the rows, and makes the next level of each handed level's clock (from
 * the row's {@code later}) due work.
 *
 * <p>Implementation notes. Rows another claim holds are skipped, not waited for; a row whose due
 * instant differs from the planned one was rescheduled meanwhile and is left alone. The done
 * records of a batch are inserted in one statement that skips existing ones and returns those it
 * inserted ({@code ON CONFLICT DO NOTHING RETURNING} on PostgreSQL, {@code INSERT IGNORE ...
 * RETURNING} on MariaDB; on H2 one insert per piece with the duplicate-key error caught, as a
 * failed statement does not abort an H2 transaction): a piece is handed over only if its record
 * was inserted, so two nodes never both do it. PostgreSQL and MariaDB (10.6 and later) honour
 * SKIP LOCKED across nodes; H2 2.x across the connections of its one process. Thread-safe.
 */
final class SlaClaims {

  private static final SlaTables.WorkColumns WORK = SlaTables.WORK;
  private static final SlaTables.DoneColumns DONE = SlaTables.DONE;

  private final Database db;
  private final SlaWrites writes;

  SlaClaims(Database db, SlaWrites writes) {
    this.db = db;
    this.writes = writes;
  }

  int claim(List<? extends DueWork> work, Instant now, DueHandler handler) {
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(handler, "handler");
    if (work.isEmpty()) {
      return 0;
    }
    return db.readCommittedTransaction("claim due SLA work", sql -> {
      Map<DueWork, String> locked = lock(sql, withTicketsHeld(sql, work));
      Set<String> recorded = recordDone(sql, List.copyOf(locked.keySet()), now);
      int handed = 0;
      List<List<LadderLevelDue>> next = new ArrayList<>();
      for (Map.Entry<DueWork, String> e : locked.entrySet()) {
        DueWork w = e.getKey();
        if (recorded.contains(id(w))) {
          handle(handler, w);
          handed++;
          if (w instanceof LadderLevelDue l && !e.getValue().isEmpty()) {
            next.add(SlaRows.later(l.clock(), e.getValue()));
          }
        }
      }
      delete(sql, List.copyOf(locked.keySet()));
      scheduleNext(sql, next);
      return handed;
    });
  }

  /**
   * Makes the next level of each chain that is not done its clock's due work, in the caller's
   * transaction (after the level before it was recorded done).
   */
  void scheduleNext(DSLContext sql, List<List<LadderLevelDue>> chains) {
    if (chains.isEmpty()) {
      return;
    }
    try {
      db.shaped().executeAll(Database.connection(sql),
          List.of(writes.nextLevels(sql, chains)));
    } catch (java.sql.SQLException e) {
      throw new DataAccessException(e.getMessage(), e);
    }
  }

  /**
   * Returns the pieces whose ticket this transaction holds, or that have no ticket row: the
   * ladder levels' tickets are locked first ({@code FOR UPDATE SKIP LOCKED}), so that a ticket
   * change of the same ticket either runs wholly after this claim (and its statements see the
   * next level this claim schedules and the done record) or wholly before it (and this claim
   * finds the levels as that change left them). A level whose ticket another transaction holds
   * is left for a later call. Event rules need no ticket lock: nothing follows them.
   */
  private static List<DueWork> withTicketsHeld(DSLContext sql, List<? extends DueWork> work) {
    Set<List<Object>> tickets = new LinkedHashSet<>();
    for (DueWork w : work) {
      if (w instanceof LadderLevelDue) {
        tickets.add(List.of(w.tenant().value(), w.ticket().value()));
      }
    }
    if (tickets.isEmpty()) {
      return List.copyOf(work);
    }
    // By id alone (ticket ids are unique across tenants): a primary-key lookup on every database.
    Set<UUID> ids = new LinkedHashSet<>();
    tickets.forEach(t -> ids.add((UUID) t.get(1)));
    Set<List<Object>> held = new HashSet<>(sql.select(Tk.TENANT_ID, Tk.ID).from(Tk.TABLE)
        .where(Tk.ID.in(ids)).forUpdate().skipLocked()
        .fetch(r -> List.<Object>of(r.value1(), r.value2())));
    Set<List<Object>> busy = new HashSet<>();
    if (held.size() < tickets.size()) {
      busy.addAll(sql.select(Tk.TENANT_ID, Tk.ID).from(Tk.TABLE).where(Tk.ID.in(ids))
          .fetch(r -> List.<Object>of(r.value1(), r.value2())));
      busy.removeAll(held);
    }
    List<DueWork> out = new ArrayList<>();
    for (DueWork w : work) {
      if (!busy.contains(List.<Object>of(w.tenant().value(), w.ticket().value()))) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * Locks the rows of the planned work that no other claim holds and that are as planned, and
   * returns each with its {@code later} levels (in planned order).
   */
  private static Map<DueWork, String> lock(DSLContext sql, List<? extends DueWork> work) {
    Map<DueWork, String> locked = new LinkedHashMap<>();
    if (work.isEmpty()) {
      return locked;
    }
    List<Row3<String, UUID, String>> keys = new ArrayList<>();
    for (DueWork w : work) {
      keys.add(DSL.row(w.tenant().value(), w.ticket().value(), w.key()));
    }
    Map<DueWork, String> rows = new HashMap<>();
    sql.select(WORK.all()).select(SlaTables.WORK_LATER).from(WORK.table)
        .where(DSL.row(WORK.tenantId, WORK.ticketId, WORK.workKey).in(keys))
        .forUpdate().skipLocked()
        .forEach(r -> rows.put(SlaRows.work(WORK, r), laterOf(r.get(SlaTables.WORK_LATER))));
    for (DueWork w : work) {
      String later = rows.get(w);
      if (later != null) {
        locked.put(w, later);
      }
    }
    return locked;
  }

  private static String laterOf(@Nullable String later) {
    return later == null ? "" : later;
  }

  private static void handle(DueHandler handler, DueWork w) {
    try {
      handler.handle(w);
    } catch (RuntimeException e) {
      throw new SlaStoreException("the SLA work handler failed on " + w.key() + " of ticket "
          + w.ticket() + "; none of this call's work was recorded as done", e);
    }
  }

  private static String id(DueWork w) {
    return w.tenant() + "/" + w.ticket() + "/" + w.key();
  }

  /**
   * Inserts the done records of the work and returns the ids of those actually inserted (work
   * done meanwhile is left out).
   */
  Set<String> recordDone(DSLContext sql, List<? extends DueWork> work, Instant now) {
    Set<String> inserted = new HashSet<>();
    if (work.isEmpty()) {
      return inserted;
    }
    if (db.kind() == DatabaseKind.H2) {
      for (DueWork w : work) {
        if (insertOne(sql, w, now)) {
          inserted.add(id(w));
        }
      }
      return inserted;
    }
    InsertSetMoreStep<Record> insert = null;
    for (DueWork w : work) {
      Map<Field<?>, Object> values = doneValues(w, now);
      insert = insert == null ? sql.insertInto(DONE.table).set(values)
          : insert.newRecord().set(values);
    }
    Objects.requireNonNull(insert).onConflictDoNothing()
        .returningResult(DONE.tenantId, DONE.ticketId, DONE.workKey).fetch()
        .forEach(r -> inserted.add(r.value1() + "/" + r.value2() + "/" + r.value3()));
    return inserted;
  }

  private static Map<Field<?>, Object> doneValues(DueWork w, Instant now) {
    Map<Field<?>, Object> values = SlaRows.values(DONE, w);
    values.put(DONE.doneAt, now);
    return values;
  }

  private static boolean insertOne(DSLContext sql, DueWork w, Instant now) {
    try {
      return sql.insertInto(DONE.table).set(doneValues(w, now)).execute() == 1;
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
  private static void delete(DSLContext sql, List<DueWork> rows) {
    if (rows.isEmpty()) {
      return;
    }
    BatchBindStep batch = sql.batch(sql.deleteFrom(WORK.table)
        .where(WORK.tenantId.eq(DSL.param("tenant", String.class)))
        .and(WORK.ticketId.eq(DSL.param("ticket", UUID.class)))
        .and(WORK.workKey.eq(DSL.param("key", String.class))));
    for (DueWork w : rows) {
      batch = batch.bind(w.tenant().value(), w.ticket().value(), w.key());
    }
    batch.execute();
  }
}
