package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.jdbc.testing.CountingDataSource;
import dev.ticketkit.jdbc.testing.CountingDataSource.Counts;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.sla.SlaEngine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Server transactions, statements and round trips of each {@link TicketService} write call, with
 * and without the SLA engine, counted by {@link CountingDataSource} on H2, PostgreSQL and MariaDB.
 * Prints the table (and, with {@code -Dticketkit.test.statementLog=true}, every statement).
 *
 * <p>On PostgreSQL every write call is ONE server transaction of at most TWO round trips, with
 * or without the SLA engine (issue 17): the locked read of the ticket (with the SLA engine, the
 * ticket's current clocks are read in the same round trip, from the engine's second commit on),
 * and one statement of all writes (data-modifying {@code WITH} queries) that carries the
 * {@code COMMIT} ({@code <writes>; commit}, one round trip; the {@code Connection.commit()} after
 * it sends nothing, see {@code PostgresCommitWithWritesTest}); opening a ticket allocates its
 * number with {@code UPDATE ... RETURNING} instead of the locked read.
 * H2 and MariaDB run one statement per write; their bounds are the counts measured on
 * 2026-11-30 after the rewrite, so any regression fails the build.
 */
class CommitRoundTripTest {

  private static final TenantId TENANT = TenantId.of("acme");
  private static final Actor AGENT = Actor.agent("li.wei");
  private static final Actor REQUESTER = Actor.requester("cust-42");
  private static final Channel CHANNEL = Channel.EMAIL;
  private static final Map<DatabaseKind, TestKit> DATABASES = new LinkedHashMap<>();

  /** H2's and MariaDB's counts of each call without the SLA engine (the larger of the two). */
  private static final Map<String, Counts> WITHOUT_SLA = withoutSla();
  /** H2's and MariaDB's counts of each call with the SLA engine attached. */
  private static final Map<String, Counts> WITH_SLA = withSla();
  /** PostgreSQL's bound for every call, with or without the SLA engine. */
  private static final Counts POSTGRESQL = new Counts(2, 2, 1, 0);

  @AfterAll
  static void dropDatabases() {
    DATABASES.values().forEach(TestKit::close);
  }

  static Stream<Arguments> setups() {
    return Stream.of(DatabaseKind.H2, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB)
        .flatMap(kind -> Stream.of(Arguments.of(kind, false), Arguments.of(kind, true)));
  }

