package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.jdbc.testing.TestDataSources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migrations run on every supported database, once, and only TicketKit's tables appear. */
class TicketKitSchemaTest {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void migratesOnceAndIsIdempotent(DatabaseKind kind) throws SQLException {
    try (TestDataSources db = TestDataSources.create(kind)) {
      assertThat(DatabaseKind.of(db.dataSource())).isEqualTo(kind);
      assertThat(TicketKitSchema.migrate(db.dataSource())).isPositive();
      assertThat(TicketKitSchema.migrate(db.dataSource())).isZero();
      assertThat(hasTable(db.dataSource(), "tk_outbox")).isTrue();
    }
  }

  @Test
  void migratesBesideAHostsOwnTables() throws SQLException {
    try (TestDataSources db = TestDataSources.create(DatabaseKind.H2);
        Connection c = db.dataSource().getConnection()) {
      c.createStatement().execute("create table crm_customer (id int primary key)");
      assertThat(TicketKitSchema.migrate(db.dataSource())).isPositive();
      assertThat(hasTable(db.dataSource(), "crm_customer")).isTrue();
    }
  }

  @Test
  void unreachableDatabaseIsAStorageException() {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL("jdbc:h2:mem:x;IFEXISTS=TRUE");
    assertThatThrownBy(() -> TicketKitSchema.migrate(ds))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cannot connect");
  }

  private static boolean hasTable(DataSource ds, String table) throws SQLException {
    try (Connection c = ds.getConnection()) {
      for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, name, null)) {
          if (rs.next()) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
