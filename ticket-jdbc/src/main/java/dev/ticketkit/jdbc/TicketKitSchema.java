package dev.ticketkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades TicketKit's tables with Flyway.
 *
 * <p>All tables carry the prefix {@code tk_} so they can sit beside a host's own tables, and
 * Flyway records TicketKit's migrations in its own history table, {@value #HISTORY_TABLE}, so a
 * host that runs Flyway for its own schema keeps the two histories apart.
 *
 * <p>The scripts are plain SQL, one folder per product ({@link DatabaseKind#migrationLocation()}:
 * {@code dev/ticketkit/jdbc/migration/h2}, {@code .../postgresql}, {@code .../mariadb}), named
 * {@code V1__tickets.sql}, {@code V2__knowledge_base.sql}, {@code V3__sla.sql}... A host that runs
 * its own Flyway adds a second Flyway run with that location and the history table
 * {@value #HISTORY_TABLE} (so TicketKit's versions never mix with its own); a host on Liquibase
 * runs the same files in version order as {@code sqlFile} changes. Either way the host then builds
 * the kit with {@code JdbcTicketKit.builder().migrate(false)}.
 *
 * <p>This class is stateless and thread-safe; running {@link #migrate(DataSource)} concurrently
 * from several nodes is safe because Flyway locks its history table.
 */
public final class TicketKitSchema {

  /** The Flyway history table that records TicketKit's migrations. */
  public static final String HISTORY_TABLE = "tk_schema_history";

  private TicketKitSchema() {}

  /** The tables that carry row-level security policies on PostgreSQL (migration V10). */
  private static final List<String> TENANT_TABLES = List.of("tk_ticket", "tk_ticket_tag",
      "tk_ticket_link", "tk_ticket_history", "tk_ticket_conversation", "tk_ticket_number");

  /**
   * Turns on PostgreSQL's row-level security on the ticket tables, as defence in depth: their
   * policies (migration V10) then show and accept only rows of the tenant named by the setting
   * {@code ticketkit.tenant}, for every role including the tables' owner (superusers and roles
   * with {@code BYPASSRLS} are never subject to it). Build every kit on this database with
   * {@code JdbcTicketKit.builder().rowLevelSecurity(true)}; a kit without it then sees no
   * tickets. Other tables (SLA, knowledge base, outbox) are read across tenants by their
   * schedulers and have no policies. Idempotent.
   *
   * @param dataSource a data source whose role owns the tables
   * @throws StorageException if the database is not PostgreSQL or the statements fail
   */
  public static void enableRowLevelSecurity(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    DatabaseKind kind = DatabaseKind.of(dataSource);
    if (kind != DatabaseKind.POSTGRESQL) {
      throw new StorageException("row-level security needs PostgreSQL, not " + kind);
    }
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      for (String table : TENANT_TABLES) {
        st.execute("alter table " + table + " enable row level security");
        st.execute("alter table " + table + " force row level security");
      }
    } catch (SQLException e) {
      throw new StorageException("cannot enable row-level security on " + kind, e);
    }
  }

  /**
   * Brings the database behind a data source up to the newest TicketKit schema.
   *
   * @param dataSource the host's data source; its default schema receives the tables
   * @return the number of migrations applied by this call (0 when already up to date)
   * @throws StorageException if the database cannot be reached or a migration fails
   */
  public static int migrate(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    DatabaseKind kind = DatabaseKind.of(dataSource);
    try {
      MigrateResult result = Flyway.configure(TicketKitSchema.class.getClassLoader())
          .dataSource(dataSource)
          .locations(kind.migrationLocation())
          .table(HISTORY_TABLE)
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      throw new StorageException("cannot migrate the TicketKit schema on " + kind, e);
    }
  }
}