  @ParameterizedTest(name = "{0}, SLA engine {1}")
  @MethodSource("setups")
  void writeCallsStayWithinTheirCounts(DatabaseKind kind, boolean sla) {
    TestKit db = DATABASES.computeIfAbsent(kind, TestKit::new);
    CountingDataSource counting = CountingDataSource.wrap(db.dataSource());
    JdbcTicketKit kit = JdbcTicketKit.builder().dataSource(counting).kind(kind).migrate(false)
        .build();
    TicketService service = TicketService.builder().store(kit.ticketStore())
        .workflow(StandardWorkflow.create())
        .clock(Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC)).build();
    if (sla) {
      attachSla(kit, service);
    }
    TenantId tenant = TenantId.of(TENANT.value() + (sla ? "-sla" : ""));
    lifecycle(service, tenant, counting, new LinkedHashMap<>(), false);
    Map<String, Counts> perCall = new LinkedHashMap<>();
    List<String> log = lifecycle(service, tenant, counting, perCall, true);
    print(kind, sla, perCall, log);
    Map<String, Counts> bounds = new LinkedHashMap<>(sla ? WITH_SLA : WITHOUT_SLA);
    if (kind == DatabaseKind.POSTGRESQL) {
      bounds.replaceAll((call, counts) -> POSTGRESQL);
    }
    assertThat(perCall.keySet()).containsExactlyElementsOf(bounds.keySet());
    perCall.forEach((call, counts) -> {
      Counts bound = bounds.get(call);
      assertThat(counts.transactions()).as(call + ": transactions")
          .isBetween(1L, bound.transactions());
      assertThat(counts.statements()).as(call + ": statements").isBetween(1L, bound.statements());
      assertThat(counts.roundTrips()).as(call + ": round trips").isBetween(1L, bound.roundTrips());
    });
  }

  /** The SLA engine's wiring as the README shows it. */
  private static void attachSla(JdbcTicketKit kit, TicketService service) {
    SlaEngine.builder().tickets(service).store(kit.slaStore()).build();
  }

  /**
   * Runs every write call once on a new ticket (the standard workflow from intake to the
   * rating), recording each call's counts; returns the statement log when asked.
   */
  private static List<String> lifecycle(TicketService service, TenantId tenant,
      CountingDataSource counting, Map<String, Counts> perCall, boolean log) {
    List<String> lines = new ArrayList<>();
    Ticket[] t = new Ticket[1];
    Step step = (call, write) -> {
      Counts before = counting.counts();
      counting.startLog();
      t[0] = write.apply(t[0]);
      perCall.put(call, counting.counts().minus(before));
      List<String> statements = counting.stopLog();
      if (log) {
        lines.add("-- " + call);
        statements.forEach(l -> lines.add("   " + l));
      }
    };
    step.run("open", x -> service.open(tenant, REQUESTER, intake()));
    step.run("fire accept", x -> service.fire(tenant, AGENT, x.id(), x.version(), "accept"));
    step.run("reply (agent)", x -> service.reply(tenant, AGENT, x.id(), x.version(),
        Message.of(CHANNEL, "We are looking into it.")));
    step.run("note", x -> service.note(tenant, AGENT, x.id(), x.version(),
        Message.of(CHANNEL, "Checked the payment log.")));
    step.run("assign", x -> service.assign(tenant, AGENT, x.id(), x.version(),
        AgentId.of("wang.fang")));
    step.run("tag", x -> service.tag(tenant, AGENT, x.id(), x.version(), Tag.of("payment")));
    step.run("untag", x -> service.untag(tenant, AGENT, x.id(), x.version(), Tag.of("payment")));
    step.run("changePriority", x -> service.changePriority(tenant, AGENT, x.id(), x.version(),
        Priority.HIGH));
    step.run("changeCategory", x -> service.changeCategory(tenant, AGENT, x.id(), x.version(),
        Category.of("payment", "refund")));
    step.run("escalate", x -> service.escalate(tenant, AGENT, x.id(), x.version(), "needs L2"));
    step.run("fire diagnose", x -> service.fire(tenant, AGENT, x.id(), x.version(), "diagnose"));
    step.run("fire wait_on_requester", x -> service.fire(tenant, AGENT, x.id(), x.version(),
        "wait_on_requester"));
    step.run("reply (requester, resumes)", x -> service.reply(tenant, REQUESTER, x.id(),
        x.version(), Message.of(CHANNEL, "Here is the receipt.")));
    step.run("fire start_fix", x -> service.fire(tenant, AGENT, x.id(), x.version(), "start_fix"));
    step.run("edit resolutionSummary", x -> service.edit(tenant, AGENT, x.id(), x.version(),
        TicketEdit.builder().resolutionSummary("Payment matched by hand.").build()));
    step.run("fire propose_resolution", x -> service.fire(tenant, AGENT, x.id(), x.version(),
        "propose_resolution"));
    step.run("rate SATISFIED", x -> service.rate(tenant, REQUESTER, x.id(), x.version(),
        Rating.of(Satisfaction.SATISFIED)));
    return lines;
  }

  @FunctionalInterface
  private interface Step {
    void run(String call, UnaryOperator<Ticket> write);
  }

  private static NewTicket intake() {
    return NewTicket.builder().requester(Requester.of("cust-42", "Ada")).channel(CHANNEL)
        .subject("Order still unpaid").description("Paid at 10:02; the order says unpaid.")
        .build();
  }

  private static void print(DatabaseKind kind, boolean sla, Map<String, Counts> perCall,
      List<String> log) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "[round-trips] %s, SLA engine %s%n| call | transactions | statements | round trips |%n"
            + "|---|---:|---:|---:|%n", kind, sla ? "on" : "off"));
    perCall.forEach((call, c) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n",
        call, c.transactions(), c.statements(), c.roundTrips())));
    if (Boolean.getBoolean("ticketkit.test.statementLog")) {
      log.forEach(line -> out.append(line).append('\n'));
    }
    System.out.print(out);
  }

  // -- the counting rules themselves ------------------------------------------------------

  @Test
  void countsStatementsRoundTripsAndTransactionsByTheRules() throws SQLException {
    TestKit db = DATABASES.computeIfAbsent(DatabaseKind.H2, TestKit::new);
    CountingDataSource counting = CountingDataSource.wrap(db.dataSource());
    try (Connection c = counting.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table count_probe (n int)");
      assertThat(counting.counts()).isEqualTo(new Counts(1, 1, 1, 0));

      c.setAutoCommit(false);
      c.commit();
      assertThat(counting.counts()).as("an empty commit reaches no server")
          .isEqualTo(new Counts(1, 1, 1, 1));

      try (PreparedStatement p = c.prepareStatement("insert into count_probe values (?)")) {
        for (int i = 0; i < 3; i++) {
          p.setInt(1, i);
          p.addBatch();
        }
        p.executeBatch();
      }
      assertThat(counting.counts()).as("a batch of 3: 3 statements, 1 round trip, no commit yet")
          .isEqualTo(new Counts(4, 2, 1, 1));
      c.commit();
      assertThat(counting.counts()).isEqualTo(new Counts(4, 3, 2, 1));

      s.executeQuery("select count(*) from count_probe").close();
      c.rollback();
      assertThat(counting.counts()).isEqualTo(new Counts(5, 5, 3, 1));

      s.executeUpdate("delete from count_probe");
      c.setAutoCommit(true);
      assertThat(counting.counts()).as("setAutoCommit(true) commits the open transaction")
          .isEqualTo(new Counts(6, 7, 4, 1));
      c.setSchema("PUBLIC");
      assertThat(counting.counts()).as("setSchema sends SQL (pgjdbc: SET search_path)")
          .isEqualTo(new Counts(7, 8, 5, 1));
      s.execute("drop table count_probe");
    }
  }

  @Test
  void aStatementEndingInCommitEndsItsTransactionInItsOwnRoundTrip() throws SQLException {
    TestKit db = DATABASES.computeIfAbsent(DatabaseKind.H2, TestKit::new);
    CountingDataSource counting = CountingDataSource.wrap(db.dataSource());
    try (Connection c = counting.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table commit_probe (n int)");
      c.setAutoCommit(false);
      Counts before = counting.counts();
      s.execute("insert into commit_probe values (1); COMMIT");
      assertThat(counting.counts().minus(before)).as("one statement, one round trip, the"
          + " transaction ended").isEqualTo(new Counts(1, 1, 1, 0));
      c.commit();
      assertThat(counting.counts().minus(before)).as("nothing left for commit() to end")
          .isEqualTo(new Counts(1, 1, 1, 1));
      c.setAutoCommit(true);
      s.execute("drop table commit_probe");
    }
    assertThat(CountingDataSource.endsWithCommit("update t set a = 1; commit")).isTrue();
    assertThat(CountingDataSource.endsWithCommit("update t set a = 1 ;\n  Commit ;\n")).isTrue();
    assertThat(CountingDataSource.endsWithCommit("select 'x; commit'")).isFalse();
    assertThat(CountingDataSource.endsWithCommit("insert into recommit values (1)")).isFalse();
    assertThat(CountingDataSource.endsWithCommit(null)).isFalse();
  }

  // -- H2's and MariaDB's counts ---------------------------------------------------------
  // Measured 2026-11-30 after issue 17's rewrite: one transaction per call; the locked read, then
  // one statement per write (MariaDB's number allocation is an UPDATE and a SELECT).

  private static Map<String, Counts> withoutSla() {
    return counts(
        "open", 1, 5, 6,
        "fire accept", 1, 4, 5,
        "reply (agent)", 1, 5, 6,
        "note", 1, 5, 6,
        "assign", 1, 4, 5,
        "tag", 1, 5, 6,
        "untag", 1, 5, 6,
        "changePriority", 1, 4, 5,
        "changeCategory", 1, 4, 5,
        "escalate", 1, 4, 5,
        "fire diagnose", 1, 4, 5,
        "fire wait_on_requester", 1, 4, 5,
        "reply (requester, resumes)", 1, 5, 6,
        "fire start_fix", 1, 4, 5,
        "edit resolutionSummary", 1, 4, 5,
        "fire propose_resolution", 1, 4, 5,
        "rate SATISFIED", 1, 4, 5);
  }

  private static Map<String, Counts> withSla() {
    return counts(
        "open", 1, 8, 9,
        "fire accept", 1, 7, 8,
        "reply (agent)", 1, 9, 10,
        "note", 1, 6, 7,
        "assign", 1, 5, 6,
        "tag", 1, 6, 7,
        "untag", 1, 6, 7,
        "changePriority", 1, 8, 9,
        "changeCategory", 1, 5, 6,
        "escalate", 1, 5, 6,
        "fire diagnose", 1, 5, 6,
        "fire wait_on_requester", 1, 7, 8,
        "reply (requester, resumes)", 1, 9, 10,
        "fire start_fix", 1, 5, 6,
        "edit resolutionSummary", 1, 5, 6,
        "fire propose_resolution", 1, 7, 8,
        "rate SATISFIED", 1, 5, 6);
  }

  private static Map<String, Counts> counts(Object... callTransactionsStatementsRoundTrips) {
    Map<String, Counts> m = new LinkedHashMap<>();
    Object[] a = callTransactionsStatementsRoundTrips;
    for (int i = 0; i < a.length; i += 4) {
      m.put((String) a[i], new Counts((Integer) a[i + 2], (Integer) a[i + 3], (Integer) a[i + 1],
          0));
    }
    return m;
  }
}
