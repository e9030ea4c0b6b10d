package dev.ticketkit.jdbc;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.jdbc.internal.ReportTables.Cycle;
import dev.ticketkit.jdbc.internal.ReportTables.ReportClock;
import dev.ticketkit.jdbc.internal.SlaTables;
import dev.ticketkit.jdbc.internal.SlaTables.Clock;
import dev.ticketkit.jdbc.internal.TicketTables;
import dev.ticketkit.report.source.Dimension;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactQuery;
import dev.ticketkit.report.source.FactTable;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.report.source.Measure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.GroupField;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Translates a {@link FactQuery} into one {@code SELECT ... GROUP BY} over the fact tables:
 * {@code tk_report_cycle} (joined to {@code tk_ticket_tag} for tags), the clock facts (joined to
 * the cycle rows for the credited agent) and the LEVEL rows of {@code tk_sla_done}.
 *
 * <p>The clock facts are a derived table named {@code tk_report_clock}: the tenant's stopped
 * clocks from the table of that name (V16, kept by {@link ReportClockRows}), under a lower bound
 * of their {@code last_at} when every query of the statement has a period condition (each such
 * condition on a stopped clock implies {@code last_at} at or after the period's start), and
 * beside them the tenant's open clocks of {@code tk_sla_clock} ({@code stopped_at is null}, by
 * its index on {@code stopped_at}), their breach instant the due instant of a BREACHED or
 * RUNNING clock. So a report reads a narrow row per stopped clock with its instants resolved,
 * and never the SLA store's wide rows of stopped clocks.
 *
 * <p>The query is a derived table of the group keys and measure inputs under the filters,
 * grouped outside. Percentiles are {@code PERCENTILE_DISC(p) WITHIN GROUP (ORDER BY v)} on
 * PostgreSQL. MariaDB has it only as a window function and H2's aggregate does not pick the
 * nearest rank (its p90 of 18 values is the 16th, not the 17th), so there each percentile's input
 * gets its nearest rank by {@code ROW_NUMBER()} and {@code COUNT()} windows over the group in the
 * derived table, and the group keeps the value at rank {@code max(1, ceil(p * n))} (p as the exact
 * decimal it prints as). Keys are grouped in their stored types and turned into the report's
 * text form when read (see {@link #key}). Stateless and thread-safe.
 */
final class ReportSql {

  private static final long QUARTER_HOUR_SECONDS = Dimension.QUARTER_HOUR_MILLIS / 1000;
  private static final long DAY_SECONDS = Dimension.DAY_MILLIS / 1000;
  static final Table<Record> TAGS = TicketTables.Tag.TABLE;
  private static final SlaTables.DoneColumns DONE = SlaTables.DONE;

  private final DatabaseKind kind;

  ReportSql(DatabaseKind kind) {
    this.kind = kind;
  }

  /** The database the statements are written for. */
  DatabaseKind kind() {
    return kind;
  }

  /** The SELECT of a query for a tenant. */
  Select<Record> aggregate(DSLContext sql, TenantId tenant, FactQuery q) {
    boolean tagged = q.groupBy().stream().anyMatch(d -> d.field() == FactField.TAG);
    boolean agent = q.table() == FactTable.CLOCKS && uses(q, FactField.CLOCK_AGENT);
    List<SelectField<?>> inner = new ArrayList<>();
    List<Field<?>> keys = new ArrayList<>();
    for (int i = 0; i < q.groupBy().size(); i++) {
      Field<?> k = dimension(q.groupBy().get(i)).as("k" + i);
      inner.add(k);
      keys.add(DSL.field(DSL.name("x", "k" + i)));
    }
    List<Field<?>> inputs = new ArrayList<>();
    for (int i = 0; i < q.measures().size(); i++) {
      Field<?> input = input(q.measures().get(i));
      inputs.add(input);
      if (input != null) {
        inner.add(input.as("v" + i));
      }
    }
    boolean windows = kind != DatabaseKind.POSTGRESQL
        && q.measures().stream().anyMatch(m -> m instanceof Measure.Percentile);
    if (windows) {
      List<Field<?>> partition = new ArrayList<>();
      for (int i = 0; i < q.groupBy().size(); i++) {
        partition.add(dimension(q.groupBy().get(i)));
      }
      for (int i = 0; i < q.measures().size(); i++) {
        if (q.measures().get(i) instanceof Measure.Percentile) {
          Field<?> v = inputs.get(i);
          List<Field<?>> byNull = new ArrayList<>(partition);
          byNull.add(DSL.when(v.isNull(), DSL.inline(1)).otherwise(DSL.inline(0)));
          inner.add(DSL.rowNumber().over(DSL.partitionBy(byNull).orderBy(v)).as("r" + i));
          inner.add(DSL.count(v).over(DSL.partitionBy(partition)).as("n" + i));
        }
      }
    }
    Table<?> from = from(q.table(), agent, tenant, since(List.of(q)));
    if (tagged) {
      from = from.join(TAGS).on(TicketTables.Tag.TENANT_ID.eq(Cycle.TENANT_ID))
          .and(TicketTables.Tag.TICKET_ID.eq(Cycle.TICKET_ID));
    }
    Condition where = tenant(q.table(), tenant);
    for (Filter f : q.filters()) {
      where = where.and(condition(f));
    }
    Table<?> x = sql.select(inner.isEmpty() ? List.of(DSL.inline(1).as("one")) : inner)
        .from(from).where(where).asTable("x");
    List<SelectField<?>> outer = new ArrayList<>(keys);
    for (int i = 0; i < q.measures().size(); i++) {
      outer.add(measure(q.measures().get(i), i));
    }
    if (keys.isEmpty()) {
      // No GROUP BY at all: an aggregate without one gives one row also over no facts (MariaDB
      // renders an empty grouping as a constant, which gives none).
      return sql.select(outer).from(x);
    }
    List<GroupField> groups = new ArrayList<>(keys);
    return sql.select(outer).from(x).groupBy(groups);
  }

  static boolean uses(FactQuery q, FactField f) {
    return q.groupBy().stream().anyMatch(d -> d.field() == f)
        || q.filters().stream().anyMatch(x -> x.field() == f)
        || q.measures().stream().anyMatch(m -> m instanceof Measure.CountIf c
            && c.condition().field() == f);
  }

  /**
   * The table a query reads: for clocks, the clock facts of the tenant (see the class comment),
   * stopped clocks only from {@code since} on (null: all).
   */
  static Table<?> from(FactTable table, boolean agent, TenantId tenant,
      @org.jspecify.annotations.Nullable Instant since) {
    return switch (table) {
      case CYCLES -> Cycle.TABLE;
      case CLOCKS -> {
        Table<?> clocks = clockFacts(tenant, since);
        yield agent ? clocks.leftJoin(Cycle.TABLE)
            .on(Cycle.TENANT_ID.eq(ReportClock.TENANT_ID))
            .and(Cycle.TICKET_ID.eq(ReportClock.TICKET_ID))
            .and(Cycle.CYCLE.eq(ReportClock.TICKET_CYCLE)) : clocks;
      }
      case ESCALATIONS -> DONE.table;
    };
  }

  /** The tenant's stopped clocks of {@code tk_report_clock} and open clocks of the SLA store. */
  private static Table<?> clockFacts(TenantId tenant,
      @org.jspecify.annotations.Nullable Instant since) {
    Condition stopped = ReportClock.TENANT_ID.eq(tenant.value());
    if (since != null) {
      stopped = stopped.and(ReportClock.LAST_AT.ge(since));
    }
    Select<Record> finished = DSL.select(List.of(ReportClock.ALL)).from(ReportClock.TABLE)
        .where(stopped);
    Select<Record> open = DSL.select(List.<SelectField<?>>of(Clock.TENANT_ID, Clock.TICKET_ID,
            Clock.METRIC, Clock.CYCLE, Clock.TICKET_CYCLE, Clock.PRIORITY, Clock.STARTED_AT,
            DSL.castNull(ReportClock.STOPPED_AT), DSL.castNull(ReportClock.MET_AT),
            DSL.when(Clock.STATE.in("BREACHED", "RUNNING"), Clock.DUE_AT),
            DSL.castNull(ReportClock.CANCELLED_AT), DSL.castNull(ReportClock.BUSINESS_MS),
            DSL.castNull(ReportClock.LAST_AT)))
        .from(Clock.TABLE).where(Clock.TENANT_ID.eq(tenant.value()))
        .and(Clock.STOPPED_AT.isNull());
    Select<Record> both = finished.unionAll(open);
    return both.asTable(ReportClock.TABLE.getName());
  }

  /**
   * The earliest instant a stopped clock's {@code last_at} can have and match one of the
   * queries: the latest start of each query's period conditions, the earliest over the queries;
   * null if a query has no period condition.
   */
  static @org.jspecify.annotations.Nullable Instant since(List<FactQuery> queries) {
    Instant out = null;
    for (FactQuery q : queries) {
      Instant own = null;
      for (Filter f : q.filters()) {
        if (f instanceof Filter.Between b && (own == null || b.fromInclusive().isAfter(own))) {
          own = b.fromInclusive();
        }
      }
      if (own == null) {
        return null;
      }
      out = out == null || own.isBefore(out) ? own : out;
    }
    return out;
  }

  static Condition tenant(FactTable table, TenantId tenant) {
    return switch (table) {
      case CYCLES -> Cycle.TENANT_ID.eq(tenant.value());
      case CLOCKS -> ReportClock.TENANT_ID.eq(tenant.value());
      case ESCALATIONS -> DONE.tenantId.eq(tenant.value()).and(DONE.kind.eq("LEVEL"));
    };
  }

  private Field<?> measure(Measure m, int i) {
    Field<Object> v = DSL.field(DSL.name("x", "v" + i));
    if (m instanceof Measure.Count) {
      return DSL.count();
    } else if (m instanceof Measure.CountOf || m instanceof Measure.CountIf) {
      return m instanceof Measure.CountOf ? DSL.count(v)
          : DSL.coalesce(DSL.sum(DSL.field(DSL.name("x", "v" + i), Integer.class)),
              DSL.inline(BigDecimal.ZERO));
    } else if (m instanceof Measure.Sum) {
      return DSL.sum(DSL.field(DSL.name("x", "v" + i), Long.class));
    }
    Measure.Percentile p = (Measure.Percentile) m;
    BigDecimal fraction = new BigDecimal(Double.toString(p.p()));
    Field<Long> value = DSL.field(DSL.name("x", "v" + i), Long.class);
    if (kind == DatabaseKind.POSTGRESQL) {
      return DSL.percentileDisc(fraction).withinGroupOrderBy(value);
    }
    Field<Long> rank = DSL.field(DSL.name("x", "r" + i), Long.class);
    Field<Long> n = DSL.field(DSL.name("x", "n" + i), Long.class);
    Field<BigDecimal> at = DSL.greatest(DSL.inline(BigDecimal.ONE),
        DSL.ceil(DSL.inline(fraction).mul(n)));
    return DSL.max(DSL.when(value.isNotNull().and(rank.eq(at.cast(SQLDataType.BIGINT))), value));
  }

  /** The value a measure reads per fact; null for a plain count. */
  private Field<?> input(Measure m) {
    if (m instanceof Measure.CountOf c) {
      return duration(c.field());
    } else if (m instanceof Measure.Sum s) {
      return duration(s.field());
    } else if (m instanceof Measure.Percentile p) {
      return duration(p.field());
    } else if (m instanceof Measure.CountIf c) {
      return DSL.when(condition(c.condition()), DSL.inline(1)).otherwise(DSL.inline(0));
    }
    return null;
  }

  Field<Long> duration(FactField f) {
    return switch (f) {
      case RESOLUTION_TIME -> Cycle.RESOLUTION_MS;
      case FIRST_REPLY_TIME -> Cycle.FIRST_REPLY_MS;
      case ACCEPTANCE_TIME -> Cycle.ACCEPTANCE_MS;
      case CLOCK_BUSINESS_TIME -> ReportClock.BUSINESS_MS;
      default -> throw new IllegalArgumentException("no duration: " + f);
    };
  }

  /** The value of an instant field, for ordering. */
  Field<Instant> instantColumn(FactField f) {
    return instant(f).value();
  }

  /** The instant column of a field, with the condition under which it holds the fact's value. */
  private record Instantly(Field<Instant> column, Condition when) {
    Field<Instant> value() {
      return when == null ? column : DSL.when(when, column);
    }
  }

  private static Instantly instant(FactField f) {
    return switch (f) {
      case TICKET_CREATED_AT -> new Instantly(Cycle.TICKET_CREATED_AT, null);
      case STARTED_AT -> new Instantly(Cycle.STARTED_AT, null);
      case ACCEPTED_AT -> new Instantly(Cycle.ACCEPTED_AT, null);
      case FIRST_REPLY_AT -> new Instantly(Cycle.FIRST_REPLY_AT, null);
      case RESOLVED_AT -> new Instantly(Cycle.RESOLVED_AT, null);
      case WORK_ENDED_AT -> new Instantly(Cycle.WORK_ENDED_AT, null);
      case CLOSED_AT -> new Instantly(Cycle.CLOSED_AT, null);
      case REOPENED_AT -> new Instantly(Cycle.REOPENED_AT, null);
      case ESCALATED_AT -> new Instantly(Cycle.ESCALATED_AT, null);
      case RATED_AT -> new Instantly(Cycle.RATED_AT, null);
      case CLOCK_STARTED_AT -> new Instantly(ReportClock.STARTED_AT, null);
      case CLOCK_STOPPED_AT -> new Instantly(ReportClock.STOPPED_AT, null);
      case CLOCK_MET_AT -> new Instantly(ReportClock.MET_AT, null);
      case CLOCK_BREACHED_AT -> new Instantly(ReportClock.BREACHED_AT, null);
      case CLOCK_CANCELLED_AT -> new Instantly(ReportClock.CANCELLED_AT, null);
      case FIRED_AT -> new Instantly(DONE.doneAt, null);
      default -> throw new IllegalArgumentException("no instant: " + f);
    };
  }

  /** A key field's column, in its stored type (see {@link #key}). */
  private static Field<?> keyColumn(FactField f) {
    return switch (f) {
      case CYCLE -> Cycle.CYCLE;
      case CHANNEL -> Cycle.CHANNEL;
      case CATEGORY -> Cycle.CATEGORY;
      case PRIORITY -> Cycle.PRIORITY;
      case AGENT -> Cycle.AGENT;
      case CLOSE_KIND -> Cycle.CLOSE_KIND;
      case RATING -> Cycle.RATING;
      case RATING_COMMENT -> Cycle.RATING_COMMENT;
      case DISSATISFACTION_REASON -> Cycle.DISSATISFACTION_REASON;
      case FIRST_CONTACT_RESOLUTION -> Cycle.FIRST_CONTACT;
      case TAG -> TicketTables.Tag.TAG;
      case CLOCK_METRIC -> ReportClock.METRIC;
      case CLOCK_PRIORITY -> ReportClock.PRIORITY;
      case CLOCK_AGENT -> Cycle.AGENT;
      case CLOCK_TICKET_CYCLE -> ReportClock.TICKET_CYCLE;
      case ESCALATION_METRIC -> DONE.metric;
      case ESCALATION_LEVEL -> DONE.level;
      default -> throw new IllegalArgumentException("no key: " + f);
    };
  }

  /** A group key as the report reads it: text, numbers in decimal, flags as true or false. */
  static String key(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return Long.toString(n.longValue());
    }
    return value.toString();
  }

  Field<?> dimension(Dimension d) {
    if (d instanceof Dimension.Key k) {
      return keyColumn(k.field());
    }
    Field<BigDecimal> seconds = epochSeconds(instant(d.field()).value());
    if (d instanceof Dimension.AgeDays a) {
      BigDecimal at = BigDecimal.valueOf(a.at().toEpochMilli()).movePointLeft(3);
      return DSL.floor(DSL.inline(at).sub(seconds).div(DSL.inline(BigDecimal.valueOf(
          DAY_SECONDS)))).cast(SQLDataType.BIGINT);
    }
    if (kind == DatabaseKind.POSTGRESQL) {
      // date_part gives double precision, several times cheaper per row than extract's numeric,
      // and exact enough: an instant in whole microseconds is at least 1 us from a quarter-hour
      // boundary, and the double's error there is below 0.3 us.
      return DSL.field("floor(date_part('epoch', {0}) / " + QUARTER_HOUR_SECONDS + ")::bigint",
          Long.class, instant(d.field()).value());
    }
    return DSL.floor(seconds.div(DSL.inline(BigDecimal.valueOf(QUARTER_HOUR_SECONDS))))
        .cast(SQLDataType.BIGINT);
  }

  /** Seconds since the epoch of a UTC timestamp, with its fraction. */
  private Field<BigDecimal> epochSeconds(Field<Instant> t) {
    return switch (kind) {
      case MARIADB -> DSL.field(
          "(timestampdiff(microsecond, timestamp '1970-01-01 00:00:00', {0}) / 1000000)",
          BigDecimal.class, t);
      case POSTGRESQL -> DSL.field("extract(epoch from {0})", BigDecimal.class, t);
      case H2 -> DSL.field("(datediff(microsecond, timestamp '1970-01-01 00:00:00', {0}) "
          + "/ 1000000.0)", BigDecimal.class, t);
    };
  }

  /** The SQL of a filter. */
  Condition condition(Filter f) {
    if (f instanceof Filter.Between b) {
      Instantly i = instant(b.field());
      Condition c = i.column().ge(b.fromInclusive()).and(i.column().lt(b.toExclusive()));
      return i.when() == null ? c : i.when().and(c);
    } else if (f instanceof Filter.Before b) {
      Instantly i = instant(b.field());
      Condition c = i.column().lt(b.instant());
      return i.when() == null ? c : i.when().and(c);
    } else if (f instanceof Filter.NotBefore n) {
      Instantly i = instant(n.field());
      Condition c = i.column().isNull().or(i.column().ge(n.instant()));
      return i.when() == null ? c : DSL.not(i.when()).or(c);
    } else if (f instanceof Filter.Equal e) {
      if (e.field() == FactField.TAG) {
        return DSL.exists(DSL.selectOne().from(TAGS)
            .where(TicketTables.Tag.TENANT_ID.eq(Cycle.TENANT_ID))
            .and(TicketTables.Tag.TICKET_ID.eq(Cycle.TICKET_ID))
            .and(TicketTables.Tag.TAG.eq(e.value())));
      }
      return equal(e.field(), e.value());
    } else if (f instanceof Filter.NotEqual n) {
      Field<?> column = keyColumn(n.field());
      return column.isNull().or(DSL.not(equal(n.field(), n.value())));
    } else if (f instanceof Filter.CategoryWithin w) {
      return Cycle.CATEGORY.eq(w.path()).or(Cycle.CATEGORY.startsWith(w.path() + "/"));
    }
    Filter.Null n = (Filter.Null) f;
    Field<?> value = switch (n.field().kind()) {
      case INSTANT -> instant(n.field()).value();
      case DURATION -> duration(n.field());
      case KEY -> keyColumn(n.field());
    };
    return n.isNull() ? value.isNull() : value.isNotNull();
  }

  /** A key column equals a value's text form (never true for text that is no such value). */
  @SuppressWarnings("unchecked")
  private static Condition equal(FactField f, String value) {
    Field<?> column = keyColumn(f);
    if (column.getType() == Integer.class) {
      try {
        return ((Field<Integer>) column).eq(Integer.parseInt(value));
      } catch (NumberFormatException e) {
        return DSL.falseCondition();
      }
    }
    if (column.getType() == Boolean.class) {
      if (!value.equals("true") && !value.equals("false")) {
        return DSL.falseCondition();
      }
      return ((Field<Boolean>) column).eq(Boolean.parseBoolean(value));
    }
    return ((Field<String>) column).eq(value);
  }
}
