package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.ShapedSql;
import dev.ticketkit.jdbc.internal.SlaTables;
import dev.ticketkit.jdbc.internal.SlaTables.Clock;
import dev.ticketkit.jdbc.internal.TicketTables.History;
import dev.ticketkit.jdbc.internal.TicketTables.Number;
import dev.ticketkit.jdbc.internal.TicketTables.Tag;
import dev.ticketkit.jdbc.internal.TicketTables.Tk;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.testkit.contract.SlaFixtures;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The key lookups of every write call are planned on the primary key whatever the statistics:
 * on a PostgreSQL database that was never analysed (autovacuum off on every table) and holds
 * 40,000 tickets, 30,000 of them in one tenant, with their clocks, pending and done SLA work, each
 * statement of the commit path, built as the
 * stores build it, is prepared, forced to a generic plan ({@code plan_cache_mode =
 * force_generic_plan}, what a pooled prepared statement ends up with) and run under
 * {@code EXPLAIN (ANALYZE, BUFFERS)} in a transaction that is rolled back. Each plan must use the
 * expected unique index with the whole key (tenant and ticket) in its index condition, so that a
 * filter, where there is one, sees only that ticket's few rows: a lookup that read the tenant's
 * tickets through a secondary index (as the store before issue 17 did, with
 * {@code tk_ticket_by_category}, {@code Index Cond: tenant_id = $2}, {@code Filter: id = $1})
 * fails. The plans are printed.
 */
