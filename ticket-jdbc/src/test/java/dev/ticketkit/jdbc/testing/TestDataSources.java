package dev.ticketkit.jdbc.testing;

import dev.ticketkit.jdbc.DatabaseKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Makes a fresh, empty database for one test class on H2, PostgreSQL or MariaDB, and drops it
 * afterwards, so test classes (and concurrent builds) never see each other's rows.
 *
 * <p>H2 gets a new named in-memory database; PostgreSQL a new schema in the configured database;
 * MariaDB a new database on the configured server. PostgreSQL and MariaDB go through
 * {@link TestDatabases#requireUrl}, so they skip (or fail in CI) when not configured.
 */
public final class TestDataSources implements AutoCloseable {

  private static final Pattern MARIADB_URL = Pattern.compile("^(jdbc:mariadb://[^/]+/)([^?]*)(.*)$");

  private final DatabaseKind kind;
  private final DataSource dataSource;
  private final String adminUrl;
  private final String name;

  private TestDataSources(DatabaseKind kind, DataSource dataSource, String adminUrl, String name) {
    this.kind = kind;
    this.dataSource = dataSource;
    this.adminUrl = adminUrl;
    this.name = name;
  }

  /**
   * Creates a fresh database of a kind.
   *
   * @param kind the product
   * @return the isolated database; close it to drop it
   */
  public static TestDataSources create(DatabaseKind kind) {
    String name = "tk_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return switch (kind) {
      case H2 -> h2(name);
      case POSTGRESQL -> postgres(name);
      case MARIADB -> mariadb(name);
    };
  }

  /** Returns the product of this database. */
  public DatabaseKind kind() {
    return kind;
  }

  /** Returns a data source connected to the isolated database. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Returns the schema (PostgreSQL), database (MariaDB, H2) name of this isolated database. */
  public String name() {
    return name;
  }

  private static TestDataSources h2(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return new TestDataSources(DatabaseKind.H2, ds, ds.getURL(), name);
  }

  private static TestDataSources postgres(String name) {
    String url = TestDatabases.requireUrl(TestDatabases.Server.POSTGRES);
    execute(url, "create schema " + name);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setCurrentSchema(name);
    // the schema's name as the application name, so a test can find its own backends
    ds.setApplicationName(name);
    return new TestDataSources(DatabaseKind.POSTGRESQL, ds, url, name);
  }

  private static TestDataSources mariadb(String name) {
    String url = TestDatabases.requireUrl(TestDatabases.Server.MARIADB);
    Matcher m = MARIADB_URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("expected jdbc:mariadb://host:port/db?...: " + url);
    }
    execute(url, "create database " + name + " character set utf8mb4 collate utf8mb4_bin");
    try {
      MariaDbDataSource ds = new MariaDbDataSource(m.group(1) + name + m.group(3));
      return new TestDataSources(DatabaseKind.MARIADB, ds, url, name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    switch (kind) {
      case H2 -> execute(adminUrl, "shutdown");
      case POSTGRESQL -> execute(adminUrl, "drop schema if exists " + name + " cascade");
      case MARIADB -> execute(adminUrl, "drop database if exists " + name);
      default -> throw new IllegalStateException(kind.toString().toLowerCase(Locale.ROOT));
    }
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run \"" + sql + "\" on " + url, e);
    }
  }
}
