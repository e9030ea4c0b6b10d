package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.jdbc.testing.TestDataSources;
import dev.ticketkit.sla.store.DueWork;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V6 moves the SLA records of a V5 database into due work: a schema migrated to V5 is filled with
 * records as the V3 to V5 code wrote them (ladder levels of clock generations, fired records, and
 * event rules encoded as CANCELLED ACCEPTANCE clocks of cycle 1 + ticket version, level
 * 1 + 16 * trigger + rule), then migrated to the latest version, on every database.
 */
class SlaDueWorkMigrationTest {

  private static final String TENANT = "acme";
  private static final String TICKET = "5b7c1a9e-0000-4000-8000-000000000001";
  private static final String CLOCK_COLUMNS = "(tenant_id, ticket_id, metric, cycle, ticket_cycle,"
      + " policy_id, priority, calendar_id, target_nanos, reason, started_at, state, pauses,"
      + " elapsed_nanos, as_of, due_at, stopped_at, generation)";

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void v6MovesLevelsFiredRecordsAndEventRuleRecordsIntoDueWork(DatabaseKind kind) {
    try (TestDataSources db = TestDataSources.create(kind)) {
      DataSource ds = db.dataSource();
      Flyway.configure().dataSource(ds).locations(kind.migrationLocation())
          .table(TicketKitSchema.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0")
          .target("5").load().migrate();
      writeV5Records(ds);

      TicketKitSchema.migrate(ds);

      assertThat(work(ds, "L:FIRST_RESPONSE:1:2", "LEVEL"))
          .as("a scheduled level of the clock's current generation").isEqualTo(1);
      assertThat(work(ds, "L:FIRST_RESPONSE:1:1", "LEVEL")).as("fired: done, not due").isZero();
      assertThat(work(ds, "L:FIRST_RESPONSE:1:3", "LEVEL")).as("an older generation").isZero();
      assertThat(JdbcTestSql.count(ds, "select count(*) from tk_sla_work where work_key = ?"
          + " and kind = 'RULE' and trigger_name = 'RATED_DISSATISFIED' and rule_index = 0"
          + " and ticket_version = 2 and policy_id = 'standard' and base_tier = 1",
          "R:2:RATED_DISSATISFIED:0"))
          .as("a pending event rule, with the ticket's tier as its base").isEqualTo(1);
      assertThat(JdbcTestSql.count(ds, "select count(*) from tk_sla_work")).isEqualTo(2);

      assertThat(done(ds, "L:FIRST_RESPONSE:1:1", "LEVEL")).isEqualTo(1);
      assertThat(done(ds, "R:1:URGENT_FLAGGED:0", "RULE")).isEqualTo(1);
      assertThat(JdbcTestSql.count(ds, "select count(*) from tk_sla_done")).isEqualTo(2);

      assertThat(JdbcTestSql.count(ds,
          "select count(*) from tk_sla_clock where metric = 'ACCEPTANCE'"))
          .as("the fake ACCEPTANCE clocks are gone, the real one stays").isEqualTo(1);
      assertThat(JdbcTestSql.count(ds, "select count(*) from tk_sla_clock"
          + " where metric = 'RESOLUTION' and cycle = 2 and latest = true")).isEqualTo(1);
      assertThat(JdbcTestSql.count(ds, "select count(*) from tk_sla_clock"
          + " where metric = 'RESOLUTION' and cycle = 1 and latest = false")).isEqualTo(1);

      JdbcTicketKit kit = JdbcTicketKit.builder().dataSource(ds).migrate(false).build();
      List<DueWork> pending = kit.slaStore()
          .pending(TenantId.of(TENANT), TicketId.of(UUID.fromString(TICKET)));
      assertThat(pending).extracting(DueWork::key)
          .containsExactlyInAnyOrder("L:FIRST_RESPONSE:1:2", "R:2:RATED_DISSATISFIED:0");
    }
  }

  private static void writeV5Records(DataSource ds) {
    clock(ds, "ACCEPTANCE", 1, "STOPPED", 1);
    clock(ds, "FIRST_RESPONSE", 1, "RUNNING", 7);
    clock(ds, "RESOLUTION", 1, "STOPPED", 3);
    clock(ds, "RESOLUTION", 2, "RUNNING", 4);
    // event-rule records: ticket version 1 URGENT_FLAGGED rule 0 (fired), version 2
    // RATED_DISSATISFIED rule 0 (level 1 + 16 * 1 + 0, pending)
    clock(ds, "ACCEPTANCE", 2, "CANCELLED", 8);
    clock(ds, "ACCEPTANCE", 3, "CANCELLED", 9);
    due(ds, "FIRST_RESPONSE", 1, 7, 1, "2026-01-05 09:10:00");
    due(ds, "FIRST_RESPONSE", 1, 7, 2, "2026-01-05 09:20:00");
    due(ds, "FIRST_RESPONSE", 1, 6, 3, "2026-01-05 09:30:00");
    due(ds, "ACCEPTANCE", 2, 8, 1, "2026-01-05 09:00:00");
    due(ds, "ACCEPTANCE", 3, 9, 17, "2026-01-05 10:00:00");
    fired(ds, "FIRST_RESPONSE", 1, 1, "2026-01-05 09:10:00");
    fired(ds, "ACCEPTANCE", 2, 1, "2026-01-05 09:00:00");
  }

  private static void clock(DataSource ds, String metric, int cycle, String state,
      long generation) {
    JdbcTestSql.execute(ds, "insert into tk_sla_clock " + CLOCK_COLUMNS + " values ('" + TENANT
        + "', '" + TICKET + "', '" + metric + "', " + cycle + ", 1, 'standard', 'NORMAL', '24x7',"
        + " 3600000000000, 'target', '2026-01-05 09:00:00', '" + state + "', '[]', 0,"
        + " '2026-01-05 09:00:00', '2026-01-05 10:00:00', null, " + generation + ")");
  }

  private static void due(DataSource ds, String metric, int cycle, long generation, int level,
      String dueAt) {
    JdbcTestSql.execute(ds, "insert into tk_sla_due (tenant_id, ticket_id, metric, cycle,"
        + " generation, level, due_at) values ('" + TENANT + "', '" + TICKET + "', '" + metric
        + "', " + cycle + ", " + generation + ", " + level + ", '" + dueAt + "')");
  }

  private static void fired(DataSource ds, String metric, int cycle, int level, String dueAt) {
    JdbcTestSql.execute(ds, "insert into tk_sla_fired (tenant_id, ticket_id, metric, cycle,"
        + " level, due_at, fired_at) values ('" + TENANT + "', '" + TICKET + "', '" + metric
        + "', " + cycle + ", " + level + ", '" + dueAt + "', '" + dueAt + "')");
  }

  private static long work(DataSource ds, String key, String kind) {
    return JdbcTestSql.count(ds,
        "select count(*) from tk_sla_work where work_key = ? and kind = ?", key, kind);
  }

  private static long done(DataSource ds, String key, String kind) {
    return JdbcTestSql.count(ds,
        "select count(*) from tk_sla_done where work_key = ? and kind = ?", key, kind);
  }
}
