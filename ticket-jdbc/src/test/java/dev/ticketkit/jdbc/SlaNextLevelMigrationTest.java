package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.jdbc.testing.TestDataSources;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.store.SlaStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V17 folds the pending ladder levels written before it (every level of a schedule its own row)
 * into one row per clock, its lowest level not done, listing the others in {@code later}; rows of
 * work already done are dropped. Then the store hands the levels over one after the other.
 */
class SlaNextLevelMigrationTest {

  private static final String TENANT = "acme";
  private static final String TICKET = "5b7c1a9e-0000-4000-8000-000000000017";

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void v17KeepsOneRowPerClockAndTheLevelsAfterItInOrder(DatabaseKind kind) {
    try (TestDataSources db = TestDataSources.create(kind)) {
      DataSource ds = db.dataSource();
      Flyway.configure().dataSource(ds).locations(kind.migrationLocation())
          .table(TicketKitSchema.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0")
          .target("15").load().migrate();
      // RESOLUTION 1: level 1 done but its row left behind, levels 2 to 4 pending.
      level(ds, "RESOLUTION", 1, 1, "2026-01-05 09:30:00");
      done(ds, "RESOLUTION", 1, 1, "2026-01-05 09:30:00");
      level(ds, "RESOLUTION", 1, 4, "2026-01-05 12:00:00.000001");
      level(ds, "RESOLUTION", 1, 2, "2026-01-05 10:00:00");
      level(ds, "RESOLUTION", 1, 3, "2026-01-05 11:00:00.5");
      // FIRST_RESPONSE 1: one level, stays as it is.
      level(ds, "FIRST_RESPONSE", 1, 1, "2026-01-05 09:15:00");

      TicketKitSchema.migrate(ds);

      assertThat(JdbcTestSql.count(ds, "select count(*) from tk_sla_work")).isEqualTo(2);
      assertThat(JdbcTestSql.count(ds, "select count(*) from tk_sla_work where work_key = ?"
          + " and later = ''", "L:FIRST_RESPONSE:1:1")).isEqualTo(1);
      SlaStore store = JdbcTicketKit.builder().dataSource(ds).migrate(false).build().slaStore();
      TenantId tenant = TenantId.of(TENANT);
      TicketId ticket = TicketId.of(UUID.fromString(TICKET));
      ClockKey resolution = ClockKey.of(tenant, ticket, SlaMetric.RESOLUTION, 1);
      ClockKey firstResponse = ClockKey.of(tenant, ticket, SlaMetric.FIRST_RESPONSE, 1);
      List<LadderLevelDue> expected = List.of(
          new LadderLevelDue(resolution, 2, Instant.parse("2026-01-05T10:00:00Z")),
          new LadderLevelDue(resolution, 3, Instant.parse("2026-01-05T11:00:00.5Z")),
          new LadderLevelDue(resolution, 4, Instant.parse("2026-01-05T12:00:00.000001Z")));
      assertThat(store.pending(tenant, ticket)).containsExactly(
          new LadderLevelDue(firstResponse, 1, Instant.parse("2026-01-05T09:15:00Z")),
          expected.get(0), expected.get(1), expected.get(2));

      Instant now = Instant.parse("2026-01-06T00:00:00Z");
      List<DueWork> handed = new ArrayList<>();
      for (List<DueWork> due = store.due(now, 10); !due.isEmpty(); due = store.due(now, 10)) {
        assertThat(due.stream().filter(w -> w instanceof LadderLevelDue l
            && l.clock().equals(resolution))).as("one level of a clock at a time").hasSize(1);
        store.claim(due, now, handed::add);
      }
      assertThat(handed.stream().filter(w -> ((LadderLevelDue) w).clock().equals(resolution))
          .toList()).containsExactlyElementsOf(expected);
      assertThat(store.done(tenant, ticket)).hasSize(5);
    }
  }

  private static void level(DataSource ds, String metric, int cycle, int level, String dueAt) {
    JdbcTestSql.execute(ds, "insert into tk_sla_work (tenant_id, ticket_id, work_key, kind,"
        + " metric, cycle, level, due_at) values ('" + TENANT + "', '" + TICKET + "', 'L:"
        + metric + ":" + cycle + ":" + level + "', 'LEVEL', '" + metric + "', " + cycle + ", "
        + level + ", '" + dueAt + "')");
  }

  private static void done(DataSource ds, String metric, int cycle, int level, String dueAt) {
    JdbcTestSql.execute(ds, "insert into tk_sla_done (tenant_id, ticket_id, work_key, kind,"
        + " metric, cycle, level, due_at, done_at) values ('" + TENANT + "', '" + TICKET
        + "', 'L:" + metric + ":" + cycle + ":" + level + "', 'LEVEL', '" + metric + "', "
        + cycle + ", " + level + ", '" + dueAt + "', '" + dueAt + "')");
  }
}
