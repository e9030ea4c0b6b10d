package dev.ticketkit.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The database products TicketKit stores its data in.
 *
 * <p>Each kind has its own migration scripts (on the classpath under
 * {@code dev/ticketkit/jdbc/migration/<folder>}) because the products differ in types and
 * syntax (jsonb on PostgreSQL, JSON text on H2 and MariaDB).
 */
public enum DatabaseKind {
  /** H2 2.x, the embedded default (file or in-memory URL). */
  H2("h2"),
  /** PostgreSQL 15 or later. */
  POSTGRESQL("postgresql"),
  /** MariaDB 10.11 or later. */
  MARIADB("mariadb");

  private final String folder;

  DatabaseKind(String folder) {
    this.folder = folder;
  }

  /**
   * Returns the classpath location of this kind's Flyway migrations, in the form Flyway's
   * {@code locations} setting takes.
   *
   * @return for example {@code classpath:dev/ticketkit/jdbc/migration/postgresql}
   */
  public String migrationLocation() {
    return "classpath:dev/ticketkit/jdbc/migration/" + folder;
  }

  /**
   * Finds the kind of the database behind a data source by asking its metadata.
   *
   * @param dataSource the data source
   * @return the kind of database
   * @throws StorageException if the database cannot be reached or is not a supported product
   */
  public static DatabaseKind of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return fromProductName(connection.getMetaData());
    } catch (SQLException e) {
      throw new StorageException("cannot connect to find the database product", e);
    }
  }

  private static DatabaseKind fromProductName(DatabaseMetaData metaData) throws SQLException {
    String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("h2")) {
      return H2;
    }
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    if (product.contains("mariadb")
        || (product.contains("mysql")
            && metaData.getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb"))) {
      return MARIADB;
    }
    throw new StorageException("unsupported database product: " + metaData.getDatabaseProductName()
        + " " + metaData.getDatabaseProductVersion() + " (supported: H2, PostgreSQL, MariaDB)");
  }
}
