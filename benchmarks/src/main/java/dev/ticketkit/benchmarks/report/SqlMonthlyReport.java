package dev.ticketkit.benchmarks.report;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ticketkit.jdbc.JdbcTicketKit;
import dev.ticketkit.report.HeadlineFigure;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.ReportEngine;
import dev.ticketkit.report.source.AggregateRow;
import dev.ticketkit.report.source.CycleFact;
import dev.ticketkit.report.source.FactQuery;
import dev.ticketkit.report.source.FactReader;
import dev.ticketkit.report.source.SampleQuery;
import dev.ticketkit.testkit.report.SupportWorld;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The monthly report on PostgreSQL over a million tickets, against one hand-written SQL query of
 * the same headline figures, in the same run.
 *
 * <p>Data: {@code base} tickets (default 1,000) live their March 2026 through the public API on
 * the jOOQ stores with the SLA engine and the SQL report source attached (so every row is what
 * TicketKit writes); then their report rows ({@code tk_report_cycle}), SLA clocks
 * ({@code tk_sla_clock}), done records ({@code tk_sla_done}) and tag rows ({@code tk_ticket_tag})
 * are copied with {@code INSERT ... SELECT ... CROSS JOIN generate_series} under new ticket ids
 * (md5 of id and copy number), new numbers and every instant shifted by the copy's offset (0 to
 * 59 minutes), so the copies are consistent rows of the same shapes and distributions. The
 * tickets' own rows and histories are not copied: the SQL report never reads them. Measured at
 * {@code base * 100} and {@code base * copies} tickets (default 100,000 and 1,000,000): each
 * round times the report ({@code ReportEngine.monthly} for March, with February's headline) and
 * the hand-written query, alternately, 2 warm-up and 5 measured rounds, with the bytes the
 * report allocated on the calling thread (the JVM side of its memory use).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.ticketkit.benchmarks.report.SqlMonthlyReport [base] [copies]} with
 * {@code -Dticketkit.bench.postgres.url=...} (default: the local test server). Uses the schema
 * {@code tk_report_bench}, dropped at the end. The copies' stopped clocks get their report rows
 * ({@code tk_report_clock}) from the library's {@code JdbcReportSource.backfillClocks}, as a host
 * attaching reports to an existing database would (timed and printed); a kept schema from an
 * older jar is backfilled the same way.
 *
 * <p>With {@code -Dticketkit.bench.report.months=N} (default 1) the copies are spread over
 * {@code N} consecutive months ending with March 2026, so that the table holds about {@code N}
 * times the tickets of the reported month: copy {@code k} is shifted back by {@code k mod N}
 * months of 31 days each (a fixed duration, the same for every instant of every row of the
 * copy, on top of its minute offset). With 31-day months no earlier copy is
 * created in March (March 1 minus 31 days is January 29), February holds 28 of the 31 days of
 * copies shifted by one month (so February's previous-period figures are those of an ordinary
 * month with about 28/31 of March's tickets), and the copies of the last month land from late
 * March to late April of the year before; the rows keep March's weekdays and business times (they
 * are copies, not re-simulated). The simulation ends every ticket's work by April 3, so no copy
 * stays open for good: the backlog at a month's end holds only tickets of that month's last days.
 * {@code N = 1} builds exactly the rows built without the option. The run prints the tickets
 * received in March 2026 and in the whole table. A kept schema keeps the spreading it was built
 * with.
 */
public final class SqlMonthlyReport {

