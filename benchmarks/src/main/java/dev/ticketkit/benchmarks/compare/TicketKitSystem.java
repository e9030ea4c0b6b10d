package dev.ticketkit.benchmarks.compare;

import static dev.ticketkit.core.ActorKind.AGENT;
import static dev.ticketkit.core.ActorKind.REQUESTER;

import com.zaxxer.hikari.HikariDataSource;
import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.workflow.Effect;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.core.workflow.Transition;
import dev.ticketkit.core.workflow.Workflow;
import dev.ticketkit.jdbc.DatabaseKind;
import dev.ticketkit.jdbc.JdbcTicketKit;
import dev.ticketkit.jdbc.TicketKitSchema;
import dev.ticketkit.sla.SlaEngine;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TicketKit on PostgreSQL (or another {@link Store}) through {@link JdbcTicketKit}, running
 * either the standard workflow's eight-call lifecycle (open, accept, reply, diagnose, start_fix,
 * edit the resolution summary, propose_resolution, rate SATISFIED) or the lean five-call one
 * (open, accept, reply, resolve, close), with or without the SLA engine (standard policies, JDBC
 * SLA store). Thread-safe.
 */
final class TicketKitSystem implements LifecycleSystem {

  private static final String SCHEMA = "ticketkit";
  private static final TenantId TENANT = TenantId.of("bench");
  private static final Actor AGENT_LI = Actor.agent("li.wei");
  private static final Actor REQUESTER_ZHAO = Actor.requester("cust-1042");
  private static final Channel CHANNEL = Channel.WECHAT_OFFICIAL_ACCOUNT;
  private static final NewTicket INTAKE = NewTicket.builder()
      .requester(Requester.of("cust-1042", "赵女士"))
      .channel(CHANNEL)
      .subject("支付后订单仍显示未付款")
      .description("Paid with WeChat Pay at 10:02; the order still shows unpaid.")
      .build();
  private static final Message REPLY = Message.of(CHANNEL, "已为您核实，款项已到账，订单状态已更新。");
  private static final TicketEdit SUMMARY =
      TicketEdit.builder().resolutionSummary("Payment matched to the order by hand.").build();

  private final String name;
  private final String database;
  private final boolean lean;
  private final HikariDataSource pool;
  private final CountingDataSource counting;
  private final TicketService service;

  private TicketKitSystem(String name, String database, boolean lean, HikariDataSource pool,
      DatabaseKind kind, boolean sla) {
    this.name = name;
    this.database = database;
    this.lean = lean;
    this.pool = pool;
    this.counting = CountingDataSource.wrap(pool);
    JdbcTicketKit kit = JdbcTicketKit.builder().dataSource(counting)
        .kind(kind).migrate(false).build();
    this.service = TicketService.builder().store(kit.ticketStore())
        .workflow(lean ? leanWorkflow() : StandardWorkflow.create())
        .clock(new TickingClock(Instant.parse("2026-11-30T01:00:00Z"))).build();
    if (sla) {
      attachSla(kit, service);
    }
    attachReports(kit, service, System.getProperty("ticketkit.bench.reports", "off"));
  }

  /**
   * With {@code -Dticketkit.bench.reports=clocks}, attaches the SQL report source as a follower
   * (its cycle rows at every commit, and the SLA store's rows of the clocks it stops); with
   * {@code cycles}, the same follower but the kit's clock-row switch turned off again by
   * reflection (what a report host wrote before V16, for measuring the clock rows' cost alone);
   * with {@code off} (the default), no report source.
   */
  private static void attachReports(JdbcTicketKit kit, TicketService service, String mode) {
    if (mode.equals("off")) {
      return;
    }
    service.attach(kit.reportSource());
    if (mode.equals("cycles")) {
      try {
        java.lang.reflect.Field f = JdbcTicketKit.class.getDeclaredField("reportClocks");
        f.setAccessible(true);
        ((java.util.concurrent.atomic.AtomicBoolean) f.get(kit)).set(false);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("this jar's kit has no clock-row switch", e);
      }
    } else if (!mode.equals("clocks")) {
      throw new IllegalArgumentException("ticketkit.bench.reports: off, cycles or clocks, not "
          + mode);
    }
  }

  /**
   * Creates the system in a fresh PostgreSQL database of its own (schema {@code ticketkit}).
   *
   * @param server the server
   * @param name the report's name
   * @param lean true for the five-call workflow
   * @param sla true to attach the SLA engine
   * @param poolSize connections
   * @param analyzed false to switch autovacuum off on every table (it is off server-wide here)
   * @param connectionTimeoutMillis how long a borrower waits for a connection
   * @return the system
   * @throws SQLException if PostgreSQL fails
   */
  static TicketKitSystem create(PostgresServer server, String name, boolean lean, boolean sla,
      int poolSize, boolean analyzed, long connectionTimeoutMillis) throws SQLException {
    return create(server, name, name, lean, sla, poolSize, analyzed, connectionTimeoutMillis);
  }

