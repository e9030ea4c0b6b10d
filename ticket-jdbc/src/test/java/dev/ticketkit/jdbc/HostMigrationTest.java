package dev.ticketkit.jdbc;

import static dev.ticketkit.testkit.contract.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.testkit.contract.TicketFixtures;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A host with its own Flyway runs TicketKit's scripts as the README says: a second Flyway run
 * with TicketKit's location and history table, beside its own migrations, then a kit that does
 * not migrate.
 */
class HostMigrationTest {

  @Test
  void aHostsOwnFlywayRunsTheScriptsBesideItsOwnHistory() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    JdbcTestSql.execute(ds, "create table crm_flyway_history (id int)");

    Flyway.configure().dataSource(ds)
        .locations(DatabaseKind.H2.migrationLocation())
        .table(TicketKitSchema.HISTORY_TABLE)
        .baselineOnMigrate(true).baselineVersion("0")
        .load().migrate();
    JdbcTicketKit kit = JdbcTicketKit.builder().dataSource(ds).migrate(false).build();
    TenantId tenant = TenantId.of("host");
    Ticket t = kit.ticketStore().commit(TicketFixtures.opening(tenant, T0),
        dev.ticketkit.core.store.UnitOfWork.NONE).ticket();

    assertThat(kit.ticketStore().get(tenant, t.id())).contains(t);
    assertThat(TicketKitSchema.migrate(ds)).as("already up to date").isZero();
    assertThat(JdbcTestSql.count(ds, "select count(*) from crm_flyway_history")).isZero();
  }
}
