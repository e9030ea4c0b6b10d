package dev.ticketkit.jdbc;

import dev.ticketkit.core.TenantId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TicketFollower;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.ReportEngine;
import dev.ticketkit.report.source.ReportSource;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.report.OracleCheck;
import dev.ticketkit.testkit.report.ReportSourceContract;
import dev.ticketkit.testkit.report.ProcessScenario;
import dev.ticketkit.testkit.report.SupportWorld;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Runs ticket-report's source contract against {@link JdbcReportSource} (its follower attached
 * to the simulated helpdesk from the first commit), plus what only the SQL source does: a
 * rebuild from the histories writes exactly the rows the follower kept, and a ticket stored
 * without rows gets them at its next change. A subclass names the database.
 */
abstract class JdbcReportSourceContract extends ReportSourceContract {

  private final List<TestKit> kits = new ArrayList<>();

  /** Returns the database product under test. */
  protected abstract DatabaseKind kind();

  @AfterAll
  void dropDatabases() {
    kits.forEach(TestKit::close);
  }

  @Override
  protected TicketStore newTicketStore() {
    TestKit kit = new TestKit(kind());
    kits.add(kit);
    return kit.kit().ticketStore();
  }

  @Override
  protected SlaStore newSlaStore() {
    return kits.get(kits.size() - 1).kit().slaStore();
  }

  private JdbcTicketKit kitOf(TicketStore tickets) {
    return kits.stream().map(TestKit::kit).filter(k -> k.ticketStore() == tickets).findFirst()
        .orElseThrow();
  }

  @Override
  protected ReportSource sourceOver(TicketStore tickets, SlaStore sla) {
    return kitOf(tickets).reportSource();
  }

  @Override
  protected TicketFollower followerOver(TicketStore tickets, SlaStore sla) {
    return kitOf(tickets).reportSource();
  }

  @Test
  void aRebuildWritesTheRowsTheFollowerKept() {
    TestKit shared = kits.get(0);
    List<Map<String, Object>> kept = rows(shared.dataSource());
    assertThat(kept).hasSizeGreaterThan(500);
    JdbcReportSource source = shared.kit().reportSource();
    assertThat(source.rebuild(SupportWorld.ACME) + source.rebuild(SupportWorld.GLOBEX))
        .isEqualTo(520);
    assertThat(rows(shared.dataSource())).isEqualTo(kept);
  }

  @Test
  void ticketsStoredBeforeTheFollowerGetRowsByRebuildOrAtTheirNextChange() {
    TestKit late = new TestKit(kind());
    kits.add(late);
    SupportWorld w = new SupportWorld(late.kit().ticketStore(), late.kit().slaStore(), START);
    w.plan(SupportWorld.ACME, START, cn("2026-02-20T00:00"), 40, 5);
    w.runUntil(cn("2026-02-10T00:00"));
    w.service().attach(late.kit().reportSource());
    w.runUntil(END);
    List<Map<String, Object>> healed = rows(late.dataSource());
    assertThat(healed).isNotEmpty();
    assertThat(late.kit().reportSource().rebuild(SupportWorld.ACME)).isEqualTo(40);
    List<Map<String, Object>> rebuilt = rows(late.dataSource());
    assertThat(rebuilt.size()).isGreaterThanOrEqualTo(40);
    assertThat(rebuilt).containsAll(healed);
  }

  /**
   * The report's rows of stopped clocks, written by the SLA store in each commit once the source
   * exists, are exactly those a backfill computes from tk_sla_clock (one per stopped clock), in
   * pages of a few clocks as in one; a second backfill writes nothing, and a rebuild keeps them.
   */
  @Test
  void theClockRowsKeptAtCommitAreThoseABackfillWrites() {
    TestKit shared = kits.get(0);
    DataSource ds = shared.dataSource();
    List<Map<String, Object>> kept = rows(ds, CLOCK_ROWS);
    assertThat(kept).hasSizeGreaterThan(1000)
        .hasSize((int) count(ds, "select count(*) from tk_sla_clock where stopped_at is not null"));
    assertThat(kept).anyMatch(r -> r.get("breached_at") != null)
        .anyMatch(r -> r.get("met_at") != null).anyMatch(r -> r.get("cancelled_at") != null);
    JdbcReportSource source = shared.kit().reportSource();
    for (int page : new int[] {7, 5_000}) {
      exec(ds, "delete from tk_report_clock");
      assertThat(source.backfillClocks(SupportWorld.ACME, page)
          + source.backfillClocks(SupportWorld.GLOBEX, page)).isEqualTo(kept.size());
      assertThat(rows(ds, CLOCK_ROWS)).isEqualTo(kept);
    }
    assertThat(source.backfillClocks(SupportWorld.ACME)).isZero();
    source.rebuild(SupportWorld.ACME);
    assertThat(rows(ds, CLOCK_ROWS)).isEqualTo(kept);
  }

