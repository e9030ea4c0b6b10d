package dev.ticketkit.benchmarks.jdbc;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.FollowUpCursor;
import dev.ticketkit.core.FollowUpLedger;
import dev.ticketkit.core.FollowUpPage;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.jdbc.JdbcTicketKit;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * The latency of one page of an agent's follow-up ledger ({@link FollowUpLedger#forAgent}) among
 * 1,000,000 tickets on PostgreSQL.
 *
 * <p>The trial loads 1,000,000 tickets straight into {@code tk_ticket} (20 tenants, 500 agents,
 * one third open, requester updates spread over a year) and analyzes them: an agent owns about
 * 100 tickets per tenant, a third of them open. Each call reads one page of {@code pageSize}
 * lines for the next agent in turn, either the first page or, with {@code deep}, the page after a
 * cursor in the middle of that agent's ledger.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FollowUpLedgerBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class FollowUpLedgerBenchmark {

  private static final int TICKETS = 1_000_000;
  private static final int TENANTS = 20;
  private static final int AGENTS = 500;
  private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

  /** Lines per page. */
  @Param({"50"})
  public int pageSize;

  /** True to read a page after a cursor in the middle of the ledger. */
  @Param({"false", "true"})
  public boolean deep;

  private BenchDatabase database;
  private FollowUpLedger ledger;
  private int next;

  /**
   * Loads a million tickets.
   *
   * @throws SQLException if PostgreSQL fails
   */
  @Setup(Level.Trial)
  public void load() throws SQLException {
    database = new BenchDatabase("tk_bench_ledger");
    try (Statement s = database.connection().createStatement()) {
      s.execute("insert into tk_ticket (id, tenant_id, number, version, requester_id, requester,"
          + " channel, subject, description, attachments, priority, status, status_category,"
          + " status_changed_at, assignee, tier, tags, custom_fields, links, cycle, created_at,"
          + " updated_at, requester_updated_at, handoffs)"
          + " select md5(g::text)::uuid, 'tenant-' || (g % " + TENANTS + "),"
          + " g / " + TENANTS + " + 1, 1, 'req-' || (g % 7919),"
          + " '{\"id\":\"r\",\"displayName\":\"R\",\"handles\":[]}', 'EMAIL', 'S', 'D', '[]',"
          + " 'LOW', (array['DIAGNOSING','CLOSED','CLOSED'])[g % 3 + 1],"
          + " (array['OPEN','CLOSED','CLOSED'])[g % 3 + 1],"
          + " timestamp '2026-01-01' + g * interval '30 second',"
          + " 'agent-' || ((g / " + TENANTS + ") % " + AGENTS + "), g % 3 + 1, '[]', '{}', '[]', 1,"
          + " timestamp '2026-01-01' + g * interval '30 second',"
          + " timestamp '2026-01-01' + g * interval '30 second',"
          + " timestamp '2026-01-01' + ((g::bigint * 7919) % " + TICKETS + ") * interval '30 second',"
          + " '[]' from generate_series(0, " + (TICKETS - 1) + ") g");
      s.execute("analyze");
    }
    TicketService service = TicketService.builder()
        .store(JdbcTicketKit.builder().dataSource(database.dataSource()).migrate(false).build()
            .ticketStore())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    ledger = FollowUpLedger.of(service, Duration.ofHours(84));
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

  /**
   * One page of the next agent's ledger.
   *
   * @return the page
   */
  @Benchmark
  public FollowUpPage page() {
    int n = next++;
    TenantId tenant = TenantId.of("tenant-" + (n % TENANTS));
    AgentId agent = AgentId.of("agent-" + ((n / TENANTS) % AGENTS));
    FollowUpCursor after = deep
        ? new FollowUpCursor(Instant.parse("2026-07-01T00:00:00Z"), 0) : null;
    return ledger.forAgent(tenant, agent, pageSize, after);
  }
}
