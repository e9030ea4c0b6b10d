package dev.ticketkit.jdbc;

import dev.ticketkit.jdbc.internal.SlaRows;
import dev.ticketkit.jdbc.internal.SlaTables;
import dev.ticketkit.jdbc.internal.SlaTables.Clock;
import dev.ticketkit.jdbc.internal.ShapedSql;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.store.SlaChanges;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.RowN;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The statements of one SLA write, which touch disjoint rows and so may run in any order or as
 * one statement (see {@link ShapedSql#executeAll}): a multi-row upsert of the changed clocks, a
 * delete of their pending ladder levels that the new schedules no longer hold, an upsert of one
 * row per new schedule, its first level that is not done, which lists the levels after it in
 * {@code later} (a clock's levels become due work one at a time, see {@link SlaClaims}), and an
 * insert of the triggered event rules that are not pending yet; levels and rules already done
 * are left out (the change that opened the ticket, version 1, has neither old levels nor done
 * records, and skips both the delete and the done check). Each statement's shape is rendered
 * once (see {@link ShapedSql}). Stateless and thread-safe.
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
  /** The columns a ladder level row is written with: a work row's and {@code later}. */
  private static final List<Field<?>> LEVEL_COLUMNS = java.util.stream.Stream.concat(
      WORK.all().stream(), java.util.stream.Stream.of(SlaTables.WORK_LATER)).toList();

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
    return statements(sql, changes, Set.of());
  }

  /**
   * Returns the statements of a write, none if it changes nothing, knowing which of its clocks
   * have rows: on PostgreSQL (where the statements go as one) each of those is rewritten by a
   * plain {@code UPDATE ... WHERE <primary key> = ...}, which, unlike the upsert, does not lock
   * the row before updating it (a WAL record per row) nor take the speculative-insertion path;
   * the other clocks are upserted as before. Elsewhere every clock is upserted (one statement).
   *
   * @param sql a context of the database's dialect, to build statements with
   * @param changes the write
   * @param stored keys of clocks whose rows exist and stay until the write's transaction ends
   *     (the ticket's current clocks read under its row lock: clock rows are never deleted)
   * @return the statements, in no required order
   */
  List<ShapedSql.Statement> statements(DSLContext sql, SlaChanges changes,
      Set<ClockKey> stored) {
    List<ShapedSql.Statement> all = new ArrayList<>();
    // The change that opened the ticket finds no SLA rows of it: nothing to delete, nothing done.
    boolean opening = changes.ticketVersion() == 1;
    if (!changes.updates().isEmpty()) {
      writeClocks(all, changes, shaped.kind() == DatabaseKind.POSTGRESQL ? stored : Set.of());
    }
    List<List<LadderLevelDue>> schedules = new ArrayList<>();
    List<DueWork> scheduled = new ArrayList<>();
    for (ClockUpdate u : changes.updates()) {
      if (!u.schedule().isEmpty()) {
        schedules.add(SlaRows.inLadderOrder(u.schedule()));
        scheduled.addAll(u.schedule());
      }
    }
    if (!changes.updates().isEmpty() && !opening) {
      all.add(deleteOtherLevels(sql, changes.updates(), scheduled));
    }
    if (!schedules.isEmpty()) {
      all.add(insertLevels(sql, schedules, opening));
    }
    Map<List<Object>, DueWork> rules = new LinkedHashMap<>();
    changes.rules().forEach(r -> rules.putIfAbsent(key(r), r));
    if (!rules.isEmpty()) {
      all.add(insertWork(sql, List.copyOf(rules.values()), opening));
    }
    return all;
  }

  /**
   * Returns the statement that makes the next level of each chain that is not done its clock's
   * due work, listing the levels after it in {@code later}: what a claim or a completion runs
   * after recording a level done (see {@link SlaClaims}).
   *
   * @param sql a context of the database's dialect
   * @param chains the levels still to come of each clock, in ladder order, none empty
   * @return the statement
   */
  ShapedSql.Statement nextLevels(DSLContext sql, List<List<LadderLevelDue>> chains) {
    return insertLevels(sql, chains, false);
  }

  /** A work row's primary key. */
  private static List<Object> key(DueWork w) {
    return List.of(w.tenant(), w.ticket(), w.key());
  }

  /** Adds the statements that write the changed clocks: updates of stored ones, upserts. */
  private void writeClocks(List<ShapedSql.Statement> all, SlaChanges changes,
      Set<ClockKey> stored) {
    Map<SlaMetric, Integer> top = new EnumMap<>(SlaMetric.class);
    for (ClockUpdate u : changes.updates()) {
      top.merge(u.clock().key().metric(), u.clock().key().cycle(), Math::max);
    }
    int columns = SlaRows.CLOCK_COLUMNS.size();
    List<Object> upserted = new ArrayList<>(changes.updates().size() * columns);
    for (ClockUpdate u : changes.updates()) {
      boolean latest = u.clock().isOpen()
          || top.get(u.clock().key().metric()) == u.clock().key().cycle();
      if (stored.contains(u.clock().key())) {
        List<Object> values = new ArrayList<>(columns);
        SlaRows.appendClock(values, u.clock(), changes.ticketVersion(), latest);
        // the placeholders: the columns set, then the key (the first columns of a clock row)
        List<Object> bound = new ArrayList<>(values.subList(CLOCK_KEY.size(), columns));
        bound.addAll(values.subList(0, CLOCK_KEY.size()));
        all.add(shaped.fixed("slaUpdateClock",
            () -> shaped.updateQuery(Clock.TABLE, CLOCK_SET, CLOCK_KEY),
            () -> Stream.concat(CLOCK_SET.stream(), CLOCK_KEY.stream()).toList(), bound));
      } else {
        SlaRows.appendClock(upserted, u.clock(), changes.ticketVersion(), latest);
      }
    }
    int toUpsert = upserted.size() / columns;
    if (toUpsert > 0) {
      all.add(shaped.fixed(List.of("slaUpsertClocks", toUpsert),
          () -> shaped.upsertQuery(Clock.TABLE, SlaRows.CLOCK_COLUMNS, toUpsert, CLOCK_KEY),
          () -> repeated(SlaRows.CLOCK_COLUMNS, toUpsert), upserted));
    }
  }

  /** The columns a stored clock's update sets: all but the key. */
  private static final List<Field<?>> CLOCK_SET = SlaRows.CLOCK_COLUMNS.subList(
      CLOCK_KEY.size(), SlaRows.CLOCK_COLUMNS.size());

  /** The columns of {@code count} rows of the same columns, row by row. */
  private static List<Field<?>> repeated(List<Field<?>> columns, int count) {
    List<Field<?>> all = new ArrayList<>(columns.size() * count);
    for (int i = 0; i < count; i++) {
      all.addAll(columns);
    }
    return all;
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
    // The clocks by ticket, in first-seen order: a ticket change has one ticket, so the tickets
    // are compared in a short list rather than hashed.
    List<List<ClockKey>> byTicket = new ArrayList<>(1);
    for (ClockUpdate u : updates) {
      ClockKey k = u.clock().key();
      List<ClockKey> clocks = null;
      for (List<ClockKey> t : byTicket) {
        ClockKey first = t.get(0);
        if (first.ticket().equals(k.ticket()) && first.tenant().equals(k.tenant())) {
          clocks = t;
          break;
        }
      }
      if (clocks == null) {
        clocks = new ArrayList<>(updates.size());
        byTicket.add(clocks);
      }
      if (!clocks.contains(k)) {
        clocks.add(k);
      }
    }
    int keptCount = kept.size();
    List<Object> values = new ArrayList<>(1 + 2 * byTicket.size() + 2 * updates.size()
        + 3 * keptCount);
    values.add(SlaRows.LEVEL);
    List<Integer> clocksPerTicket = new ArrayList<>(byTicket.size());
    for (List<ClockKey> clocks : byTicket) {
      ClockKey first = clocks.get(0);
      values.add(first.tenant().value());
      values.add(first.ticket().value());
      for (ClockKey k : clocks) {
        values.add(k.metric().name());
        values.add(k.cycle());
      }
      clocksPerTicket.add(clocks.size());
    }
    for (DueWork w : kept) {
      values.add(w.tenant().value());
      values.add(w.ticket().value());
      values.add(w.key());
    }
    return shaped.fixed(List.of("deleteOtherLevels", clocksPerTicket, keptCount), () -> {
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
    }, () -> {
      List<Field<?>> columns = new ArrayList<>(List.of(WORK.kind));
      for (int count : clocksPerTicket) {
        columns.addAll(List.of(WORK.tenantId, WORK.ticketId));
        for (int i = 0; i < count; i++) {
          columns.addAll(List.of(WORK.metric, WORK.cycle));
        }
      }
      for (int i = 0; i < keptCount; i++) {
        columns.addAll(WORK_KEY);
      }
      return columns;
    }, values);
  }

  /**
   * Makes the first level of each schedule that is not done its clock's due work, with the
   * levels after it in {@code later}; a level row of the same key is moved (a new due instant).
   * When nothing can be done yet ({@code nothingDone}: the opening change) the first level is
   * chosen here and no done record is probed; otherwise every level is sent with the levels
   * after it and the database keeps, per clock, the first one without a done record
   * ({@code row_number()} over the levels that pass the check).
   */
  private ShapedSql.Statement insertLevels(DSLContext sql, List<List<LadderLevelDue>> schedules,
      boolean nothingDone) {
    List<Field<?>> columns = LEVEL_COLUMNS;
    List<Object> values = new ArrayList<>();
    int count = 0;
    for (List<LadderLevelDue> schedule : schedules) {
      int candidates = nothingDone ? 1 : schedule.size();
      for (int i = 0; i < candidates; i++) {
        SlaRows.appendWork(values, schedule.get(i));
        values.add(SlaRows.later(schedule.subList(i + 1, schedule.size())));
        count++;
      }
    }
    int rowCount = count;
    return shaped.fixed(List.of("insertLevels", rowCount, nothingDone), () -> {
      Table<?> v = values(rowCount, columns);
      Select<?> source;
      if (nothingDone) {
        source = DSL.select(v.fields()).from(v);
      } else {
        Field<Integer> rank = DSL.rowNumber().over(DSL.partitionBy(
            v.field(WORK.tenantId.getName()), v.field(WORK.ticketId.getName()),
            v.field(WORK.metric.getName()), v.field(WORK.cycle.getName()))
            .orderBy(v.field(WORK.level.getName()))).as("rank_in_clock");
        Table<?> open = DSL.select(v.fields()).select(rank).from(v)
            .whereNotExists(notDone(v)).asTable("o");
        List<Field<?>> kept = new ArrayList<>();
        for (Field<?> c : columns) {
          kept.add(open.field(c.getName()));
        }
        source = DSL.select(kept).from(open)
            .where(open.field("rank_in_clock", Integer.class).eq(DSL.inline(1)));
      }
      return upsert(sql, columns, source);
    }, () -> repeated(columns, rowCount), values);
  }

  /** The rows of a VALUES table of {@code count} rows of parameters of the columns. */
  private static Table<?> values(int count, List<Field<?>> columns) {
    List<RowN> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(DSL.row(columns.stream().map(ShapedSql::param).toList()));
    }
    String[] names = columns.stream().map(Field::getName).toArray(String[]::new);
    return DSL.values(rows.toArray(RowN[]::new)).as("v", names);
  }

  /** The probe for a done record of the VALUES row's work. */
  private org.jooq.Select<?> notDone(Table<?> v) {
    Field<String> tenant = v.field(WORK.tenantId.getName(), String.class);
    Field<java.util.UUID> ticket = v.field(WORK.ticketId.getName(), java.util.UUID.class);
    Field<String> key = v.field(WORK.workKey.getName(), String.class);
    var done = DSL.selectOne().from(DONE.table).where(DONE.tenantId.eq(tenant))
        .and(DONE.ticketId.eq(ticket)).and(DONE.workKey.eq(key));
    // On PostgreSQL, OFFSET 0 keeps the check a per-row probe of the done table's primary key:
    // pulled up into an anti join, a generic plan made while the table is small hashes (reads)
    // the whole table, and keeps doing so as it grows.
    return shaped.kind() == DatabaseKind.POSTGRESQL ? done.offset(DSL.inline(0)) : done;
  }

  /** Inserts the source's rows; a row of the same key takes the new values (a moved level). */
  private static Query upsert(DSLContext sql, List<Field<?>> columns, Select<?> source) {
    Map<Field<?>, Object> moved = new LinkedHashMap<>();
    for (Field<?> c : columns) {
      if (!WORK_KEY.contains(c)) {
        moved.put(c, DSL.excluded(c));
      }
    }
    return sql.insertInto(WORK.table, columns).select(source).onConflict(WORK_KEY).doUpdate()
        .set(moved);
  }

  /**
   * Inserts triggered event rules that are not done; a rule triggered twice is added once (a
   * pending row of its key is left as it is).
   */
  private ShapedSql.Statement insertWork(DSLContext sql, List<DueWork> work, boolean opening) {
    List<Field<?>> columns = WORK.all();
    List<Object> values = new ArrayList<>(work.size() * columns.size());
    for (DueWork w : work) {
      SlaRows.appendWork(values, w);
    }
    int count = work.size();
    return shaped.fixed(List.of("insertWork", false, count, opening), () -> {
      Table<?> v = values(count, columns);
      return sql.insertInto(WORK.table, columns)
          .select(opening ? DSL.select(v.fields()).from(v)
              : DSL.select(v.fields()).from(v).whereNotExists(notDone(v)))
          .onConflict(WORK_KEY).doNothing();
    }, () -> repeated(columns, count), values);
  }
}