  /**
   * Creates the system in a fresh database of its own on a store ({@code tk17_<system>}; on
   * PostgreSQL in schema {@code ticketkit}), migrated before the pool opens (Flyway needs two
   * connections at once, and the pool may have one).
   *
   * @param store the store
   * @param name the report's name
   * @param system the system's name without the store ({@code ticketkit+sla}), for the database
   * @param lean true for the five-call workflow
   * @param sla true to attach the SLA engine
   * @param poolSize connections
   * @param analyzed false to switch automatic statistics off where the store can
   * @param connectionTimeoutMillis how long a borrower waits for a connection
   * @return the system
   * @throws SQLException if the store fails
   */
  static TicketKitSystem create(Store store, String name, String system, boolean lean,
      boolean sla, int poolSize, boolean analyzed, long connectionTimeoutMillis)
      throws SQLException {
    String database = "tk17_" + system.replace('+', '_').replace('-', '_');
    store.recreateDatabase(database, SCHEMA);
    TicketKitSchema.migrate(store.direct(database, SCHEMA));
    HikariDataSource pool = store.pool(database, SCHEMA, poolSize, connectionTimeoutMillis);
    if (!analyzed) {
      store.disableStatistics(pool, SCHEMA);
    }
    return new TicketKitSystem(name, database, lean, pool, store.kind(), sla);
  }

  /**
   * Attaches the SLA engine the way the README shows today; issue 17 turns this wiring into a
   * single call, and this method is the one place to change.
   */
  private static void attachSla(JdbcTicketKit kit, TicketService service) {
    SlaEngine.builder().tickets(service).store(kit.slaStore()).build();
  }

  /** The lean workflow: NEW -accept-> ACCEPTED -resolve-> RESOLVED -close-> CLOSED. */
  static Workflow leanWorkflow() {
    return Workflow.builder("lean")
        .state("NEW", StatusCategory.NEW)
        .state("ACCEPTED", StatusCategory.OPEN)
        .state("RESOLVED", StatusCategory.RESOLVED)
        .state("CLOSED", StatusCategory.CLOSED)
        .initial("NEW")
        .transition(Transition.named("accept").from("NEW").to("ACCEPTED").by(AGENT)
            .effect(Effect.ACCEPT).build())
        .transition(Transition.named("resolve").from("ACCEPTED").to("RESOLVED").by(AGENT).build())
        .transition(Transition.named("close").from("RESOLVED").to("CLOSED")
            .by(REQUESTER, AGENT).build())
        .build();
  }

  @Override
  public void lifecycle() {
    Ticket t = service.open(TENANT, REQUESTER_ZHAO, INTAKE);
    t = service.fire(TENANT, AGENT_LI, t.id(), t.version(), StandardWorkflow.ACCEPT);
    t = service.reply(TENANT, AGENT_LI, t.id(), t.version(), REPLY);
    if (lean) {
      t = service.fire(TENANT, AGENT_LI, t.id(), t.version(), "resolve");
      service.fire(TENANT, REQUESTER_ZHAO, t.id(), t.version(), "close");
      return;
    }
    t = service.fire(TENANT, AGENT_LI, t.id(), t.version(), StandardWorkflow.DIAGNOSE);
    t = service.fire(TENANT, AGENT_LI, t.id(), t.version(), StandardWorkflow.START_FIX);
    t = service.edit(TENANT, AGENT_LI, t.id(), t.version(), SUMMARY);
    t = service.fire(TENANT, AGENT_LI, t.id(), t.version(), StandardWorkflow.PROPOSE_RESOLUTION);
    service.rate(TENANT, REQUESTER_ZHAO, t.id(), t.version(), Rating.of(Satisfaction.SATISFIED));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int callsPerLifecycle() {
    return lean ? 5 : 8;
  }

  @Override
  public String database() {
    return database;
  }

  @Override
  public HikariDataSource pool() {
    return pool;
  }

  @Override
  public CountingDataSource counting() {
    return counting;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** A clock that moves one microsecond each time it is read; never the system clock. */
  static final class TickingClock extends Clock {
    private final long startMicros;
    private final AtomicLong reads = new AtomicLong();

    TickingClock(Instant start) {
      this.startMicros = start.getEpochSecond() * 1_000_000 + start.getNano() / 1000;
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
      long micros = startMicros + reads.incrementAndGet();
      return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }
  }
}
