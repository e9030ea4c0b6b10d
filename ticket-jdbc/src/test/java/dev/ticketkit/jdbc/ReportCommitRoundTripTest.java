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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL report source's cost in a ticket commit on PostgreSQL, counted like
 * {@code CommitRoundTripTest}: with the SLA engine and the report follower attached, every
 * write call is still ONE transaction of at most 2 statements and 2 round trips (the report's
 * read of the ticket's cycle rows travels with the locked read, its upsert joins the commit's
 * one statement, which carries the {@code COMMIT}).
 */
class ReportCommitRoundTripTest {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);
  private static final Actor AGENT = Actor.agent("li.wei");
  private static final Actor REQUESTER = Actor.requester("cust-42");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void theReportFollowerAddsNoStatementOrRoundTripOnPostgres() {
    CountingDataSource counting = CountingDataSource.wrap(DB.dataSource());
    JdbcTicketKit kit = JdbcTicketKit.builder().dataSource(counting)
        .kind(DatabaseKind.POSTGRESQL).migrate(false).build();
    TicketService service = TicketService.builder().store(kit.ticketStore())
        .workflow(StandardWorkflow.create())
        .clock(Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC)).build();
    SlaEngine.builder().tickets(service).store(kit.slaStore()).build();
    service.attach(kit.reportSource());
    TenantId tenant = TenantId.of("acme-report");
    lifecycle(service, tenant, counting, new LinkedHashMap<>());
    Map<String, Counts> perCall = new LinkedHashMap<>();
    lifecycle(service, tenant, counting, perCall);
    StringBuilder table = new StringBuilder("[round-trips] POSTGRESQL, SLA engine and report "
        + "source on\n| call | transactions | statements | round trips |\n|---|---:|---:|---:|\n");
    perCall.forEach((call, c) -> table.append(String.format(Locale.ROOT,
        "| %s | %d | %d | %d |%n", call, c.transactions(), c.statements(), c.roundTrips())));
    System.out.print(table);
    perCall.forEach((call, c) -> {
      assertThat(c.transactions()).as(call + ": transactions").isEqualTo(1);
      assertThat(c.statements()).as(call + ": statements").isBetween(1L, 2L);
      assertThat(c.roundTrips()).as(call + ": round trips").isBetween(1L, 2L);
    });
    assertThat(JdbcReportSourceContract.rows(DB.dataSource())).hasSize(2);
  }

  private static void lifecycle(TicketService service, TenantId tenant,
      CountingDataSource counting, Map<String, Counts> perCall) {
    Ticket[] t = new Ticket[1];
    Map<String, UnaryOperator<Ticket>> calls = new LinkedHashMap<>();
    calls.put("open", x -> service.open(tenant, REQUESTER, NewTicket.builder()
        .requester(Requester.of("cust-42", "Ada")).channel(Channel.EMAIL)
        .subject("Order still unpaid").description("Paid at 10:02; the order says unpaid.")
        .build()));
    calls.put("fire accept", x -> service.fire(tenant, AGENT, x.id(), x.version(), "accept"));
    calls.put("reply (agent)", x -> service.reply(tenant, AGENT, x.id(), x.version(),
        Message.of(Channel.EMAIL, "We are looking into it.")));
    calls.put("assign", x -> service.assign(tenant, AGENT, x.id(), x.version(),
        AgentId.of("wang.fang")));
    calls.put("tag", x -> service.tag(tenant, AGENT, x.id(), x.version(), Tag.of("payment")));
    calls.put("changePriority", x -> service.changePriority(tenant, AGENT, x.id(), x.version(),
        Priority.HIGH));
    calls.put("changeCategory", x -> service.changeCategory(tenant, AGENT, x.id(), x.version(),
        Category.of("payment", "refund")));
    calls.put("escalate", x -> service.escalate(tenant, AGENT, x.id(), x.version(), "L2"));
    calls.put("fire diagnose", x -> service.fire(tenant, AGENT, x.id(), x.version(),
        "diagnose"));
    calls.put("fire start_fix", x -> service.fire(tenant, AGENT, x.id(), x.version(),
        "start_fix"));
    calls.put("edit resolutionSummary", x -> service.edit(tenant, AGENT, x.id(), x.version(),
        TicketEdit.builder().resolutionSummary("Payment matched by hand.").build()));
    calls.put("fire propose_resolution", x -> service.fire(tenant, AGENT, x.id(), x.version(),
        "propose_resolution"));
    calls.put("rate SATISFIED", x -> service.rate(tenant, REQUESTER, x.id(), x.version(),
        Rating.of(Satisfaction.SATISFIED)));
    calls.forEach((call, write) -> {
      Counts before = counting.counts();
      t[0] = write.apply(t[0]);
      perCall.put(call, counting.counts().minus(before));
    });
  }
}
