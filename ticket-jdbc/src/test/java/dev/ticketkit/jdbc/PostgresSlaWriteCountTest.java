package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.sla.SlaEngine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The rows the SLA engine writes per call of the standard 8-call lifecycle on PostgreSQL (issue
 * 17), counted exactly by row triggers on the SLA tables of a database of this test's own:
 * inserts, updates (an upsert that updates counts as one update) and deletes of
 * {@code tk_sla_clock}, {@code tk_sla_work} and {@code tk_sla_done}. Prints the table that
 * docs/benchmarks.md quotes and fails if a call writes more rows than it did when measured.
 */
class PostgresSlaWriteCountTest {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);
  private static final Actor AGENT = Actor.agent("li.wei");
  private static final Actor REQUESTER = Actor.requester("cust-42");
  private static final Channel CHANNEL = Channel.EMAIL;

  /** The most SLA rows each call may write (inserts + updates + deletes), as measured. */
  private static final Map<String, Integer> BOUNDS = new LinkedHashMap<>();

  static {
    // Only each clock's next ladder level is due work (V17): open 4 clocks + 4 levels (was 13),
    // accept 1 + 1 (was 3), reply 3 + 3 (was 7), propose_resolution 2 + 2 (was 7).
    BOUNDS.put("open", 8);
    BOUNDS.put("fire accept", 2);
    BOUNDS.put("reply (agent)", 6);
    BOUNDS.put("fire diagnose", 0);
    BOUNDS.put("fire start_fix", 0);
    BOUNDS.put("edit resolutionSummary", 0);
    BOUNDS.put("fire propose_resolution", 4);
    BOUNDS.put("rate SATISFIED", 0);
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void theSlaWritesFewRowsPerCall() throws SQLException {
    DataSource ds = DB.dataSource();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table sla_row_count (tbl text, op text)");
      s.execute("create function sla_row_count() returns trigger language plpgsql as $$ begin "
          + "insert into sla_row_count values (tg_table_name, tg_op); return null; end $$");
      for (String t : new String[] {"tk_sla_clock", "tk_sla_work", "tk_sla_done"}) {
        s.execute("create trigger " + t + "_count after insert or update or delete on " + t
            + " for each row execute function sla_row_count()");
      }
    }
    JdbcTicketKit kit = DB.freshKit();
    TicketService service = TicketService.builder().store(kit.ticketStore())
        .workflow(StandardWorkflow.create())
        .clock(Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC)).build();
    SlaEngine.builder().tickets(service).store(kit.slaStore()).build();
    TenantId tenant = TenantId.of("acme");
    Map<String, Map<String, Integer>> perCall = new LinkedHashMap<>();
    Ticket[] t = new Ticket[1];
    Step step = (call, write) -> {
      clear(ds);
      t[0] = write.apply(t[0]);
      perCall.put(call, read(ds));
    };
    step.run("open", x -> service.open(tenant, REQUESTER, NewTicket.builder()
        .requester(Requester.of("cust-42", "Ada")).channel(CHANNEL).subject("Order unpaid")
        .description("Paid at 10:02; the order says unpaid.").build()));
    step.run("fire accept", x -> service.fire(tenant, AGENT, x.id(), x.version(), "accept"));
    step.run("reply (agent)", x -> service.reply(tenant, AGENT, x.id(), x.version(),
        Message.of(CHANNEL, "We are looking into it.")));
    step.run("fire diagnose", x -> service.fire(tenant, AGENT, x.id(), x.version(), "diagnose"));
    step.run("fire start_fix", x -> service.fire(tenant, AGENT, x.id(), x.version(), "start_fix"));
    step.run("edit resolutionSummary", x -> service.edit(tenant, AGENT, x.id(), x.version(),
        TicketEdit.builder().resolutionSummary("Payment matched by hand.").build()));
    step.run("fire propose_resolution", x -> service.fire(tenant, AGENT, x.id(), x.version(),
        "propose_resolution"));
    step.run("rate SATISFIED", x -> service.rate(tenant, REQUESTER, x.id(), x.version(),
        Rating.of(Satisfaction.SATISFIED)));

    StringBuilder out = new StringBuilder("[sla-rows] PostgreSQL, SLA rows written per call\n"
        + "| call | tk_sla_clock ins/upd/del | tk_sla_work ins/upd/del | tk_sla_done ins | total |\n"
        + "|---|---|---|---:|---:|\n");
    int[] total = new int[1];
    perCall.forEach((call, n) -> {
      int sum = n.values().stream().mapToInt(Integer::intValue).sum();
      total[0] += sum;
      out.append(String.format(Locale.ROOT, "| %s | %d/%d/%d | %d/%d/%d | %d | %d |%n", call,
          n.getOrDefault("tk_sla_clock INSERT", 0), n.getOrDefault("tk_sla_clock UPDATE", 0),
          n.getOrDefault("tk_sla_clock DELETE", 0), n.getOrDefault("tk_sla_work INSERT", 0),
          n.getOrDefault("tk_sla_work UPDATE", 0), n.getOrDefault("tk_sla_work DELETE", 0),
          n.getOrDefault("tk_sla_done INSERT", 0), sum));
    });
    out.append("| lifecycle | | | | ").append(total[0]).append(" |\n");
    System.out.print(out);
    perCall.forEach((call, n) -> assertThat(n.values().stream().mapToInt(Integer::intValue).sum())
        .as(call).isLessThanOrEqualTo(BOUNDS.get(call)));
  }

  private static void clear(DataSource ds) {
    JdbcTestSql.execute(ds, "delete from sla_row_count");
  }

  private static Map<String, Integer> read(DataSource ds) {
    Map<String, Integer> out = new TreeMap<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "select tbl || ' ' || op, count(*) from sla_row_count group by 1")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  @FunctionalInterface
  private interface Step {
    void run(String call, UnaryOperator<Ticket> write);
  }
}