  private static final String URL = System.getProperty("ticketkit.bench.postgres.url",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  private static final String SCHEMA = "tk_report_bench";
  private static final List<String> TABLES = List.of("tk_report_cycle", "tk_sla_clock",
      "tk_sla_done", "tk_ticket_tag");

  /** With {@code -Dticketkit.bench.report.profile=true}: prints each query's time. */
  private static final boolean PROFILE = Boolean.getBoolean("ticketkit.bench.report.profile");
  /**
   * With {@code -Dticketkit.bench.report.keep=true}: the schema is kept at the end, and a run
   * that finds it filled measures it again without simulating or copying.
   */
  private static final boolean KEEP = Boolean.getBoolean("ticketkit.bench.report.keep");
  /**
   * With {@code -Dticketkit.bench.report.months=N} (default 1): the copies are spread over N
   * months ending with March 2026, copy {@code k} shifted back by {@code (k mod N)} times
   * 31 days (see the class comment).
   */
  private static final int MONTHS = Integer.getInteger("ticketkit.bench.report.months", 1);
  /** The fixed length of a month by which copies are shifted back when spread over months. */
  private static final int DAYS_PER_MONTH = 31;
  /**
   * With {@code -Dticketkit.bench.report.backendCpu=true}: each round also prints the CPU time
   * (user + system, from {@code /proc/<pid>/stat}) that the database's client backends spent
   * during the report. Only for a server on this machine; parallel workers are not counted, so set
   * {@code max_parallel_workers_per_gather = 0} on the database for a complete figure.
   */
  private static final boolean BACKEND_CPU =
      Boolean.getBoolean("ticketkit.bench.report.backendCpu");

  private SqlMonthlyReport() {}

  /** A reader that prints the wall time of each query, slowest first, when closed. */
  private static final class Timed implements FactReader {
    private final FactReader reader;
    private final List<String> lines = new ArrayList<>();

    Timed(FactReader reader) {
      this.reader = reader;
    }

    @Override
    public List<AggregateRow> aggregate(FactQuery query) {
      long t0 = System.nanoTime();
      List<AggregateRow> out = reader.aggregate(query);
      lines.add(String.format(Locale.ROOT, "%8.3f s  %s", (System.nanoTime() - t0) / 1e9,
          query));
      return out;
    }

    @Override
    public List<List<AggregateRow>> aggregateAll(List<FactQuery> queries) {
      long t0 = System.nanoTime();
      List<List<AggregateRow>> out = reader.aggregateAll(queries);
      lines.add(String.format(Locale.ROOT, "%8.3f s  batch of %d queries", (System.nanoTime() - t0)
          / 1e9, queries.size()));
      return out;
    }

    @Override
    public List<CycleFact> sample(SampleQuery query) {
      long t0 = System.nanoTime();
      List<CycleFact> out = reader.sample(query);
      lines.add(String.format(Locale.ROOT, "%8.3f s  %s", (System.nanoTime() - t0) / 1e9,
          query));
      return out;
    }

    @Override
    public dev.ticketkit.report.ProcessFigures process(
        dev.ticketkit.report.source.ProcessQuery query) {
      long t0 = System.nanoTime();
      dev.ticketkit.report.ProcessFigures out = reader.process(query);
      lines.add(String.format(java.util.Locale.ROOT, "%8.3f s  process figures",
          (System.nanoTime() - t0) / 1e9));
      return out;
    }

    @Override
    public void close() {
      reader.close();
      lines.sort(java.util.Comparator.reverseOrder());
      System.out.println(lines.size() + " queries:");
      lines.forEach(System.out::println);
    }
  }

  /**
   * Runs the benchmark.
   *
   * @param args optionally the number of simulated tickets and of copies
   * @throws Exception if the database fails
   */
  public static void main(String[] args) throws Exception {
    int base = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int copies = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    if (MONTHS < 1) {
      throw new IllegalArgumentException("ticketkit.bench.report.months must be at least 1: "
          + MONTHS);
    }
    boolean reuse = false;
    try (Connection admin = DriverManager.getConnection(URL);
        Statement s = admin.createStatement()) {
      if (KEEP) {
        try (ResultSet rs = s.executeQuery("select count(*) from information_schema.tables where"
            + " table_schema = '" + SCHEMA + "' and table_name = 'tk_report_cycle'")) {
          rs.next();
          reuse = rs.getLong(1) > 0;
        }
      }
      if (!reuse) {
        s.execute("drop schema if exists " + SCHEMA + " cascade");
        s.execute("create schema " + SCHEMA);
      }
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL + "&currentSchema=" + SCHEMA);
    config.setMaximumPoolSize(4);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      JdbcTicketKit kit = JdbcTicketKit.create(pool);
      Instant start = at("2026-03-01T00:00");
      long t0 = System.nanoTime();
      java.time.Clock clock = new dev.ticketkit.testkit.MutableClock(at("2026-04-03T00:00"));
      if (!reuse) {
        SupportWorld world = new SupportWorld(kit.ticketStore(), kit.slaStore(), start);
        world.service().attach(kit.reportSource());
        world.plan(SupportWorld.ACME, start, at("2026-04-01T00:00"), base, 20261201);
        world.runUntil(at("2026-04-03T00:00"));
        System.out.printf(Locale.ROOT, "simulated %,d tickets through the API in %.0f s%n",
            base, (System.nanoTime() - t0) / 1e9);
      }
      ReportEngine engine = ReportEngine.builder().source(PROFILE
              ? tenant -> new Timed(kit.reportSource().open(tenant)) : kit.reportSource())
          .clock(clock).tenant(SupportWorld.ACME, SupportWorld.SHANGHAI).build();
      try (Connection c = pool.getConnection()) {
        int done = reuse ? copies : 1;
        for (int target : reuse ? new int[] {copies} : new int[] {Math.min(100, copies), copies}) {
          long l0 = System.nanoTime();
          copy(c, base, done, target);
          done = target;
          // The copies' stopped clocks get their report rows (tk_report_clock) the way a host
          // attaching reports to an existing database gets them: the library's backfill.
          // (A kept schema whose rows are there already is not backfilled again: the backfill
          // is idempotent but reads every clock.)
          long b0 = System.nanoTime();
          long filled = reuse && count(c, "tk_report_clock") > 0 ? 0
              : kit.reportSource().backfillClocks(SupportWorld.ACME);
          System.out.printf(Locale.ROOT, "backfilled %,d report clock rows in %.1f s%n", filled,
              (System.nanoTime() - b0) / 1e9);
          if (!reuse) {
            exec(c, "analyze");
          } else if (filled > 0) {
            exec(c, "vacuum analyze tk_report_clock");
          }
          System.out.printf(Locale.ROOT, "%n%,d tickets (%,d report rows, %,d clocks): copied "
              + "in %.0f s%n", (long) base * done, count(c, "tk_report_cycle"),
              count(c, "tk_sla_clock"), (System.nanoTime() - l0) / 1e9);
          printReceived(c);
          measure(engine, c);
        }
      } finally {
        if (!KEEP) {
          try (Connection admin = DriverManager.getConnection(URL);
              Statement s = admin.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
          }
        }
      }
    }
  }

