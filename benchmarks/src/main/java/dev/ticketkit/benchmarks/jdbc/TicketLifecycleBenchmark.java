package dev.ticketkit.benchmarks.jdbc;

import static dev.ticketkit.core.ActorKind.AGENT;
import static dev.ticketkit.core.ActorKind.REQUESTER;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.workflow.Effect;
import dev.ticketkit.core.workflow.Transition;
import dev.ticketkit.core.workflow.Workflow;
import dev.ticketkit.jdbc.JdbcTicketKit;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Ticket lifecycles per second on PostgreSQL: open, accept, reply, resolve, confirm, each a
 * {@link TicketService} call committed by the store under test: {@code jooq} is TicketKit's jOOQ
 * store, {@code raw} the hand-written raw-JDBC baseline running the same statements in the same
 * transactions ({@link RawJdbcTicketStore}). Both borrow one open connection and a fresh schema;
 * the service, workflow, JSON codecs and data are the same, so the ratio is the cost of the jOOQ
 * layer. Five transactions a lifecycle, one per call (the open allocates its number inside its
 * commit), each a locked read (not for the open) and one write statement.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TicketLifecycleBenchmark
 * -Dticketkit.bench.postgres.url=...} (default: the local test server, database {@code test}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class TicketLifecycleBenchmark {

  private static final Actor AGENT_LI = Actor.agent("li.wei");
  private static final Actor REQUESTER_ZHAO = Actor.requester("cust-1042");
  private static final TenantId TENANT = TenantId.of("bench");

  /** Which store commits. */
  @Param({"jooq", "raw"})
  public String store;

  private BenchDatabase database;
  private TicketService service;
  private NewTicket intake;

  /**
   * Creates a fresh schema and the service over the chosen store.
   *
   * @throws SQLException if PostgreSQL cannot be reached
   */
  @Setup
  public void setUp() throws SQLException {
    database = new BenchDatabase("tk_bench_" + store);
    service = service(store, database);
    intake = intake();
  }

  /** Returns a service over the named store ("jooq" or "raw") on a database. */
  static TicketService service(String store, BenchDatabase database) {
    TicketStore ticketStore = store.equals("jooq")
        ? JdbcTicketKit.builder().dataSource(database.dataSource()).migrate(false).build()
            .ticketStore()
        : new RawJdbcTicketStore(database.dataSource());
    return TicketService.builder().store(ticketStore).workflow(fiveSteps())
        .clock(new SteppingClock(Instant.parse("2026-11-22T01:00:00Z"))).build();
  }

  /** Returns the intake every lifecycle opens. */
  static NewTicket intake() {
    return NewTicket.builder()
        .requester(Requester.of("cust-1042", "赵女士"))
        .channel(Channel.WECHAT_OFFICIAL_ACCOUNT)
        .subject("支付后订单仍显示未付款")
        .description("Paid with WeChat Pay at 10:02; the order still shows unpaid.")
        .build();
  }

  /** A five-step workflow: new, accepted, resolved, closed. */
  static Workflow fiveSteps() {
    return Workflow.builder("bench-lifecycle")
        .state("NEW", StatusCategory.NEW)
        .state("ACCEPTED", StatusCategory.OPEN)
        .state("RESOLVED", StatusCategory.RESOLVED)
        .state("CLOSED", StatusCategory.CLOSED)
        .initial("NEW")
        .transition(Transition.named("accept").from("NEW").to("ACCEPTED").by(AGENT)
            .effect(Effect.ACCEPT).build())
        .transition(Transition.named("resolve").from("ACCEPTED").to("RESOLVED").by(AGENT).build())
        .transition(Transition.named("confirm").from("RESOLVED").to("CLOSED").by(REQUESTER)
            .build())
        .build();
  }

  /** Closes the connection and drops the schema. */
  @TearDown
  public void tearDown() throws SQLException {
    database.close();
  }

  /**
   * One lifecycle.
   *
   * @return the closed ticket
   */
  @Benchmark
  public Ticket lifecycle() {
    return lifecycle(service, intake);
  }

  /** Runs one lifecycle through a service. */
  static Ticket lifecycle(TicketService service, NewTicket intake) {
    Ticket t = service.open(TENANT, REQUESTER_ZHAO, intake);
    t = service.fire(TENANT, AGENT_LI, t.id(), t.version(), "accept");
    t = service.reply(TENANT, AGENT_LI, t.id(), t.version(),
        Message.of(Channel.WECHAT_OFFICIAL_ACCOUNT, "已为您核实，款项已到账，订单状态已更新。"));
    t = service.fire(TENANT, AGENT_LI, t.id(), t.version(), "resolve");
    return service.fire(TENANT, REQUESTER_ZHAO, t.id(), t.version(), "confirm");
  }

  /** A clock that moves one millisecond each time it is read: no system clock involved. */
  static final class SteppingClock extends Clock {
    private Instant now;

    SteppingClock(Instant start) {
      this.now = start;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      now = now.plusMillis(1);
      return now;
    }
  }
}
