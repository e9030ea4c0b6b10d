package dev.ticketkit.jdbc;

import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.ReportTables.Cycle;
import dev.ticketkit.report.source.AggregateRow;
import dev.ticketkit.report.source.CycleFact;
import dev.ticketkit.report.source.FactQuery;
import dev.ticketkit.report.source.FactReader;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.report.source.ReportSourceException;
import dev.ticketkit.report.source.SampleQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FactReader} on one connection in a read-only REPEATABLE READ transaction (a snapshot
 * on PostgreSQL and MariaDB's InnoDB; H2's MVStore keeps the rows it read), so all of a report's
 * queries see one state. Each aggregate is one statement ({@link ReportSql}); a sample is one
 * ordered, limited statement plus one read of the sampled tickets' tags. Not thread-safe.
 */
final class JdbcFactReader implements FactReader {

  /**
   * PostgreSQL's sort memory for the reader's transaction ({@code SET LOCAL}, gone at its end):
   * a batch sorts a month's durations for its percentiles, which the 4 MB default spills to disk.
   */
  static final String WORK_MEM = "64MB";

  private final Database db;
  private final ReportSql queries;
  private final TenantId tenant;
  private final Connection connection;
  private final DSLContext sql;
  private final boolean autoCommit;
  private final int isolation;
  private boolean closed;

  private JdbcFactReader(Database db, ReportSql queries, TenantId tenant, Connection c)
      throws SQLException {
    this.db = db;
    this.queries = queries;
    this.tenant = tenant;
    this.connection = c;
    this.autoCommit = c.getAutoCommit();
    this.isolation = c.getTransactionIsolation();
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    if (queries.kind() == DatabaseKind.POSTGRESQL) {
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("set local work_mem = '" + WORK_MEM + "'");
      }
    }
    this.sql = db.bind(c);
  }

  static FactReader open(Database db, ReportSql queries, TenantId tenant) {
    Connection c = null;
    try {
      c = db.openConnection();
      return new JdbcFactReader(db, queries, tenant, c);
    } catch (SQLException e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new ReportSourceException("cannot open a report reader for tenant " + tenant + " ("
          + db.kind() + ")", e);
    }
  }

  @Override
  public List<AggregateRow> aggregate(FactQuery query) {
    Objects.requireNonNull(query, "query");
    check();
    try {
      int keys = query.groupBy().size();
      List<AggregateRow> out = new ArrayList<>();
      for (Record r : queries.aggregate(sql, tenant, query).fetch()) {
        List<@Nullable String> k = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
          k.add(ReportSql.key(r.get(i)));
        }
        List<@Nullable Long> v = new ArrayList<>(query.measures().size());
        for (int i = 0; i < query.measures().size(); i++) {
          Object value = r.get(keys + i);
          v.add(value == null ? null : ((Number) value).longValue());
        }
        out.add(new AggregateRow(k, v));
      }
      return out;
    } catch (org.jooq.exception.DataAccessException e) {
      throw failed("run a report query on " + query.table(), e);
    }
  }

  /**
   * Answers queries together: on PostgreSQL, the queries of one fact table that share a shape
   * (the same joins, a period condition or none, grouped or not) run as one statement
   * ({@link ReportSqlBatch}); tag counts, grouped percentiles, queries alone in their shape, and
   * every query on H2 and MariaDB run one by one.
   */
  @Override
  public List<List<AggregateRow>> aggregateAll(List<FactQuery> queries) {
    Objects.requireNonNull(queries, "queries");
    check();
    if (queries.size() < 2 || queries.get(0) == null
        || this.queries.kind() != DatabaseKind.POSTGRESQL) {
      return FactReader.super.aggregateAll(queries);
    }
    Map<ReportSqlBatch.Shape, List<Integer>> shapes = new java.util.LinkedHashMap<>();
    for (int i = 0; i < queries.size(); i++) {
      shapes.computeIfAbsent(ReportSqlBatch.Shape.of(queries.get(i)), x -> new ArrayList<>())
          .add(i);
    }
    List<List<AggregateRow>> out = new ArrayList<>(Collections.nCopies(queries.size(),
        (List<AggregateRow>) null));
    ReportSqlBatch batch = new ReportSqlBatch(this.queries);
    shapes.forEach((shape, places) -> {
      if (shape.alone() || places.size() == 1) {
        places.forEach(i -> out.set(i, aggregate(queries.get(i))));
        return;
      }
      List<FactQuery> group = places.stream().map(queries::get).toList();
      try {
        List<List<AggregateRow>> answers = batch.run(sql, tenant, shape, group);
        for (int k = 0; k < places.size(); k++) {
          out.set(places.get(k), answers.get(k));
        }
      } catch (org.jooq.exception.DataAccessException e) {
        throw failed("run " + group.size() + " report queries on " + shape.table(), e);
      }
    });
    return out;
  }

  @Override
  public List<CycleFact> sample(SampleQuery query) {
    Objects.requireNonNull(query, "query");
    check();
    try {
      Condition where = Cycle.TENANT_ID.eq(tenant.value());
      for (Filter f : query.filters()) {
        where = where.and(queries.condition(f));
      }
      Field<?> order = queries.instantColumn(query.latestFirstBy());
      List<Record> rows = sql.select(Cycle.ALL).from(Cycle.TABLE).where(where)
          .orderBy(setBy(query) ? order.desc() : order.desc().nullsLast(),
              Cycle.TICKET_NUMBER.desc(), Cycle.CYCLE.desc())
          .limit(query.limit()).fetch();
      List<UUID> ids = rows.stream().map(r -> r.get(Cycle.TICKET_ID)).distinct().toList();
      Map<UUID, SortedSet<Tag>> tags = JdbcReportSource.tags(sql, tenant, ids);
      List<CycleFact> out = new ArrayList<>(rows.size());
      for (Record r : rows) {
        out.add(ReportFactRows.fact(r::get, tags.getOrDefault(r.get(Cycle.TICKET_ID),
            Collections.emptySortedSet())));
      }
      return List.copyOf(out);
    } catch (org.jooq.exception.DataAccessException e) {
      throw failed("sample report facts", e);
    }
  }

  /**
   * Tells whether the filters only match facts whose order field is set: then the order needs
   * no NULLS LAST, and PostgreSQL can read the latest facts backwards from the field's index.
   */
  private static boolean setBy(SampleQuery query) {
    return query.filters().stream().anyMatch(f -> f.field() == query.latestFirstBy()
        && (f instanceof Filter.Between || f instanceof Filter.Before
            || f instanceof Filter.Null n && !n.isNull()));
  }

  private void check() {
    if (closed) {
      throw new IllegalStateException("the report reader is closed");
    }
  }

  private ReportSourceException failed(String what, Exception e) {
    return new ReportSourceException("cannot " + what + " of tenant " + tenant + " ("
        + db.kind() + ")", e);
  }

  @Override
  public dev.ticketkit.report.ProcessFigures process(
      dev.ticketkit.report.source.ProcessQuery query) {
    Objects.requireNonNull(query, "query");
    check();
    try {
      return ProcessSql.compute(sql, tenant, query);
    } catch (org.jooq.exception.DataAccessException e) {
      throw failed("compute the support-process figures", e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    SQLException failure = null;
    try {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
      connection.setTransactionIsolation(isolation);
    } catch (SQLException e) {
      failure = e;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failed("close the report reader", failure);
    }
  }
}
