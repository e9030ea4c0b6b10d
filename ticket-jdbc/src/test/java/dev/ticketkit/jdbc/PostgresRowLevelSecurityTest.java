package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.jdbc.testing.TestDatabases;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.contract.TicketFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Row-level security on PostgreSQL (issue 11, defence in depth): with the policies enabled
 * ({@link TicketKitSchema#enableRowLevelSecurity}) and a kit built with
 * {@code rowLevelSecurity(true)}, the stores work as before for an application role that is not
 * the tables' owner, while a raw SQL read or write in the wrong tenant sees or changes nothing.
 */
class PostgresRowLevelSecurityTest {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Actor AGENT = Actor.agent("li");
  private static String role;
  private static HikariDataSource app;

  @BeforeAll
  static void enableRowLevelSecurity() throws SQLException {
    DB.kit();
    String schema = DB.database().name();
    role = "tk_app_" + schema.substring(schema.length() - 12);
    try (Connection c = DB.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("create role " + role + " nologin");
      st.execute("grant usage on schema " + schema + " to " + role);
      st.execute("grant select, insert, update, delete on all tables in schema " + schema
          + " to " + role);
      st.execute("grant usage, select on all sequences in schema " + schema + " to " + role);
    }
    TicketKitSchema.enableRowLevelSecurity(DB.dataSource());
    HikariConfig config = new HikariConfig();
    config.setDataSource(DB.database().dataSource());
    config.setConnectionInitSql("set role " + role);
    config.setMaximumPoolSize(4);
    app = new HikariDataSource(config);
  }

  @AfterAll
  static void dropEverything() throws SQLException {
    if (app != null) {
      app.close();
    }
    DB.close();
    if (role != null) {
      PGSimpleDataSource admin = new PGSimpleDataSource();
      admin.setURL(TestDatabases.requireUrl(TestDatabases.Server.POSTGRES));
      try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
        st.execute("drop role if exists " + role);
      }
    }
  }

  private static TicketService service(boolean rowLevelSecurity) {
    JdbcTicketKit kit = JdbcTicketKit.builder().dataSource(app).migrate(false)
        .rowLevelSecurity(rowLevelSecurity).build();
    return TicketService.builder().store(kit.ticketStore()).workflow(TicketFixtures.WORKFLOW)
        .clock(MutableClock.of(TicketFixtures.T0)).build();
  }

  private static Ticket openNotedAndTagged(TicketService s, TenantId tenant) {
    Ticket t = s.open(tenant, AGENT, TicketFixtures.intake().build());
    t = s.note(tenant, AGENT, t.id(), t.version(), Message.of(Channel.EMAIL, "hello"));
    return s.tag(tenant, AGENT, t.id(), t.version(), Tag.of("vip"));
  }

  @Test
  void theStoreWorksThroughThePoliciesAndTenantsStayApart() {
    TicketService s = service(true);
    Ticket a = openNotedAndTagged(s, ACME);
    Ticket g = openNotedAndTagged(s, GLOBEX);
    assertThat(s.require(ACME, a.id())).isEqualTo(a);
    assertThat(s.history(ACME, a.id())).isNotEmpty();
    assertThat(s.conversation(ACME, a.id())).hasSize(1);
    assertThat(s.query(ACME, TicketQuery.all()).items()).extracting(Ticket::id)
        .contains(a.id()).doesNotContain(g.id());
    assertThat(s.count(GLOBEX, TicketQuery.all())).isEqualTo(
        s.query(GLOBEX, TicketQuery.all()).items().size());
    assertThat(s.get(GLOBEX, a.id())).isEmpty();
    assertThat(a.number()).isPositive();
  }

  @Test
  void aRawReadOrWriteInTheWrongTenantSeesNothing() throws SQLException {
    Ticket a = openNotedAndTagged(service(true), ACME);
    UUID id = a.id().value();
    try (Connection c = app.getConnection()) {
      c.setAutoCommit(false);
      tenant(c, GLOBEX);
      for (String table : new String[] {"tk_ticket where id", "tk_ticket_history where ticket_id",
          "tk_ticket_conversation where ticket_id", "tk_ticket_tag where ticket_id"}) {
        assertThat(count(c, "select count(*) from " + table + " = ?", id)).as(table).isZero();
      }
      assertThat(count(c, "update tk_ticket set subject = 'x' where id = ?", id)).isZero();
      assertThatThrownBy(() -> count(c, "insert into tk_ticket_tag (tenant_id, ticket_id, tag)"
          + " values ('acme', ?, 'planted')", id)).isInstanceOf(SQLException.class)
          .hasMessageContaining("row-level security");
      c.rollback();
      tenant(c, ACME);
      assertThat(count(c, "select count(*) from tk_ticket where id = ?", id)).isEqualTo(1);
      assertThat(count(c, "select count(*) from tk_ticket_tag where ticket_id = ?", id))
          .isEqualTo(1);
      c.commit();
      assertThat(count(c, "select count(*) from tk_ticket where id = ?", id))
          .as("a transaction that names no tenant sees nothing").isZero();
      c.commit();
    }
  }

  @Test
  void aKitThatDoesNotNameTheTenantSeesNothingOnceThePoliciesAreOn() {
    Ticket a = openNotedAndTagged(service(true), ACME);
    TicketService blind = service(false);
    assertThat(blind.get(ACME, a.id())).isEmpty();
    assertThat(blind.store().history(ACME, a.id())).isEmpty();
    assertThat(blind.count(ACME, TicketQuery.all())).isZero();
  }

  private static void tenant(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select set_config('ticketkit.tenant', ?, true)")) {
      ps.setString(1, tenant.value());
      ps.execute();
    }
  }

  private static long count(Connection c, String sql, UUID id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, id);
      if (!ps.execute()) {
        return ps.getUpdateCount();
      }
      try (ResultSet rs = ps.getResultSet()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