class PostgresUnanalysedPlanTest {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);
  /** A database whose tables stay empty: the plans a pool's statements get on day one. */
  private static final TestKit EMPTY = new TestKit(DatabaseKind.POSTGRESQL);
  private static final DSLContext PG = DSL.using(Database.dialectOf(DatabaseKind.POSTGRESQL),
      new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
  private static String tenant;
  private static String ticket;

  @BeforeAll
  static void loadWithoutStatistics() throws SQLException {
    try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname ="
          + " current_schema() and tablename like 'tk\\_%'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        s.execute("alter table " + table + " set (autovacuum_enabled = off)");
      }
      s.execute("insert into tk_ticket (id, tenant_id, number, version, requester_id, requester,"
          + " channel, subject, description, attachments, category, priority, status,"
          + " status_category, status_changed_at, assignee, tier, tags, custom_fields, links,"
          + " cycle, created_at, updated_at)"
          + " select gen_random_uuid(), case when g % 4 = 0 then 'small-' || (g % 7) else 'big'"
          + " end, g + 1, 1, 'req-' || (g % 7919), '{}', 'EMAIL', 'S', 'D', '[]',"
          + " (array['Billing', 'Billing/Refunds', 'Login', 'Hardware'])[g % 4 + 1], 'LOW',"
          + " (array['NEW','DIAGNOSING','RESOLVING','CLOSED'])[g % 4 + 1],"
          + " (array['NEW','OPEN','OPEN','CLOSED'])[g % 4 + 1],"
          + " timestamp '2026-01-01 00:00' + g * interval '1 minute', 'agent-' || (g % 97), 1,"
          + " '[]', '{}', '[]', 1, timestamp '2026-01-01 00:00' + g * interval '1 minute',"
          + " timestamp '2026-01-01 00:00' + g * interval '1 minute'"
          + " from generate_series(0, 39999) g");
      s.execute("insert into tk_ticket_number (tenant_id, last_number) select tenant_id,"
          + " max(number) from tk_ticket group by tenant_id");
      s.execute("insert into tk_ticket_tag (tenant_id, ticket_id, tag) select tenant_id, id,"
          + " 'bug' from tk_ticket");
      s.execute("insert into tk_ticket_history (tenant_id, ticket_id, ticket_version, position,"
          + " actor, at, action, field, after_value) select tenant_id, id, 1, 0, 'agent:a',"
          + " created_at, 'OPENED', 'subject', 'S' from tk_ticket");
      s.execute("insert into tk_sla_clock (tenant_id, ticket_id, metric, cycle, ticket_cycle,"
          + " policy_id, priority, calendar_id, target_nanos, reason, started_at, state, pauses,"
          + " elapsed_nanos, as_of, due_at, ticket_version, latest)"
          + " select tenant_id, id, m, 1, 1, 'standard', 'LOW', 'cn', 3600000000000, 'r',"
          + " created_at, 'RUNNING', '[]', 0, created_at, created_at + interval '1 hour', 1,"
          + " true from tk_ticket, unnest(array['FIRST_REPLY', 'RESOLUTION']) m");
      s.execute("insert into tk_sla_work (tenant_id, ticket_id, work_key, kind, metric, cycle,"
          + " level, due_at) select tenant_id, id, 'L:RESOLUTION:1:1', 'LEVEL', 'RESOLUTION', 1,"
          + " 1, created_at + interval '1 hour' from tk_ticket");
      s.execute("insert into tk_sla_done (tenant_id, ticket_id, work_key, kind, metric, cycle,"
          + " level, due_at, done_at) select tenant_id, id, 'L:FIRST_RESPONSE:1:' || l, 'LEVEL',"
          + " 'FIRST_RESPONSE', 1, l, created_at, created_at + interval '1 minute' from"
          + " tk_ticket, generate_series(1, 2) l");
      try (ResultSet rs = s.executeQuery("select tenant_id, id from tk_ticket where tenant_id"
          + " = 'big' order by number desc limit 1")) {
        rs.next();
        tenant = rs.getString(1);
        ticket = rs.getString(2);
      }
    }
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
    EMPTY.close();
  }

  @Test
  void theTablesHaveNoStatistics() throws SQLException {
    try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from pg_stats where schemaname ="
            + " current_schema() and tablename like 'tk\\_%'")) {
      rs.next();
      assertThat(rs.getLong(1)).as("column statistics of TicketKit's tables").isZero();
    }
  }

  static Stream<Arguments> statements() {
    return Stream.of(
        plan("lock a ticket for a write call", "tk_ticket_pkey", PG.select(Tk.ALL)
            .from(Tk.TABLE).where(Tk.TENANT_ID.eq(DSL.val(""))).and(Tk.ID.eq(DSL.val(
                (java.util.UUID) null))).forUpdate()),
        plan("read a ticket", "tk_ticket_pkey", PG.select(Tk.ALL).from(Tk.TABLE)
            .where(Tk.ID.eq(DSL.val((java.util.UUID) null)))
            .and(Tk.TENANT_ID.eq(DSL.val("")))),
        plan("write a ticket's changed columns", "tk_ticket_pkey", PG.update(Tk.TABLE)
            .set(Tk.VERSION, DSL.val(0L)).set(Tk.LAST_COMMIT, DSL.val((java.util.UUID) null))
            .where(Tk.TENANT_ID.eq(DSL.val(""))).and(Tk.ID.eq(DSL.val(
                (java.util.UUID) null)))),
        plan("allocate a ticket number", "tk_ticket_number_pkey", PG.update(Number.TABLE)
            .set(Number.LAST_NUMBER, Number.LAST_NUMBER.plus(DSL.inline(1L)))
            .where(Number.TENANT_ID.eq(DSL.val(""))).returning(Number.LAST_NUMBER)),
        plan("remove a tag", "tk_ticket_tag_pkey", PG.deleteFrom(Tag.TABLE)
            .where(Tag.TENANT_ID.eq(DSL.val(""))).and(Tag.TICKET_ID.eq(DSL.val(
                (java.util.UUID) null))).and(Tag.TAG.in(DSL.val("")))),
        plan("a ticket's history", "tk_ticket_history_pkey", PG.select(History.AFTER_VALUE)
            .from(History.TABLE).where(History.TICKET_ID.eq(DSL.val((java.util.UUID) null)))
            .and(History.TENANT_ID.eq(DSL.val("")))
            .orderBy(History.TICKET_VERSION, History.POSITION)),
        plan("a ticket's current SLA clocks", "tk_sla_clock_pkey",
            PG.select(Clock.ALL).select(Clock.TICKET_VERSION).from(Clock.TABLE)
                .where(Clock.TENANT_ID.eq(DSL.val(""))).and(Clock.TICKET_ID.eq(DSL.val(
                    (java.util.UUID) null))).and(Clock.LATEST.isTrue())));
  }

  private static Arguments plan(String name, String index, Query query) {
    return Arguments.of(name, index, query.getSQL(ParamType.INDEXED), null);
  }

  /**
   * The SLA writes of a change of the big tenant's newest ticket, as {@link SlaWrites} builds
   * them: two clocks updated with two-level ladders and one event rule, then four clocks (a
   * change that moves acceptance, first and next response and resolution together, the shape
   * whose pending-level delete was planned as a sequential scan on young tables when each clock
   * was a row of a four-column row-value list).
   */
  static Stream<Arguments> slaWrites() {
    return Stream.of(
        slaWrites(List.of(SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION), true, false),
        slaWrites(List.of(SlaMetric.ACCEPTANCE, SlaMetric.FIRST_RESPONSE,
            SlaMetric.NEXT_RESPONSE, SlaMetric.RESOLUTION), false, false),
        slaWrites(List.of(SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION), true, true))
        .flatMap(s -> s);
  }

  /**
   * The writes of a change; with {@code stored}, its clocks are known to have rows (read along
   * with the ticket) and each is written by an {@code UPDATE} on its key instead of the upsert.
   */
  private static Stream<Arguments> slaWrites(List<SlaMetric> metrics, boolean rule,
      boolean stored) {
    TenantId t = TenantId.of(tenant);
    TicketId id = TicketId.of(UUID.fromString(ticket));
    List<ClockUpdate> updates = new ArrayList<>();
    for (SlaMetric metric : metrics) {
      ClockKey key = SlaFixtures.key(t, id, metric, 1);
      updates.add(new ClockUpdate(SlaFixtures.running(key), SlaFixtures.ladder(key)));
    }
    SlaChanges changes = new SlaChanges(2, updates,
        rule ? List.of(SlaFixtures.rule(t, id, 0, SlaFixtures.T0)) : List.of());
    java.util.Set<ClockKey> keys = new java.util.HashSet<>();
    if (stored) {
      updates.forEach(u -> keys.add(u.clock().key()));
    }
    List<ShapedSql.Statement> statements = new SlaWrites(new ShapedSql(DatabaseKind.POSTGRESQL, PG))
        .statements(PG, changes, keys);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < (stored ? updates.size() : 1); i++) {
      expected.add("tk_sla_clock_pkey");
    }
    expected.addAll(List.of("tk_sla_work_pkey", "tk_sla_done_pkey"));
    if (rule) {
      expected.add("tk_sla_done_pkey");
    }
    assertThat(statements).hasSameSizeAs(expected);
    List<Arguments> out = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      ShapedSql.Statement st = statements.get(i);
      out.add(Arguments.of("SLA write, " + metrics.size() + (stored ? " stored" : "")
          + " clocks, " + (i + 1) + ": "
          + st.sql().substring(0, 30), expected.get(i), st.sql(), typedLiterals(st)));
    }
    return out.stream();
  }

  /** The statement's values as SQL literals cast to their columns' types. */
  private static List<String> typedLiterals(ShapedSql.Statement st) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < st.values().size(); i++) {
      Class<?> type = st.columns().get(i).getType();
      out.add(literal(st.values().get(i)) + "::" + (type == UUID.class ? "uuid"
          : type == Integer.class ? "integer" : type == Long.class ? "bigint"
          : type == Instant.class ? "timestamp" : type == Boolean.class ? "boolean" : "text"));
    }
    return out;
  }

  private static String literal(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Instant at) {
      return "'" + java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC) + "'";
    }
    return "'" + value.toString().replace("'", "''") + "'";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"statements", "slaWrites"})
  void theLookupUsesTheKeyWithoutStatistics(String name, String index, String sql,
      List<String> values) throws SQLException {
    checkPlan(name, index, sql, explainGeneric(DB.dataSource(), sql, values));
  }

  /**
   * The same statements planned on empty, never analysed tables, as a new installation's pooled
   * statements are: their generic plans stay cached while the tables grow (nothing invalidates
   * them without ANALYZE), so a plan that reads a time index by its tenant prefix here would
   * read the whole tenant later. Each must use the same key index as on the full database.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource({"statements", "slaWrites"})
  void theLookupUsesTheKeyOnEmptyTables(String name, String index, String sql,
      List<String> values) throws SQLException {
    checkPlan(name + " (empty tables)", index, sql,
        explainGeneric(EMPTY.dataSource(), sql, values));
  }

  private static void checkPlan(String name, String index, String sql, List<String> plan) {
    System.out.println("-- " + name + "\n" + sql + "\n" + String.join("\n", plan) + "\n");

    String text = String.join("\n", plan);
    assertThat(text).as(name)
        .containsPattern("(using|Arbiter Indexes:|Bitmap Index Scan on) (" + index + ")")
        .doesNotContain("Seq Scan")
        // An OR of per-row lookups costs about what a sequential scan of a young table is
        // estimated to cost, so its generic plan flips to a scan with the estimates.
        .doesNotContain("BitmapOr");
    // Every index condition holds the whole key (one ticket's rows; the counter's tenant), so
    // a filter, where there is one, sees only that ticket's few rows.
    String key = name.contains("number") ? "\\(\\(tenant_id\\)::text = \\$\\d\\)"
        : ".*tenant_id.*(\\bid|ticket_id) = .*";
    assertThat(plan.stream().filter(l -> l.contains("Index Cond:")).toList())
        .as(name + ": the key in every index condition")
        .allSatisfy(l -> assertThat(l).containsPattern("Index Cond: " + key));
  }

  /**
   * Prepares the statement with {@code $n} parameters, forces a generic plan and explains its
   * execution with the given values (SQL literals), or if there are none, for the big tenant's
   * newest ticket (parameters get values by type: tenant, ticket id, else a neutral value), then
   * rolls back.
   */
  private static List<String> explainGeneric(javax.sql.DataSource dataSource, String sql,
      List<String> values) throws SQLException {
    List<String> lines = new ArrayList<>();
    StringBuilder numbered = new StringBuilder();
    int n = 0;
    for (char ch : sql.toCharArray()) {
      if (ch == '?') {
        numbered.append('$').append(++n);
      } else {
        numbered.append(ch);
      }
    }
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        s.execute("set local plan_cache_mode = force_generic_plan");
        s.execute("prepare probe" + (values == null ? "" : values.stream()
            .map(v -> v.substring(v.lastIndexOf("::") + 2))
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"))) + " as " + numbered);
        List<String> types = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select unnest(parameter_types)::text from"
            + " pg_prepared_statements where name = 'probe'")) {
          while (rs.next()) {
            types.add(rs.getString(1));
          }
        }
        List<String> args = new ArrayList<>();
        if (values != null) {
          args.addAll(values);
        }
        for (String type : values != null ? List.<String>of() : types) {
          args.add(switch (type) {
            case "uuid" -> "'" + ticket + "'::uuid";
            case "character varying", "text" -> "'" + tenant + "'";
            case "bigint", "integer" -> "1";
            case "boolean" -> "true";
            default -> "null::" + type;
          });
        }
        try (ResultSet rs = s.executeQuery("explain (analyze, buffers, costs off) execute probe"
            + (args.isEmpty() ? "" : "(" + String.join(", ", args) + ")"))) {
          while (rs.next()) {
            lines.add(rs.getString(1));
          }
        }
      } finally {
        c.rollback();
        s.execute("deallocate all");
        c.setAutoCommit(true);
      }
    }
    return lines;
  }
}