  /**
   * A kit without the report source writes no report clock rows (its SLA writes are as before);
   * a host that attaches reports to that database later runs the rebuild and the clock backfill,
   * and gets the figures the oracles compute from the stores.
   */
  @Test
  void aKitWithoutTheReportSourceWritesNoClockRowsAndTheBackfillCatchesUp() {
    TestKit plain = new TestKit(kind());
    kits.add(plain);
    DataSource ds = plain.dataSource();
    SupportWorld w = new SupportWorld(plain.kit().ticketStore(), plain.kit().slaStore(), START);
    w.plan(SupportWorld.ACME, START, cn("2026-03-20T00:00"), 40, 13);
    w.runUntil(END);
    long stopped = count(ds, "select count(*) from tk_sla_clock where stopped_at is not null");
    assertThat(stopped).isGreaterThan(40);
    assertThat(count(ds, "select count(*) from tk_report_clock")).isZero();

    JdbcReportSource source = plain.kit().reportSource();
    assertThat(source.rebuild(SupportWorld.ACME)).isEqualTo(40);
    exec(ds, "delete from tk_report_clock");
    assertThat(source.backfillClocks(SupportWorld.ACME, 3)).isEqualTo(stopped);

    Report r = ReportEngine.builder().source(source).clock(new MutableClock(END))
        .tenant(SupportWorld.ACME, SupportWorld.SHANGHAI).build()
        .monthly(SupportWorld.ACME, YearMonth.of(2026, 3));
    assertThat(r.sla().breaches()).isPositive();
    OracleCheck.check(r, plain.kit().ticketStore(), plain.kit().slaStore(), SupportWorld.ACME);
  }

  /**
   * The support-process rows the follower writes change by change, without reading, are exactly
   * those a rebuild derives from the whole histories: over the simulated helpdesk and over the
   * scripted hand-offs, follow-ups, problems and ratings.
   */
  @Test
  void aRebuildWritesTheProcessRowsTheFollowerKept() {
    for (int world : new int[] {0, 2}) {
      TestKit kit = kits.get(world);
      List<Map<String, Object>> kept = rows(kit.dataSource(), PROCESS_ROWS);
      assertThat(kept).hasSizeGreaterThan(world == 0 ? 500 : 30);
      JdbcReportSource source = kit.kit().reportSource();
      for (TenantId t : List.of(SupportWorld.ACME, SupportWorld.GLOBEX, ProcessScenario.HANDOFFS,
          ProcessScenario.FOLLOW_UPS, ProcessScenario.PROBLEMS, ProcessScenario.RATINGS)) {
        source.rebuild(t);
      }
      assertThat(rows(kit.dataSource(), PROCESS_ROWS)).isEqualTo(kept);
    }
    assertThat(rows(kits.get(2).dataSource(), PROCESS_ROWS)).extracting(r -> r.get("kind"))
        .map(String::valueOf).contains("HANDOFF", "FOLLOW_UP", "PROBLEM", "INCIDENT",
            "RATING_REQUEST");
  }

  private static final String PROCESS_ROWS =
      "select * from tk_report_process order by tenant_id, ticket_id, kind, seq";

  private static final String CLOCK_ROWS =
      "select * from tk_report_clock order by tenant_id, ticket_id, metric, cycle";

  private static long count(DataSource ds, String sql) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void exec(DataSource ds, String sql) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every cycle row, in key order, as column name to value. */
  static List<Map<String, Object>> rows(DataSource ds) {
    return rows(ds, "select * from tk_report_cycle order by tenant_id, ticket_id, cycle");
  }

  /** Every row of a query, as column name to value. */
  static List<Map<String, Object>> rows(DataSource ds, String query) {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
        }
        out.add(row);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
