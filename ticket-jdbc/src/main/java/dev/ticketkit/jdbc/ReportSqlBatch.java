package dev.ticketkit.jdbc;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.jdbc.internal.FilterCover;
import dev.ticketkit.report.source.AggregateRow;
import dev.ticketkit.report.source.Dimension;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactQuery;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.report.source.Measure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Answers several {@link FactQuery}s of one fact table with one PostgreSQL statement, so a
 * report reads each table's period rows once instead of once per query.
 *
 * <p>Implementation notes. The derived table {@code x} holds, per fact matching any of the
 * queries (the tenant's rows under the OR of the queries' conditions, without those that
 * only repeat others, see {@link FilterCover}), every distinct group key
 * {@code d<j>}, every distinct duration input {@code v<k>}, one boolean per distinct condition
 * list {@code q<c>} (a query's conditions, ANDed; queries with the same conditions in any order
 * share it) and one per distinct conditional count's condition {@code c<k>}. The outer
 * select groups by {@code GROUPING SETS}, one set per distinct key list of the queries (the
 * empty set for ungrouped ones), and computes each distinct (condition list, measure) once with
 * {@code FILTER (WHERE q<c>)}: {@code count(*)}, {@code count(v)}, {@code sum(v)},
 * {@code percentile_disc(p) WITHIN GROUP (ORDER BY v)} (ungrouped queries only, see
 * {@link Shape}), {@code count(*) FILTER (WHERE q<c> AND c<k>)}. {@code GROUPING(d<j>)} tells
 * which set a result row belongs to; a query takes the
 * rows of its set where its own count is positive (a group that only other queries' facts
 * formed is not one of its groups), and an ungrouped query the one row of the empty set, which
 * PostgreSQL returns also over no rows. Only PostgreSQL runs it (H2 and MariaDB lack
 * {@code FILTER} on ordered-set aggregates or {@code GROUPING SETS}); their queries run one by
 * one. Stateless and thread-safe.
 */
final class ReportSqlBatch {

  private final ReportSql sql;

  ReportSqlBatch(ReportSql sql) {
    this.sql = sql;
  }

  /**
   * What must be true of queries that share one statement: the same table and joins, a period
   * condition or none (so an index can serve the period statement), and grouped or not. Grouped
   * queries share a statement only without percentiles: an ordered-set aggregate forbids hashed
   * grouping, and sorted grouping sets sort the period's rows once per set (measured: 67 s for
   * 1.1 million cycle rows), where hashed ones read them once. A query with a tag grouping (a
   * join that multiplies the rows) or a grouped percentile runs alone.
   */
  record Shape(dev.ticketkit.report.source.FactTable table, boolean agent, boolean ranged,
      boolean grouped, boolean alone) {

    static Shape of(FactQuery q) {
      boolean grouped = !q.groupBy().isEmpty();
      boolean alone = q.groupBy().stream().anyMatch(d -> d.field() == FactField.TAG)
          || grouped && q.measures().stream().anyMatch(m -> m instanceof Measure.Percentile);
      return new Shape(q.table(), q.table() == dev.ticketkit.report.source.FactTable.CLOCKS
          && ReportSql.uses(q, FactField.CLOCK_AGENT),
          q.filters().stream().anyMatch(f -> f instanceof Filter.Between), grouped, alone);
    }
  }

