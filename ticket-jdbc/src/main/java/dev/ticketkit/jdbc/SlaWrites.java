package dev.ticketkit.jdbc;

import dev.ticketkit.jdbc.internal.SlaRows;
import dev.ticketkit.jdbc.internal.SlaTables;
import dev.ticketkit.jdbc.internal.SlaTables.Clock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.SlaChanges;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;
import org.jooq.RowN;
import org.jooq.Row4;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The statements of one SLA write: a multi-row upsert of the changed clocks, one delete of their
 * pending ladder levels, and one insert of their new schedules and the triggered event rules,
 * leaving out work already done. Stateless and thread-safe.
 *
 * <p>A clock is marked {@code latest} unless the same write holds a later cycle of its metric:
 * the engine rewrites the previous clock of a metric when it starts the next one, so the latest
 * flags stay exact and a ticket change reads only its few current clocks.
 */
final class SlaWrites {

  private static final SlaTables.WorkColumns WORK = SlaTables.WORK;
  private static final SlaTables.DoneColumns DONE = SlaTables.DONE;

  private final DatabaseKind kind;

  SlaWrites(DatabaseKind kind) {
    this.kind = kind;
  }

  void write(DSLContext sql, SlaChanges changes) {
    if (!changes.updates().isEmpty()) {
      upsertClocks(sql, changes);
      deleteSchedules(sql, changes.updates());
    }
    List<DueWork> work = new ArrayList<>(changes.rules());
    changes.updates().forEach(u -> work.addAll(u.schedule()));
    insertWork(sql, work);
  }

  private void upsertClocks(DSLContext sql, SlaChanges changes) {
    Map<SlaMetric, Integer> top = new EnumMap<>(SlaMetric.class);
    for (ClockUpdate u : changes.updates()) {
      top.merge(u.clock().key().metric(), u.clock().key().cycle(), Math::max);
    }
    InsertSetMoreStep<Record> insert = null;
    Map<Field<?>, Object> last = null;
    for (ClockUpdate u : changes.updates()) {
      boolean latest = top.get(u.clock().key().metric()) == u.clock().key().cycle();
      last = SlaRows.values(kind, u.clock(), changes.ticketVersion(), latest);
      insert = insert == null ? sql.insertInto(Clock.TABLE).set(last)
          : insert.newRecord().set(last);
    }
    Map<Field<?>, Object> updates = new java.util.LinkedHashMap<>();
    for (Field<?> f : last.keySet()) {
      if (!isKey(f)) {
        updates.put(f, DSL.excluded(f));
      }
    }
    insert.onConflict(Clock.TENANT_ID, Clock.TICKET_ID, Clock.METRIC, Clock.CYCLE)
        .doUpdate().set(updates).execute();
  }

  private static boolean isKey(Field<?> f) {
    return f == Clock.TENANT_ID || f == Clock.TICKET_ID || f == Clock.METRIC || f == Clock.CYCLE;
  }

  private static void deleteSchedules(DSLContext sql, List<ClockUpdate> updates) {
    List<Row4<String, java.util.UUID, String, Integer>> keys = new ArrayList<>();
    for (ClockUpdate u : updates) {
      keys.add(DSL.row(u.clock().key().tenant().value(), u.clock().key().ticket().value(),
          u.clock().key().metric().name(), u.clock().key().cycle()));
    }
    sql.deleteFrom(WORK.table).where(WORK.kind.eq(SlaRows.LEVEL))
        .and(DSL.row(WORK.tenantId, WORK.ticketId, WORK.metric, WORK.cycle).in(keys)).execute();
  }

  /** Inserts work not already done (nor pending: an event rule added twice is added once). */
  private void insertWork(DSLContext sql, List<DueWork> work) {
    if (work.isEmpty()) {
      return;
    }
    List<Field<?>> columns = WORK.all();
    List<RowN> rows = new ArrayList<>();
    for (DueWork w : work) {
      Map<Field<?>, Object> values = SlaRows.values(WORK, w);
      List<Field<?>> typed = new ArrayList<>();
      for (Field<?> c : columns) {
        typed.add(value(c, values.get(c)));
      }
      rows.add(DSL.row(typed));
    }
    String[] names = columns.stream().map(Field::getName).toArray(String[]::new);
    Table<?> v = DSL.values(rows.toArray(RowN[]::new)).as("v", names);
    Field<String> tenant = v.field(WORK.tenantId.getName(), String.class);
    Field<java.util.UUID> ticket = v.field(WORK.ticketId.getName(), java.util.UUID.class);
    Field<String> key = v.field(WORK.workKey.getName(), String.class);
    sql.insertInto(WORK.table, columns).select(DSL.select(v.fields()).from(v)
            .whereNotExists(DSL.selectOne().from(DONE.table).where(DONE.tenantId.eq(tenant))
                .and(DONE.ticketId.eq(ticket)).and(DONE.workKey.eq(key)))
            .andNotExists(DSL.selectOne().from(WORK.table).where(WORK.tenantId.eq(tenant))
                .and(WORK.ticketId.eq(ticket)).and(WORK.workKey.eq(key))))
        .execute();
  }

  @SuppressWarnings("unchecked")
  private static <T> Field<T> value(Field<T> column, Object value) {
    return DSL.val((T) value, column);
  }
}
