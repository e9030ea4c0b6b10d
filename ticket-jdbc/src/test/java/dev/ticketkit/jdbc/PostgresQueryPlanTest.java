package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.SlaTables;
import dev.ticketkit.jdbc.internal.TicketConditions;
import dev.ticketkit.jdbc.internal.TicketTables.History;
import dev.ticketkit.jdbc.internal.TicketTables.Outbox;
import dev.ticketkit.jdbc.internal.TicketTables.Tk;
import dev.ticketkit.jdbc.testing.TestKit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PostgreSQL's planner uses the schema's indexes for the stores' main queries: over 100,000
 * tickets in five tenants, 200,000 escalation index rows and 100,000 outbox rows (analyzed), the
 * plan of each query, built exactly as the stores build it, names the expected index and reads
 * no table sequentially. The plans are printed, so a failing run shows what the planner chose.
 */
class PostgresQueryPlanTest {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);
  private static final DSLContext PG = DSL.using(Database.dialectOf(DatabaseKind.POSTGRESQL),
      new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
  private static final TenantId TENANT = TenantId.of("big-3");

  @BeforeAll
  static void loadData() throws SQLException {
    try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("insert into tk_ticket (id, tenant_id, number, version, requester_id, requester,"
          + " channel, subject, description, attachments, category, priority, status,"
          + " status_category, status_changed_at, assignee, tier, tags, custom_fields, links,"
          + " cycle, created_at, updated_at)"
          + " select gen_random_uuid(), 'big-' || (g % 5), g / 5 + 1, 1, 'req-' || (g % 7919),"
          + " '{}', 'EMAIL', 'S', 'D', '[]',"
          + " (array['Billing', 'Billing/Refunds', 'Login', 'Hardware'])[g % 4 + 1], 'LOW',"
          + " (array['NEW','DIAGNOSING','RESOLVING','CLOSED','CLOSED','CLOSED'])[g % 6 + 1],"
          + " (array['NEW','OPEN','OPEN','CLOSED','CLOSED','CLOSED'])[g % 6 + 1],"
          + " timestamp '2026-01-01 00:00' + g * interval '1 minute',"
          + " 'agent-' || (g % 97), 1, '[]', '{}', '[]', 1,"
          + " timestamp '2026-01-01 00:00' + g * interval '1 minute',"
          + " timestamp '2026-01-01 00:00' + g * interval '1 minute'"
          + " from generate_series(0, 99999) g");
      s.execute("insert into tk_ticket_tag (ticket_id, tag, tenant_id) select id,"
          + " case when number % 50 = 0 then 'vip' else 'bug' end, tenant_id from tk_ticket");
      s.execute("insert into tk_ticket_history (ticket_id, ticket_version, position, tenant_id,"
          + " actor, at, action, field, after_value) select id, 1, 0, tenant_id, 'agent:a',"
          + " created_at, 'OPENED', 'subject', 'S' from tk_ticket");
      s.execute("insert into tk_sla_work (tenant_id, ticket_id, work_key, kind, metric, cycle,"
          + " level, due_at) select 'big-' || (g % 5), gen_random_uuid(), 'L:RESOLUTION:1:1',"
          + " 'LEVEL', 'RESOLUTION', 1, 1, timestamp '2026-01-01 00:00' + g * interval '1 minute'"
          + " from generate_series(0, 199999) g");
      s.execute("insert into tk_sla_done (tenant_id, ticket_id, work_key, kind, metric, cycle,"
          + " level, due_at, done_at) select tenant_id, ticket_id, work_key, kind, metric, cycle,"
          + " level, due_at, due_at from tk_sla_work where cycle = 1 and due_at < timestamp"
          + " '2026-02-01'");
      s.execute("insert into tk_outbox (tenant_id, ticket_id, ticket_version, position,"
          + " event_type, idempotency_key, payload, occurred_at, delivered_at)"
          + " select 'big-0', gen_random_uuid(), 1, 0, 'TicketOpened', 'k' || g, '{}',"
          + " timestamp '2026-01-01 00:00', case when g < 99900 then timestamp '2026-01-02'"
          + " end from generate_series(0, 99999) g");
      s.execute("analyze");
    }
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        plan("get a ticket", "tk_ticket_pkey", PG.select(Tk.ALL).from(Tk.TABLE)
            .where(Tk.ID.eq(UUID.randomUUID())).and(Tk.TENANT_ID.eq(TENANT.value()))),
        plan("first page, oldest first", "tk_ticket_number_unique", page(TicketQuery.all())),
        plan("page after a cursor, newest first", "tk_ticket_number_unique",
            page(TicketQuery.builder().order(TicketQuery.Order.NEWEST_FIRST)
                .after(dev.ticketkit.core.store.PageCursor.after(10_000)).build())),
        // The follow-up ledger's partial index (open tickets by assignee) serves this too.
        plan("open tickets of an assignee", "tk_ticket_by_assignee|tk_ticket_follow_up",
            page(TicketQuery.builder().assignee(AgentId.of("agent-7"))
                .statusCategories(StatusCategory.OPEN).build())),
        plan("tickets of a requester", "tk_ticket_by_requester",
            page(TicketQuery.builder().requesterId("req-42").build())),
        plan("count created in a week", "tk_ticket_by_created",
            count(TicketQuery.builder().createdBetween(Instant.parse("2026-01-20T00:00:00Z"),
                Instant.parse("2026-01-27T00:00:00Z")).build())),
        // Ordered by number, the planner may rather walk the number index backwards (creation
        // and number grow together) and stop after one page: also an index-only plan.
        plan("created in a week, newest first",
            "tk_ticket_by_created|tk_ticket_number_unique", page(TicketQuery.builder().createdBetween(Instant.parse("2026-01-20T00:00:00Z"),
                Instant.parse("2026-01-27T00:00:00Z")).order(TicketQuery.Order.NEWEST_FIRST)
                .build())),
        plan("new tickets", "tk_ticket_by_status",
            page(TicketQuery.builder().statusCategories(StatusCategory.NEW).build())),
        plan("a category with its children", "tk_ticket_by_category",
            count(TicketQuery.builder().category(Category.parse("Billing")).build())),
        plan("tickets with a rare tag", "tk_ticket_tag",
            page(TicketQuery.builder().tags(Tag.of("vip")).build())),
        plan("a ticket's history", "tk_ticket_history_pkey", PG.select(History.AFTER_VALUE)
            .from(History.TABLE).where(History.TICKET_ID.eq(UUID.randomUUID()))
            .and(History.TENANT_ID.eq(TENANT.value()))
            .orderBy(History.TICKET_VERSION, History.POSITION)),
        plan("due SLA work", "tk_sla_work_by_time", PG.select(SlaTables.WORK.all())
            .from(SlaTables.WORK.table)
            .where(SlaTables.WORK.dueAt.le(Instant.parse("2026-01-01T03:00:00Z")))
            .and(JdbcSlaStore.notDone())
            .orderBy(SlaTables.WORK.dueAt, SlaTables.WORK.tenantId, SlaTables.WORK.ticketId,
                SlaTables.WORK.workKey).limit(100)),
        plan("claim undelivered outbox rows", "tk_outbox_undelivered", PG.select(Outbox.ID,
                Outbox.PAYLOAD).from(Outbox.TABLE).where(Outbox.DELIVERED_AT.isNull())
            .orderBy(Outbox.ID).limit(100).forUpdate().skipLocked()));
  }

  private static Arguments plan(String name, String index, Query query) {
    return Arguments.of(name, index, query.getSQL(ParamType.INLINED));
  }

  private static Query page(TicketQuery q) {
    return PG.select(Tk.ALL).from(Tk.TABLE).where(TicketConditions.filter(TENANT, q))
        .and(TicketConditions.after(q)).orderBy(TicketConditions.order(q)).limit(q.limit() + 1);
  }

  private static Query count(TicketQuery q) {
    return PG.selectCount().from(Tk.TABLE).where(TicketConditions.filter(TENANT, q));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void thePlanUsesTheIndex(String name, String index, String sql) throws SQLException {
    List<String> plan = explain(sql);
    System.out.println("-- " + name + "\n" + sql + "\n" + String.join("\n", plan) + "\n");

    String text = String.join("\n", plan);
    assertThat(text).as(name).containsPattern(index).doesNotContain("Seq Scan");
  }

  private static List<String> explain(String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("explain " + sql)) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    return lines;
  }
}
