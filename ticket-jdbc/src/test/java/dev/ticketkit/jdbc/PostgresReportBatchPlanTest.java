package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactQuery;
import dev.ticketkit.report.source.FactTable;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.report.source.Measure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL batch of a monthly report's cycle queries reads the period's index ranges, not
 * the whole table: over 120,000 analysed cycle rows spread evenly over sixteen months, the batch
 * of the report's 17 ungrouped cycle queries (March and February; 6 of them only repeat a period
 * condition of another with one more condition) is planned as a {@code BitmapOr} of index scans
 * on {@code tk_report_cycle}. With all 17 conditions in its {@code WHERE} (before issue 12's
 * fix) the same data was planned as a sequential scan of the table (estimated 57,356 rows, the
 * 17 index scans costing more than the scan); checked once against that code. Over twelve months
 * the reduced statement's plan was on the edge (a scan in one run of three); over twenty-four the
 * old one got index ranges too. The plan is printed.
 */
class PostgresReportBatchPlanTest {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);
  private static final TenantId TENANT = TenantId.of("plan-a");
  private static final Instant FEB = Instant.parse("2026-01-31T16:00:00Z");
  private static final Instant MAR = Instant.parse("2026-02-28T16:00:00Z");
  private static final Instant APR = Instant.parse("2026-03-31T16:00:00Z");

  @BeforeAll
  static void rows() throws SQLException {
    try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement()) {
      // 120,000 cycles of tenant plan-a, created evenly from December 2024 to March 2026; accepted,
      // first reply and resolution after minutes to a day, a tenth reopened, a tenth escalated,
      // half rated.
      s.execute("insert into tk_report_cycle (tenant_id, ticket_id, cycle, ticket_number,"
          + " subject, channel, category, priority, agent, ticket_created_at, started_at,"
          + " accepted_at, first_reply_at, resolved_at, reopened_at, escalated_at, rated_at,"
          + " tier_escalations, agent_replies, requester_follow_ups, handoffs, first_contact,"
          + " resolution_ms)"
          + " select 'plan-a', md5('p' || g)::uuid, 1 + (g % 10 = 0)::int, g + 1, 'S', 'EMAIL',"
          + " 'c' || (g % 5), 'LOW', 'agent-' || (g % 6), c, c, c + interval '5 minutes',"
          + " c + interval '1 hour', c + interval '20 hours',"
          + " case when g % 10 = 1 then c + interval '2 days' end,"
          + " case when g % 10 = 2 then c + interval '3 hours' end,"
          + " case when g % 2 = 0 then c + interval '30 hours' end,"
          + " 0, 1, 0, 0, g % 3 = 0, 72000000"
          + " from (select g, timestamp '2024-12-01 00:00:00' + (g * 351) * interval '1 second' c"
          + " from generate_series(0, 119999) g) x");
      s.execute("analyze tk_report_cycle");
    }
  }

  @AfterAll
  static void drop() {
    DB.close();
  }

  @Test
  void theMonthlyCycleBatchReadsIndexRanges() throws SQLException {
    List<FactQuery> batch = new ArrayList<>();
    for (Instant[] p : new Instant[][] {{MAR, APR}, {FEB, MAR}}) {
      Filter resolved = new Filter.Between(FactField.RESOLVED_AT, p[0], p[1]);
      batch.add(query(resolved));
      batch.add(query(resolved, new Filter.Equal(FactField.CYCLE, "1")));
      batch.add(query(resolved, new Filter.NotEqual(FactField.CYCLE, "1")));
      batch.add(query(new Filter.Between(FactField.FIRST_REPLY_AT, p[0], p[1])));
      batch.add(query(new Filter.Between(FactField.ACCEPTED_AT, p[0], p[1])));
      batch.add(query(resolved, new Filter.Before(FactField.RATED_AT, p[1])));
      batch.add(query(new Filter.Between(FactField.REOPENED_AT, p[0], p[1])));
      batch.add(query(new Filter.Between(FactField.ESCALATED_AT, p[0], p[1])));
    }
    batch.add(query(new Filter.Between(FactField.TICKET_CREATED_AT, MAR, APR),
        new Filter.Equal(FactField.CYCLE, "1")));
    List<String> plan = new ArrayList<>();
    try (Connection c = DB.dataSource().getConnection()) {
      List<String> statements = new ArrayList<>();
      DSLContext ctx = DSL.using(new DefaultConfiguration().set(c)
          .set(Database.dialectOf(DatabaseKind.POSTGRESQL))
          .set(new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER))
          .set(ExecuteListener.onExecuteStart(
              e -> statements.add(e.query().getSQL(ParamType.INLINED)))));
      new ReportSqlBatch(new ReportSql(DatabaseKind.POSTGRESQL)).run(ctx, TENANT,
          ReportSqlBatch.Shape.of(batch.get(0)), batch);
      assertThat(statements).hasSize(1);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("explain " + statements.get(0))) {
        while (rs.next()) {
          plan.add(rs.getString(1));
        }
      }
    }
    System.out.println(String.join("\n", plan));
    assertThat(String.join("\n", plan)).contains("BitmapOr")
        .doesNotContain("Seq Scan on tk_report_cycle");
  }

  private static FactQuery query(Filter... filters) {
    return new FactQuery(FactTable.CYCLES, List.of(filters), List.of(),
        List.of(new Measure.Count(), new Measure.Percentile(FactField.RESOLUTION_TIME, 0.5)));
  }
}