  private static void measure(ReportEngine engine, Connection c) throws SQLException {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 7; i++) {
      java.util.Map<Long, Long> cpu0 = BACKEND_CPU ? backendTicks(c) : java.util.Map.of();
      long a0 = threads.getCurrentThreadAllocatedBytes();
      long w0 = System.nanoTime();
      Report r = engine.monthly(SupportWorld.ACME, YearMonth.of(2026, 3));
      long w1 = System.nanoTime();
      long a1 = threads.getCurrentThreadAllocatedBytes();
      String cpu = "";
      if (BACKEND_CPU) {
        long ticks = 0;
        for (java.util.Map.Entry<Long, Long> e : backendTicks(c).entrySet()) {
          ticks += e.getValue() - cpu0.getOrDefault(e.getKey(), 0L);
        }
        cpu = String.format(Locale.ROOT, " (backends' CPU %.2f s)", ticks / 100.0);
      }
      long w1b = System.nanoTime();
      List<Object> hand = handWritten(c);
      long w2 = System.nanoTime();
      System.out.printf(Locale.ROOT, "%s %d: report %.3f s (%.1f MB allocated)%s, hand-written "
              + "query %.3f s; ratio %.2f%n", i < 2 ? "warm-up" : "measured", i, (w1 - w0) / 1e9,
          (a1 - a0) / 1e6, cpu, (w2 - w1b) / 1e9, (double) (w2 - w1b) / (w1 - w0));
      if (i == 0) {
        System.out.println("  report:      " + headline(r));
        System.out.println("  hand-written: " + hand);
      }
    }
  }

  /**
   * The CPU clock ticks (user + system, 1/100 s) of the database's client backends, by process
   * id, from {@code /proc} (a backend that cannot be read is left out).
   */
  private static java.util.Map<Long, Long> backendTicks(Connection c) throws SQLException {
    java.util.Map<Long, Long> out = new java.util.HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pid from"
        + " pg_stat_activity where datname = current_database()"
        + " and backend_type = 'client backend'")) {
      while (rs.next()) {
        long pid = rs.getLong(1);
        try {
          String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid
              + "/stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          out.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (java.io.IOException e) {
          // not a local server, or the backend ended
        }
      }
    }
    return out;
  }

  private static String headline(Report r) {
    List<String> out = new ArrayList<>();
    for (String id : List.of("received", "resolved", "closed", "backlog", "resolutionMean",
        "resolutionMedian", "resolutionP90", "resolutionBusinessMedian", "firstReplyMedian",
        "acceptanceMedian", "breaches")) {
      HeadlineFigure h = r.headline(id);
      out.add(id + "=" + h.current() + "/" + h.previous());
    }
    return out.toString();
  }

  /**
   * The headline figures of March and February in one statement, written by hand against the
   * same tables: counts by period, resolution mean, median and p90, the business-time median of
   * the resolution clocks, first-reply and acceptance medians, first-contact resolutions,
   * satisfaction, reopens, SLA met and breached.
   */
  private static List<Object> handWritten(Connection c) throws SQLException {
    String march = period(at("2026-03-01T00:00"), at("2026-04-01T00:00"));
    String february = period(at("2026-02-01T00:00"), at("2026-03-01T00:00"));
    String sql = "with p(label, s, e) as (values ('march', " + march + "), ('february', "
        + february + "))\n"
        + "select p.label, rc.received, rs.resolved, cl.closed, bl.backlog, rs.mean, rs.median,"
        + " rs.p90, bz.median, fr.median, ac.median, sl.breached, cl.fcr, sa.satisfied,"
        + " sa.dissatisfied, sa.rated, ro.reopens, sl.met\n"
        + "from p\n"
        + "cross join lateral (select count(*) received from tk_report_cycle c where"
        + " c.tenant_id = 'acme' and c.cycle = 1 and c.ticket_created_at >= p.s"
        + " and c.ticket_created_at < p.e) rc\n"
        + "cross join lateral (select count(*) resolved, round(avg(resolution_ms)) mean,"
        + " percentile_disc(0.5) within group (order by resolution_ms) median,"
        + " percentile_disc(0.9) within group (order by resolution_ms) p90"
        + " from tk_report_cycle c where c.tenant_id = 'acme' and c.resolved_at >= p.s"
        + " and c.resolved_at < p.e) rs\n"
        + "cross join lateral (select count(*) filter (where close_kind = 'CLOSED') closed,"
        + " count(*) filter (where first_contact) fcr from tk_report_cycle c"
        + " where c.tenant_id = 'acme' and c.closed_at >= p.s and c.closed_at < p.e) cl\n"
        + "cross join lateral (select count(*) backlog from tk_report_cycle c"
        + " where c.tenant_id = 'acme' and c.started_at < p.e"
        + " and (c.work_ended_at is null or c.work_ended_at >= p.e)) bl\n"
        + "cross join lateral (select percentile_disc(0.5) within group (order by"
        + " first_reply_ms) median from tk_report_cycle c where c.tenant_id = 'acme'"
        + " and c.first_reply_at >= p.s and c.first_reply_at < p.e) fr\n"
        + "cross join lateral (select percentile_disc(0.5) within group (order by"
        + " acceptance_ms) median from tk_report_cycle c where c.tenant_id = 'acme'"
        + " and c.accepted_at >= p.s and c.accepted_at < p.e) ac\n"
        + "cross join lateral (select count(*) filter (where rating = 'SATISFIED') satisfied,"
        + " count(*) filter (where rating = 'DISSATISFIED') dissatisfied, count(*) rated"
        + " from tk_report_cycle c where c.tenant_id = 'acme' and c.rated_at >= p.s"
        + " and c.rated_at < p.e) sa\n"
        + "cross join lateral (select count(*) reopens from tk_report_cycle c"
        + " where c.tenant_id = 'acme' and c.reopened_at >= p.s and c.reopened_at < p.e) ro\n"
        + "cross join lateral (select percentile_disc(0.5) within group (order by"
        + " k.elapsed_nanos / 1000000) median from tk_sla_clock k where k.tenant_id = 'acme'"
        + " and k.metric = 'RESOLUTION' and k.state in ('MET', 'BREACHED')"
        + " and k.stopped_at >= p.s and k.stopped_at < p.e) bz\n"
        + "cross join lateral (select count(*) filter (where k.state = 'MET'"
        + " and k.stopped_at >= p.s and k.stopped_at < p.e) met,"
        + " count(*) filter (where k.state in ('BREACHED', 'RUNNING') and k.due_at >= p.s"
        + " and k.due_at < p.e) breached from tk_sla_clock k where k.tenant_id = 'acme'"
        + " and (k.stopped_at is null or k.stopped_at >= p.s) and k.started_at < p.e) sl\n"
        + "order by p.label desc";
    List<Object> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  /** Prints the tickets received in March 2026 and in the whole table (cycle-1 rows). */
  private static void printReceived(Connection c) throws SQLException {
    String march = period(at("2026-03-01T00:00"), at("2026-04-01T00:00"));
    String february = period(at("2026-02-01T00:00"), at("2026-03-01T00:00"));
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "with m(s, e) as (values (" + march + ")), f(s, e) as (values (" + february + "))"
            + " select count(*) filter (where c.ticket_created_at >= m.s"
            + " and c.ticket_created_at < m.e), count(*) filter (where c.ticket_created_at >= f.s"
            + " and c.ticket_created_at < f.e), count(*), min(c.ticket_created_at),"
            + " max(c.ticket_created_at) from tk_report_cycle c cross join m cross join f"
            + " where c.tenant_id = 'acme' and c.cycle = 1")) {
      rs.next();
      System.out.printf(Locale.ROOT, "tickets received in March 2026: %,d (February: %,d); in "
              + "the whole table: %,d, created %s to %s (UTC), spread over %d month(s)%n",
          rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4), rs.getObject(5), MONTHS);
    }
  }

  private static String period(Instant from, Instant to) {
    return "timestamp '" + LocalDateTime.ofInstant(from, ZoneOffset.UTC) + "', timestamp '"
        + LocalDateTime.ofInstant(to, ZoneOffset.UTC) + "'";
  }

  /** Copies the simulated tickets' rows as copies {@code from} to {@code to - 1}. */
  private static void copy(Connection c, int base, int from, int to) throws SQLException {
    if (from >= to) {
      return;
    }
    for (String table : TABLES) {
      List<String> columns = new ArrayList<>();
      List<String> values = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "select column_name, data_type from information_schema.columns where table_schema = '"
              + SCHEMA + "' and table_name = '" + table + "' order by ordinal_position")) {
        while (rs.next()) {
          String name = rs.getString(1);
          String type = rs.getString(2);
          columns.add(name);
          values.add(name.equals("ticket_id") ? "md5(t.ticket_id::text || ':' || k)::uuid"
              : name.equals("ticket_number") ? "t.ticket_number + k::bigint * " + base
              : type.startsWith("timestamp") ? "t." + name + " + " + shift()
              : "t." + name);
        }
      }
      exec(c, "insert into " + table + " (" + String.join(", ", columns) + ") select "
          + String.join(", ", values) + " from " + table + " t cross join generate_series("
          + from + ", " + (to - 1) + ") k where t.tenant_id = 'acme'"
          + " and t.ticket_id in (select ticket_id from tk_report_cycle where tenant_id = 'acme'"
          + " and ticket_number <= " + base + ")");
    }
  }

  /**
   * The interval by which copy {@code k} is shifted: its minute offset, and with months spread
   * its month's fixed number of days back (the same for every instant of the copy).
   */
  private static String shift() {
    return MONTHS == 1 ? "make_interval(mins => k % 60)"
        : "make_interval(days => -" + DAYS_PER_MONTH + " * (k % " + MONTHS + "), mins => k % 60)";
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SupportWorld.SHANGHAI).toInstant();
  }
}