  /**
   * Runs queries of one shape with one statement.
   *
   * @param ctx the connection's context
   * @param tenant the tenant
   * @param shape the queries' shape (not tagged)
   * @param queries the queries, at least one
   * @return the answers, in the order of the queries
   */
  List<List<AggregateRow>> run(DSLContext ctx, TenantId tenant, Shape shape,
      List<FactQuery> queries) {
    Map<Dimension, Integer> dims = new LinkedHashMap<>();
    Map<FactField, Integer> inputs = new LinkedHashMap<>();
    List<SelectField<?>> inner = new ArrayList<>();
    Condition any = DSL.falseCondition();
    for (FactQuery q : queries) {
      q.groupBy().forEach(d -> dims.computeIfAbsent(d, x -> dims.size()));
      for (Measure m : q.measures()) {
        FactField f = input(m);
        if (f != null) {
          inputs.computeIfAbsent(f, x -> inputs.size());
        }
      }
    }
    // Queries with the same conditions (in any order) share one flag q<c>, and equal measures
    // under it one aggregate, so each fact evaluates each distinct condition once.
    Map<Set<Filter>, Integer> distinct = new LinkedHashMap<>();
    int[] flagOf = new int[queries.size()];
    List<Condition> conditions = new ArrayList<>();
    List<List<Filter>> filters = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      FactQuery q = queries.get(i);
      Integer known = distinct.get(Set.copyOf(q.filters()));
      if (known == null) {
        known = distinct.size();
        distinct.put(Set.copyOf(q.filters()), known);
        conditions.add(all(q.filters()));
        filters.add(q.filters());
      }
      flagOf[i] = known;
    }
    Map<Filter, Integer> counted = new LinkedHashMap<>();
    queries.forEach(q -> q.measures().forEach(m -> {
      if (m instanceof Measure.CountIf c) {
        counted.computeIfAbsent(c.condition(), x -> counted.size());
      }
    }));
    dims.forEach((d, j) -> inner.add(guarded(d, queries, flagOf, conditions).as("d" + j)));
    inputs.forEach((f, k) -> inner.add(sql.duration(f).as("v" + k)));
    for (int c = 0; c < conditions.size(); c++) {
      inner.add(DSL.field(conditions.get(c)).as("q" + c));
    }
    // The rows: those matching any query, selected without the conditions that only repeat
    // others (a range inside another), which would inflate the planner's estimate of the OR.
    for (List<Filter> arm : FilterCover.reduce(filters)) {
      any = any.or(all(arm));
    }
    counted.forEach((f, k) -> inner.add(DSL.field(sql.condition(f)).as("c" + k)));
    Table<?> from = ReportSql.from(shape.table(), shape.agent(), tenant,
        ReportSql.since(queries));
    Table<?> x = ctx.select(inner).from(from)
        .where(ReportSql.tenant(shape.table(), tenant).and(any)).asTable("x");
    List<SelectField<?>> outer = new ArrayList<>();
    dims.forEach((d, j) -> outer.add(DSL.grouping(ref("d" + j)).as("g" + j)));
    dims.forEach((d, j) -> outer.add(ref("d" + j).as("d" + j)));
    for (int c = 0; c < conditions.size(); c++) {
      outer.add(DSL.count().filterWhere(flag("q" + c)).as("n" + c));
    }
    Map<List<Object>, String> aggregates = new LinkedHashMap<>();
    for (int i = 0; i < queries.size(); i++) {
      for (Measure m : queries.get(i).measures()) {
        List<Object> key = List.of(flagOf[i], m);
        if (!(m instanceof Measure.Count) && !aggregates.containsKey(key)) {
          String name = "m" + aggregates.size();
          aggregates.put(key, name);
          outer.add(measure(m, flagOf[i], inputs, counted).as(name));
        }
      }
    }
    Result<Record> result;
    if (dims.isEmpty()) {
      result = ctx.select(outer).from(x).fetch();
    } else {
      List<Collection<? extends Field<?>>> sets = new ArrayList<>();
      for (TreeSet<Integer> set : sets(queries, dims)) {
        List<Field<?>> fields = new ArrayList<>();
        set.forEach(j -> fields.add(ref("d" + j)));
        sets.add(fields);
      }
      @SuppressWarnings("unchecked")
      Collection<? extends Field<?>>[] array = sets.toArray(new Collection[0]);
      result = ctx.select(outer).from(x).groupBy(DSL.groupingSets(array)).fetch();
    }
    return answers(queries, dims, flagOf, aggregates, result);
  }

  /** The conditions ANDed. */
  private Condition all(List<Filter> filters) {
    Condition all = DSL.trueCondition();
    for (Filter f : filters) {
      all = all.and(sql.condition(f));
    }
    return all;
  }

  /**
   * A group key's value; a computed one (a time bucket) only on the rows of the queries that
   * group by it, since every other row's key is never read (their measures filter it out).
   */
  private Field<?> guarded(Dimension d, List<FactQuery> queries, int[] flagOf,
      List<Condition> conditions) {
    Field<?> value = sql.dimension(d);
    if (d instanceof Dimension.Key) {
      return value;
    }
    Condition users = DSL.falseCondition();
    Set<Integer> seen = new java.util.HashSet<>();
    for (int i = 0; i < queries.size(); i++) {
      if (queries.get(i).groupBy().contains(d) && seen.add(flagOf[i])) {
        users = users.or(conditions.get(flagOf[i]));
      }
    }
    return DSL.when(users, value);
  }

  private static List<TreeSet<Integer>> sets(List<FactQuery> queries, Map<Dimension, Integer> d) {
    List<TreeSet<Integer>> out = new ArrayList<>();
    for (FactQuery q : queries) {
      TreeSet<Integer> set = set(q, d);
      if (!out.contains(set)) {
        out.add(set);
      }
    }
    return out;
  }

  private static TreeSet<Integer> set(FactQuery q, Map<Dimension, Integer> dims) {
    TreeSet<Integer> set = new TreeSet<>();
    q.groupBy().forEach(d -> set.add(dims.get(d)));
    return set;
  }

  private static List<List<AggregateRow>> answers(List<FactQuery> queries,
      Map<Dimension, Integer> dims, int[] flagOf, Map<List<Object>, String> aggregates,
      Result<Record> result) {
    List<List<AggregateRow>> out = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      FactQuery q = queries.get(i);
      TreeSet<Integer> set = set(q, dims);
      List<AggregateRow> rows = new ArrayList<>();
      for (Record r : result) {
        if (!grouped(r, dims.size()).equals(set)
            || !q.groupBy().isEmpty() && ((Number) r.get("n" + flagOf[i])).longValue() == 0) {
          continue;
        }
        List<@Nullable String> keys = new ArrayList<>();
        q.groupBy().forEach(d -> keys.add(ReportSql.key(r.get("d" + dims.get(d)))));
        List<@Nullable Long> values = new ArrayList<>();
        for (int m = 0; m < q.measures().size(); m++) {
          Measure measure = q.measures().get(m);
          Object v = measure instanceof Measure.Count ? r.get("n" + flagOf[i])
              : r.get(aggregates.get(List.of(flagOf[i], measure)));
          values.add(v == null ? null : ((Number) v).longValue());
        }
        rows.add(new AggregateRow(keys, values));
      }
      out.add(rows);
    }
    return out;
  }

  private static TreeSet<Integer> grouped(Record r, int dims) {
    TreeSet<Integer> set = new TreeSet<>();
    for (int j = 0; j < dims; j++) {
      if (((Number) Objects.requireNonNull(r.get("g" + j))).intValue() == 0) {
        set.add(j);
      }
    }
    return set;
  }

  private Field<?> measure(Measure m, int c, Map<FactField, Integer> inputs,
      Map<Filter, Integer> counted) {
    Condition mine = flag("q" + c);
    if (m instanceof Measure.Count) {
      return DSL.count().filterWhere(mine);
    } else if (m instanceof Measure.CountIf i) {
      return DSL.count().filterWhere(mine.and(flag("c" + counted.get(i.condition()))));
    }
    Field<Long> v = DSL.field(DSL.name("x", "v" + inputs.get(input(m))), Long.class);
    if (m instanceof Measure.CountOf) {
      return DSL.count(v).filterWhere(mine);
    } else if (m instanceof Measure.Sum) {
      return DSL.sum(v).filterWhere(mine);
    }
    BigDecimal fraction = new BigDecimal(Double.toString(((Measure.Percentile) m).p()));
    return DSL.percentileDisc(fraction).withinGroupOrderBy(v).filterWhere(mine);
  }

  private static @Nullable FactField input(Measure m) {
    if (m instanceof Measure.CountOf c) {
      return c.field();
    } else if (m instanceof Measure.Sum s) {
      return s.field();
    } else if (m instanceof Measure.Percentile p) {
      return p.field();
    }
    return null;
  }

  private static Field<Object> ref(String column) {
    return DSL.field(DSL.name("x", column));
  }

  private static Condition flag(String column) {
    return DSL.condition(DSL.field(DSL.name("x", column), Boolean.class));
  }

}
