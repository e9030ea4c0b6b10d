package dev.ticketkit.benchmarks.jdbc;

import dev.ticketkit.jdbc.JdbcTicketKit;
import dev.ticketkit.sla.store.SlaStore;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The latency of reading and claiming {@code batch} due escalations ({@link SlaStore#due} then
 * {@link SlaStore#claim}, as a tick does) among the clocks of 1,000,000 open tickets on
 * PostgreSQL.
 *
 * <p>The trial loads 1,000,000 running RESOLUTION clocks, each with a level-1 escalation due in
 * the future (spread over a year), straight into the tables. Before each call (not measured)
 * {@code batch} further clocks get a level-2 entry that is due now, as if their targets had just
 * come round; the measured call then finds them at the front of the index among the million,
 * locks them ({@code FOR UPDATE SKIP LOCKED}), records them as done, hands them to a no-op
 * handler, deletes them from the index and commits.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EscalationClaimBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class EscalationClaimBenchmark {

  private static final int TICKETS = 1_000_000;
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

  /** How many due escalations one call claims. */
  @Param({"10", "100"})
  public int batch;

  private BenchDatabase database;
  private SlaStore store;
  private int nextClock;
  private int handled;

  /**
   * Loads a million clocks with future escalations.
   *
   * @throws SQLException if PostgreSQL fails
   */
  @Setup(Level.Trial)
  public void load() throws SQLException {
    database = new BenchDatabase("tk_bench_claims");
    try (Statement s = database.connection().createStatement()) {
      s.execute("insert into tk_sla_clock (tenant_id, ticket_id, metric, cycle, ticket_cycle,"
          + " policy_id, priority, calendar_id, target_nanos, reason, started_at, state, pauses,"
          + " elapsed_nanos, as_of, due_at, ticket_version, latest)"
          + " select 'tenant-' || (g % 20), md5(g::text)::uuid, 'RESOLUTION', 1, 1, 'standard',"
          + " 'HIGH', 'cn-mainland', 7200000000000, 'bench', timestamp '2026-11-01', 'RUNNING',"
          + " '[]', 0, timestamp '2026-11-01', timestamp '2026-12-01' + g * interval '30 second',"
          + " 1, true from generate_series(1, " + TICKETS + ") g");
      s.execute("insert into tk_sla_work (tenant_id, ticket_id, work_key, kind, metric, cycle,"
          + " level, due_at) select 'tenant-' || (g % 20), md5(g::text)::uuid,"
          + " 'L:RESOLUTION:1:1', 'LEVEL', 'RESOLUTION', 1, 1,"
          + " timestamp '2026-12-01' + g * interval '30 second'"
          + " from generate_series(1, " + TICKETS + ") g");
      s.execute("analyze");
    }
    store = JdbcTicketKit.builder().dataSource(database.dataSource()).migrate(false).build()
        .slaStore();
  }

  /**
   * Makes {@code batch} more escalations due now (not measured).
   *
   * @throws SQLException if PostgreSQL fails
   */
  @Setup(Level.Invocation)
  public void makeDue() throws SQLException {
    try (PreparedStatement s = database.connection().prepareStatement("insert into tk_sla_work"
        + " (tenant_id, ticket_id, work_key, kind, metric, cycle, level, due_at)"
        + " select 'tenant-' || (g % 20), md5(g::text)::uuid, 'L:RESOLUTION:1:2', 'LEVEL',"
        + " 'RESOLUTION', 1, 2, timestamp '2026-11-22 07:00' + (g % 60) * interval '1 second'"
        + " from generate_series(?, ?) g")) {
      s.setInt(1, nextClock + 1);
      s.setInt(2, nextClock + batch);
      s.executeUpdate();
    }
    nextClock = (nextClock + batch) % TICKETS;
  }

  /**
   * One claim.
   *
   * @return how many escalations were handed over
   */
  @Benchmark
  public int claim() {
    int n = store.claim(store.due(NOW, batch), NOW, due -> handled++);
    if (n != batch) {
      throw new IllegalStateException("claimed " + n + " instead of " + batch);
    }
    return n;
  }

  /**
   * Drops the schema.
   *
   * @throws SQLException if PostgreSQL fails
   */
  @TearDown(Level.Trial)
  public void drop() throws SQLException {
    database.close();
  }
}
