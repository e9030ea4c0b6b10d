package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.store.FollowUpQuery;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.testing.TestKit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.DSLContext;
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
 * The follow-up ledger is served by its index on PostgreSQL: over 100,000 tickets in five tenants
 * (two thirds closed), the plan of the store's ledger query, built exactly as the store builds it,
 * is one range of the partial index {@code tk_ticket_follow_up} (agent) or
 * {@code tk_ticket_tier_follow_up} (tier), with no sequential scan; a first page reads the index
 * in order (no sort). After a cursor deep in the ledger, the planner may fetch the few remaining
 * rows by a bitmap range of the same index and sort them. Plans are printed.
 */
class PostgresFollowUpPlanTest {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);
  private static final DSLContext PG = DSL.using(Database.dialectOf(DatabaseKind.POSTGRESQL),
      new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
  private static final TenantId TENANT = TenantId.of("big-3");

  @BeforeAll
  static void loadData() throws SQLException {
    try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(LedgerData.insertTickets(100_000, 5, 97));
      s.execute("analyze");
    }
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  static Stream<Arguments> queries() {
    Instant mid = Instant.parse("2026-02-01T00:00:00Z");
    return Stream.of(
        plan("an agent's first page", "tk_ticket_follow_up", true,
            FollowUpQuery.ofAgent(AgentId.of("agent-7"), 51)),
        plan("an agent's page after a cursor", "tk_ticket_follow_up", false,
            FollowUpQuery.ofAgent(AgentId.of("agent-7"), 51).after(mid, 12_345)),
        plan("a tier's first page", "tk_ticket_tier_follow_up", true,
            FollowUpQuery.ofTier(SupportTier.of(2), 51)));
  }

  private static Arguments plan(String name, String index, boolean inOrder, FollowUpQuery q) {
    return Arguments.of(name, index, inOrder,
        JdbcTicketStore.followUpQuery(PG, TENANT, q).getSQL(ParamType.INLINED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void theLedgerIsOneIndexRange(String name, String index, boolean inOrder, String sql)
      throws SQLException {
    List<String> plan = new ArrayList<>();
    try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("explain " + sql)) {
      while (rs.next()) {
        plan.add(rs.getString(1));
      }
    }
    String text = String.join("\n", plan);
    System.out.println("-- " + name + "\n" + sql + "\n" + text + "\n");
    assertThat(text).as(name).contains(index).doesNotContain("Seq Scan");
    if (inOrder) {
      assertThat(text).as(name).doesNotContain("Sort");
    }
  }
}
