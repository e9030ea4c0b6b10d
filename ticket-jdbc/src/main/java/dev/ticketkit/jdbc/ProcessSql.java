package dev.ticketkit.jdbc;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.jdbc.internal.ProcessTable;
import dev.ticketkit.report.DepartmentHandoffs;
import dev.ticketkit.report.ExampleTicket;
import dev.ticketkit.report.FollowUpFigures;
import dev.ticketkit.report.HandoffFigures;
import dev.ticketkit.report.ProblemFigures;
import dev.ticketkit.report.ProcessFigures;
import dev.ticketkit.report.TopProblem;
import dev.ticketkit.report.internal.Percentiles;
import dev.ticketkit.report.internal.ProcessFact;
import dev.ticketkit.report.internal.ProcessMath;
import dev.ticketkit.report.source.ProcessQuery;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * The support-process figures in the database ({@link dev.ticketkit.report.source.FactReader#process}
 * of the SQL source): a handful of {@code SELECT ... GROUP BY} statements over
 * {@code tk_report_process}, each filtered by the tenant first, computing exactly what
 * {@link ProcessMath} computes in memory (nearest-rank percentiles by {@code ROW_NUMBER()} and
 * {@code COUNT()} windows; the follow-up deadlines by integer arithmetic on epoch milliseconds,
 * floor division written as {@code (x - mod(x, c)) / c} so that no dialect rounds). Only groups,
 * the two percentile rows per department and the example incidents reach the JVM. Stateless and
 * thread-safe; the caller's connection gives the consistent view.
 */
final class ProcessSql {

  private static final String HANDOFF = ProcessFact.Kind.HANDOFF.name();

  private ProcessSql() {}

  /** Computes the figures for a tenant on a reader's connection. */
  static ProcessFigures compute(DSLContext sql, TenantId tenant, ProcessQuery q) {
    return new ProcessFigures(handoffs(sql, tenant, q), followUps(sql, tenant, q),
        problems(sql, tenant, q), ratings(sql, tenant, q));
  }

  private static Condition kind(TenantId tenant, ProcessFact.Kind kind) {
    return ProcessTable.TENANT_ID.eq(tenant.value()).and(ProcessTable.KIND.eq(kind.name()));
  }

  private static Condition openedIn(ProcessQuery q) {
    return ProcessTable.OPENED_AT.ge(q.startInclusive())
        .and(ProcessTable.OPENED_AT.lt(q.endExclusive()));
  }

  private static Field<BigDecimal> countIf(Condition c) {
    return DSL.coalesce(DSL.sum(DSL.when(c, DSL.inline(1)).otherwise(DSL.inline(0))),
        DSL.inline(BigDecimal.ZERO));
  }

  private static long num(@Nullable Object v) {
    return v == null ? 0 : ((Number) v).longValue();
  }

  // ---- hand-offs

  private static HandoffFigures handoffs(DSLContext sql, TenantId tenant, ProcessQuery q) {
    Condition where = kind(tenant, ProcessFact.Kind.HANDOFF).and(openedIn(q));
    Condition closed = ProcessTable.CLOSED_AT.lt(q.asOf());
    Map<String, long[]> counts = new java.util.TreeMap<>();
    for (Record r : sql.select(ProcessTable.ITEM_KEY, DSL.count(),
            countIf(closed.and(ProcessTable.STATE.eq("ANSWERED"))),
            countIf(closed.and(ProcessTable.STATE.eq("RETURNED"))))
        .from(ProcessTable.TABLE).where(where).groupBy(ProcessTable.ITEM_KEY).fetch()) {
      String key = r.get(0) == null ? "" : (String) r.get(0);
      counts.put(key, new long[] {num(r.get(1)), num(r.get(2)), num(r.get(3))});
    }
    Map<String, @Nullable Long[]> byDept = percentiles(sql, where.and(closed), true);
    @Nullable Long[] overall = percentiles(sql, where.and(closed), false)
        .getOrDefault("*", new Long[2]);
    long[] all = new long[3];
    List<DepartmentHandoffs> rows = new ArrayList<>();
    counts.forEach((k, c) -> {
      for (int i = 0; i < 3; i++) {
        all[i] += c[i];
      }
      rows.add(row(k, c, byDept.getOrDefault(k, new Long[2])));
    });
    rows.sort(Comparator.comparingLong(DepartmentHandoffs::opened).reversed()
        .thenComparing(DepartmentHandoffs::department));
    return new HandoffFigures(row("*", all, overall), rows);
  }

  private static DepartmentHandoffs row(String name, long[] c, @Nullable Long[] p) {
    return new DepartmentHandoffs(name, c[0], c[1], c[2], c[0] - c[1] - c[2],
        p[0] == null ? null : Duration.ofMillis(p[0]),
        p[1] == null ? null : Duration.ofMillis(p[1]));
  }

  /**
   * The nearest-rank median and p90 of the response times by department (or overall, under
   * {@code "*"}): the database ranks the values and returns only the rows at those two ranks.
   */
  private static Map<String, @Nullable Long[]> percentiles(DSLContext sql, Condition where,
      boolean byDepartment) {
    Field<Long> v = ProcessTable.CLOSED_MS.minus(ProcessTable.OPENED_MS);
    Field<String> k = byDepartment ? ProcessTable.ITEM_KEY : DSL.inline("*");
    Field<Integer> rn = (byDepartment
        ? DSL.rowNumber().over().partitionBy(ProcessTable.ITEM_KEY).orderBy(v)
        : DSL.rowNumber().over().orderBy(v)).as("rn");
    Field<Integer> n = (byDepartment
        ? DSL.count().over().partitionBy(ProcessTable.ITEM_KEY) : DSL.count().over()).as("n");
    Table<?> x = sql.select(k.as("k"), v.as("v"), rn, n).from(ProcessTable.TABLE).where(where)
        .asTable("x");
    Field<Long> xn = DSL.field(DSL.name("x", "n"), SQLDataType.BIGINT);
    Field<Long> xrn = DSL.field(DSL.name("x", "rn"), SQLDataType.BIGINT);
    Field<Long> median = DSL.ceil(DSL.inline(new BigDecimal("0.5")).mul(xn))
        .cast(SQLDataType.BIGINT);
    Field<Long> p90 = DSL.ceil(DSL.inline(new BigDecimal("0.9")).mul(xn))
        .cast(SQLDataType.BIGINT);
    Map<String, @Nullable Long[]> out = new HashMap<>();
    for (Record r : sql.select(DSL.field(DSL.name("x", "k")), DSL.field(DSL.name("x", "v")), xrn,
        xn).from(x).where(xrn.eq(median).or(xrn.eq(p90))).fetch()) {
      String key = r.get(0) == null ? "" : (String) r.get(0);
      long rank = num(r.get(2));
      int size = (int) num(r.get(3));
      @Nullable Long[] p = out.computeIfAbsent(key, z -> new Long[2]);
      if (rank == Percentiles.rank(0.5, size)) {
        p[0] = num(r.get(1));
      }
      if (rank == Percentiles.rank(0.9, size)) {
        p[1] = num(r.get(1));
      }
    }
    return out;
  }

  // ---- follow-ups

  /** {@code floor(x / c)} for x >= 0, exact in every dialect. */
  private static Field<Long> floorDiv(Field<Long> x, long c) {
    return x.minus(x.mod(DSL.inline(c))).div(DSL.inline(c));
  }

  private static FollowUpFigures followUps(DSLContext sql, TenantId tenant, ProcessQuery q) {
    long c = q.followUpCadence().toMillis();
    long s = q.startInclusive().toEpochMilli();
    long a = q.asOf().toEpochMilli();
    Field<Long> o = ProcessTable.OPENED_MS;
    Field<Long> cl = ProcessTable.CLOSED_MS;
    Condition closedBy = ProcessTable.CLOSED_AT.lt(q.asOf());
    Condition openAtA = ProcessTable.CLOSED_AT.isNull().or(ProcessTable.CLOSED_AT.ge(q.asOf()));
    Condition missed = o.plus(DSL.inline(c)).lt(DSL.inline(a)).and(openAtA
        .or(cl.gt(DSL.inline(s)).and(cl.gt(o.plus(DSL.inline(c))))));
    Field<Long> u = DSL.when(closedBy, cl).otherwise(DSL.inline(a));
    Field<Long> kMax = floorDiv(u.minus(o).minus(DSL.inline(1L)), c);
    Field<Long> kMin = DSL.when(o.plus(DSL.inline(c)).ge(DSL.inline(s)), DSL.inline(1L))
        .otherwise(floorDiv(DSL.inline(s).minus(o).minus(DSL.inline(1L)), c)
            .plus(DSL.inline(1L)));
    Field<Long> due = DSL.when(u.gt(o), DSL.greatest(DSL.inline(0L),
        kMax.minus(kMin).plus(DSL.inline(1L)))).otherwise(DSL.inline(0L));
    Field<UUID> ticket = ProcessTable.TICKET_ID;
    Record r = sql.select(
            countIf(closedBy.and(ProcessTable.STATE.eq("REPLY"))),
            DSL.coalesce(DSL.sum(due), DSL.inline(BigDecimal.ZERO)),
            countIf(missed),
            DSL.countDistinct(DSL.when(openAtA.or(cl.gt(DSL.inline(s))), ticket)),
            DSL.countDistinct(DSL.when(missed, ticket)))
        .from(ProcessTable.TABLE)
        .where(kind(tenant, ProcessFact.Kind.FOLLOW_UP))
        .and(ProcessTable.OPENED_AT.lt(q.asOf()))
        .and(ProcessTable.CLOSED_AT.isNull().or(ProcessTable.CLOSED_AT.ge(q.startInclusive())))
        .fetchOne();
    long open = num(r.get(3));
    long late = num(r.get(4));
    return new FollowUpFigures(q.followUpCadence(), num(r.get(0)), num(r.get(1)),
        num(r.get(2)), open, late, open - late,
        open == 0 ? null : (double) (open - late) / open);
  }

  // ---- problems and incidents

  private static ProblemFigures problems(DSLContext sql, TenantId tenant, ProcessQuery q) {
    Condition problem = ProcessTable.KIND.eq(ProcessFact.Kind.PROBLEM.name());
    Condition incident = ProcessTable.KIND.eq(ProcessFact.Kind.INCIDENT.name());
    Record r = sql.select(countIf(problem.and(openedIn(q))),
            countIf(problem.and(ProcessTable.CLOSED_AT.ge(q.startInclusive()))
                .and(ProcessTable.CLOSED_AT.lt(q.asOf()))),
            countIf(problem.and(ProcessTable.OPENED_AT.lt(q.asOf())).and(
                ProcessTable.CLOSED_AT.isNull().or(ProcessTable.CLOSED_AT.ge(q.asOf())))),
            countIf(incident.and(openedIn(q))))
        .from(ProcessTable.TABLE)
        .where(ProcessTable.TENANT_ID.eq(tenant.value()))
        .and(ProcessTable.KIND.in(ProcessFact.Kind.PROBLEM.name(),
            ProcessFact.Kind.INCIDENT.name()))
        .fetchOne();
    List<TopProblem> top = q.topProblems() == 0 ? List.of() : top(sql, tenant, q);
    return new ProblemFigures(num(r.get(0)), num(r.get(1)), num(r.get(2)), num(r.get(3)), top);
  }

  private static <T> Field<T> col(String alias, Field<T> f) {
    return DSL.field(DSL.name(alias, f.getUnqualifiedName().last()), f.getDataType());
  }

  private static List<TopProblem> top(DSLContext sql, TenantId tenant, ProcessQuery q) {
    Table<?> i = ProcessTable.TABLE.as("i");
    Table<?> p = ProcessTable.TABLE.as("p");
    Field<Integer> count = DSL.count().as("c");
    Map<String, ExampleTicket> problems = new LinkedHashMap<>();
    Map<String, Long> counts = new HashMap<>();
    for (Record r : sql.select(col("p", ProcessTable.ITEM_KEY), col("p", ProcessTable.TICKET_ID),
            col("p", ProcessTable.TICKET_NUMBER), col("p", ProcessTable.SUBJECT), count)
        .from(i).join(p).on(col("p", ProcessTable.TENANT_ID).eq(col("i", ProcessTable.TENANT_ID))
            .and(col("p", ProcessTable.KIND).eq(ProcessFact.Kind.PROBLEM.name()))
            .and(col("p", ProcessTable.ITEM_KEY).eq(col("i", ProcessTable.ITEM_KEY))))
        .where(col("i", ProcessTable.TENANT_ID).eq(tenant.value()))
        .and(col("i", ProcessTable.KIND).eq(ProcessFact.Kind.INCIDENT.name()))
        .and(col("i", ProcessTable.OPENED_AT).ge(q.startInclusive()))
        .and(col("i", ProcessTable.OPENED_AT).lt(q.endExclusive()))
        .groupBy(col("p", ProcessTable.ITEM_KEY), col("p", ProcessTable.TICKET_ID),
            col("p", ProcessTable.TICKET_NUMBER), col("p", ProcessTable.SUBJECT))
        .orderBy(count.desc(), col("p", ProcessTable.TICKET_NUMBER).asc())
        .limit(q.topProblems()).fetch()) {
      String key = (String) r.get(0);
      problems.put(key, new ExampleTicket(TicketId.of(r.get(1, UUID.class)), num(r.get(2)),
          r.get(3) == null ? "" : (String) r.get(3)));
      counts.put(key, num(r.get(4)));
    }
    Map<String, List<ExampleTicket>> examples = examples(sql, tenant, q, problems.keySet());
    List<TopProblem> out = new ArrayList<>();
    problems.forEach((k, e) -> out.add(new TopProblem(e, counts.get(k),
        examples.getOrDefault(k, List.of()))));
    return out;
  }

  private static Map<String, List<ExampleTicket>> examples(DSLContext sql, TenantId tenant,
      ProcessQuery q, java.util.Set<String> keys) {
    Map<String, List<ExampleTicket>> out = new HashMap<>();
    if (keys.isEmpty() || q.examples() == 0) {
      return out;
    }
    Field<Integer> rn = DSL.rowNumber().over().partitionBy(ProcessTable.ITEM_KEY)
        .orderBy(ProcessTable.OPENED_AT.desc(), ProcessTable.TICKET_NUMBER.desc()).as("rn");
    Table<?> x = sql.select(ProcessTable.ITEM_KEY.as("k"), ProcessTable.TICKET_ID.as("t"),
            ProcessTable.TICKET_NUMBER.as("num"), ProcessTable.SUBJECT.as("s"), rn)
        .from(ProcessTable.TABLE)
        .where(kind(tenant, ProcessFact.Kind.INCIDENT)).and(openedIn(q))
        .and(ProcessTable.ITEM_KEY.in(keys)).asTable("x");
    Field<Long> xrn = DSL.field(DSL.name("x", "rn"), SQLDataType.BIGINT);
    for (Record r : sql.select(DSL.field(DSL.name("x", "k"), SQLDataType.VARCHAR),
            DSL.field(DSL.name("x", "t"), SQLDataType.UUID),
            DSL.field(DSL.name("x", "num"), SQLDataType.BIGINT),
            DSL.field(DSL.name("x", "s"), SQLDataType.VARCHAR), xrn)
        .from(x).where(xrn.le(DSL.inline((long) q.examples())))
        .orderBy(DSL.field(DSL.name("x", "k")), xrn).fetch()) {
      out.computeIfAbsent((String) r.get(0), z -> new ArrayList<>()).add(new ExampleTicket(
          TicketId.of(r.get(1, UUID.class)), num(r.get(2)),
          r.get(3) == null ? "" : (String) r.get(3)));
    }
    return out;
  }

  // ---- rating requests

  private static dev.ticketkit.report.RatingRequestFigures ratings(DSLContext sql,
      TenantId tenant, ProcessQuery q) {
    Condition closed = ProcessTable.CLOSED_AT.lt(q.asOf());
    Record r = sql.select(DSL.count(), countIf(closed.and(ProcessTable.STATE.eq("ANSWERED"))),
            countIf(closed.and(ProcessTable.STATE.eq("EXPIRED"))))
        .from(ProcessTable.TABLE)
        .where(kind(tenant, ProcessFact.Kind.RATING_REQUEST)).and(openedIn(q)).fetchOne();
    return ProcessMath.figures(num(r.get(0)), num(r.get(1)), num(r.get(2)));
  }
}
