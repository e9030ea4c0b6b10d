package dev.ticketkit.jdbc;

import dev.ticketkit.jdbc.internal.SlaRows;
import dev.ticketkit.jdbc.internal.SlaTables;
import dev.ticketkit.jdbc.internal.SlaTables.Clock;
import dev.ticketkit.jdbc.internal.ShapedSql;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.SlaChanges;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.Record;
import org.jooq.RowN;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The statements of one SLA write, which touch disjoint rows and so may run in any order or as
 * one statement (see {@link ShapedSql#executeAll}): a multi-row upsert of the changed clocks, a
 * delete of their pending ladder levels that the new schedules no longer hold, an upsert of the
 * new schedules' levels (a level moves to its new due instant) and an insert of the triggered
 * event rules that are not pending yet; levels and rules already done are left out (the change
 * that opened the ticket, version 1, has neither old levels nor done records, and skips both the
 * delete and the done check). Each
 * statement's shape is rendered once (see {@link ShapedSql}). Stateless and thread-safe.
 *
 * <p>A clock is marked {@code latest} if it is open or the same write holds no later cycle of its
 * metric: the engine rewrites the previous clock of a metric when it starts the next one, so the
 * latest flags stay exact and a ticket change reads only its few current clocks. (Handoff clocks
 * of several handoffs are open side by side; each stays {@code latest} while open.)
 */
final class SlaWrites {

  private static final SlaTables.WorkColumns WORK = SlaTables.WORK;
  private static final SlaTables.DoneColumns DONE = SlaTables.DONE;
  private static final List<Field<?>> CLOCK_KEY = List.of(Clock.TENANT_ID, Clock.TICKET_ID,
      Clock.METRIC, Clock.CYCLE);
  private static final List<Field<?>> WORK_KEY = List.of(WORK.tenantId, WORK.ticketId,
      WORK.workKey);

  private final ShapedSql shaped;

  SlaWrites(ShapedSql shaped) {
    this.shaped = shaped;
  }

  /**
   * Returns the statements of a write, none if it changes nothing.
   *
   * @param sql a context of the database's dialect, to build statements with
   * @param changes the write
   * @return the statements, in no required order
   */
  List<ShapedSql.Statement> statements(DSLContext sql, SlaChanges changes) {
    List<ShapedSql.Statement> all = new ArrayList<>();
    if (!changes.updates().isEmpty()) {
      all.add(upsertClocks(changes));
    }
    Map<List<Object>, DueWork> levels = new LinkedHashMap<>();
    changes.updates().forEach(u -> u.schedule().forEach(w -> levels.putIfAbsent(key(w), w)));
    // The change that opened the ticket finds no SLA rows of it: nothing to delete, nothing done.
    boolean opening = changes.ticketVersion() == 1;
    if (!changes.updates().isEmpty() && !opening) {
      all.add(deleteOtherLevels(sql, changes.updates(), levels.values()));
    }
    if (!levels.isEmpty()) {
      all.add(insertWork(sql, List.copyOf(levels.values()), true, opening));
    }
    Map<List<Object>, DueWork> rules = new LinkedHashMap<>();
    changes.rules().forEach(r -> rules.putIfAbsent(key(r), r));
    if (!rules.isEmpty()) {
      all.add(insertWork(sql, List.copyOf(rules.values()), false, opening));
    }
    return all;
  }

  /** A work row's primary key. */
  private static List<Object> key(DueWork w) {
    return List.of(w.tenant(), w.ticket(), w.key());
  }

  private ShapedSql.Statement upsertClocks(SlaChanges changes) {
    Map<SlaMetric, Integer> top = new EnumMap<>(SlaMetric.class);
    for (ClockUpdate u : changes.updates()) {
      top.merge(u.clock().key().metric(), u.clock().key().cycle(), Math::max);
    }
    List<Map<Field<?>, Object>> rows = new ArrayList<>();
    for (ClockUpdate u : changes.updates()) {
      boolean latest = u.clock().isOpen()
          || top.get(u.clock().key().metric()) == u.clock().key().cycle();
      rows.add(SlaRows.values(u.clock(), changes.ticketVersion(), latest));
    }
    return shaped.upsertStatement(Clock.TABLE, rows, CLOCK_KEY);
  }

  /**
   * Deletes the pending levels of the updated clocks except those the new schedules hold (which
   * {@link #insertWork} moves), so the two statements touch disjoint rows.
   *
   * <p>The condition names each ticket once, {@code tenant_id = ? and ticket_id = ? and (metric,
   * cycle) in (...)}, and ORs the tickets (a ticket change has one): the primary key's prefix is
   * then an index condition in any plan. A row-value list over all four columns, one row per
   * clock, is an OR of conjunctions that PostgreSQL serves with a bitmap OR or, when the table
   * looks small, a sequential scan; a generic plan made while the table was young keeps that
   * scan while deleted rows pile up (measured in the issue 17 harness on a never analysed
   * database: CPU per lifecycle doubled in ten minutes).
   */
  private ShapedSql.Statement deleteOtherLevels(DSLContext sql, List<ClockUpdate> updates,
      Collection<DueWork> kept) {
    Map<List<Object>, List<ClockKey>> byTicket = new LinkedHashMap<>();
    for (ClockUpdate u : updates) {
      ClockKey k = u.clock().key();
      List<ClockKey> clocks = byTicket.computeIfAbsent(List.of(k.tenant(), k.ticket()),
          t -> new ArrayList<>());
      if (!clocks.contains(k)) {
        clocks.add(k);
      }
    }
    List<Field<?>> columns = new ArrayList<>(List.of(WORK.kind));
    List<Object> values = new ArrayList<>(List.of(SlaRows.LEVEL));
    List<Integer> clocksPerTicket = new ArrayList<>();
    for (List<ClockKey> clocks : byTicket.values()) {
      ClockKey first = clocks.get(0);
      columns.addAll(List.of(WORK.tenantId, WORK.ticketId));
      values.addAll(List.of(first.tenant().value(), first.ticket().value()));
      for (ClockKey k : clocks) {
        columns.addAll(List.of(WORK.metric, WORK.cycle));
        values.addAll(List.of(k.metric().name(), k.cycle()));
      }
      clocksPerTicket.add(clocks.size());
    }
    for (DueWork w : kept) {
      columns.addAll(WORK_KEY);
      values.addAll(List.of(w.tenant().value(), w.ticket().value(), w.key()));
    }
    int keptCount = kept.size();
    List<Object> shape = List.of("deleteOtherLevels", List.copyOf(clocksPerTicket), keptCount);
    return shaped.statement(shape, () -> {
      List<org.jooq.Condition> tickets = new ArrayList<>();
      for (int count : clocksPerTicket) {
        tickets.add(WORK.tenantId.eq(ShapedSql.param(WORK.tenantId))
            .and(WORK.ticketId.eq(ShapedSql.param(WORK.ticketId)))
            .and(DSL.row(WORK.metric, WORK.cycle).in(Collections.nCopies(count,
                DSL.row(ShapedSql.param(WORK.metric), ShapedSql.param(WORK.cycle))))));
      }
      var delete = sql.deleteFrom(WORK.table)
          .where(WORK.kind.eq(ShapedSql.param(WORK.kind)))
          .and(DSL.or(tickets));
      return keptCount == 0 ? delete : delete.and(DSL.row(WORK.tenantId, WORK.ticketId,
          WORK.workKey).notIn(Collections.nCopies(keptCount, DSL.row(
              ShapedSql.param(WORK.tenantId), ShapedSql.param(WORK.ticketId),
              ShapedSql.param(WORK.workKey)))));
    }, columns, values);
  }

  /**
   * Inserts work that is not done: levels replace a pending row of their key (a new due
   * instant), rules leave a pending row of their key as it is (a rule triggered twice is added
   * once).
   */
  private ShapedSql.Statement insertWork(DSLContext sql, List<DueWork> work, boolean levels,
      boolean opening) {
    List<Field<?>> columns = WORK.all();
    List<Field<?>> bound = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (DueWork w : work) {
      Map<Field<?>, Object> row = SlaRows.values(WORK, w);
      for (Field<?> c : columns) {
        bound.add(c);
        values.add(row.get(c));
      }
    }
    int count = work.size();
    return shaped.statement(List.of("insertWork", levels, count, opening), () -> {
      List<RowN> rows = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        rows.add(DSL.row(columns.stream().map(ShapedSql::param).toList()));
      }
      String[] names = columns.stream().map(Field::getName).toArray(String[]::new);
      Table<?> v = DSL.values(rows.toArray(RowN[]::new)).as("v", names);
      Field<String> tenant = v.field(WORK.tenantId.getName(), String.class);
      Field<java.util.UUID> ticket = v.field(WORK.ticketId.getName(), java.util.UUID.class);
      Field<String> key = v.field(WORK.workKey.getName(), String.class);
      var done = DSL.selectOne().from(DONE.table).where(DONE.tenantId.eq(tenant))
          .and(DONE.ticketId.eq(ticket)).and(DONE.workKey.eq(key));
      // On PostgreSQL, OFFSET 0 keeps the check a per-row probe of the done table's primary key:
      // pulled up into an anti join, a generic plan made while the table is small hashes (reads)
      // the whole table, and keeps doing so as it grows.
      InsertOnDuplicateStep<Record> insert = sql.insertInto(WORK.table, columns)
          .select(opening ? DSL.select(v.fields()).from(v)
              : DSL.select(v.fields()).from(v).whereNotExists(
              shaped.kind() == DatabaseKind.POSTGRESQL ? done.offset(DSL.inline(0)) : done));
      if (!levels) {
        return insert.onConflict(WORK_KEY).doNothing();
      }
      Map<Field<?>, Object> moved = new LinkedHashMap<>();
      for (Field<?> c : columns) {
        if (!WORK_KEY.contains(c)) {
          moved.put(c, DSL.excluded(c));
        }
      }
      return insert.onConflict(WORK_KEY).doUpdate().set(moved);
    }, bound, values);
  }
}
