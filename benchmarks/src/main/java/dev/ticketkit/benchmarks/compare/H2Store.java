package dev.ticketkit.benchmarks.compare;

import dev.ticketkit.jdbc.DatabaseKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * H2 embedded in the harness's JVM ({@code --stores=h2} or {@code h2mem}): TicketKit's default
 * database, as a file database (one directory per run under {@code
 * -Dticketkit.bench.h2.dir}, default the temporary directory) or a named in-memory database
 * ({@code DB_CLOSE_DELAY=-1}, kept until dropped). H2 runs in the worker threads, so its work
 * is part of the client CPU; it keeps no transaction counter the harness could read, and has no
 * server process. Not thread-safe: the harness's main thread uses it.
 */
final class H2Store implements Store {

  private static final List<String> SETTINGS =
      List.of("info.VERSION", "MV_STORE", "WRITE_DELAY", "RETENTION_TIME", "MODE");

  private final boolean inMemory;
  private final Path directory;

  private H2Store(boolean inMemory, Path directory) {
    this.inMemory = inMemory;
    this.directory = directory;
  }

  /** Returns the file database store, in a fresh directory. */
  static H2Store file() throws IOException {
    Path parent = Path.of(System.getProperty("ticketkit.bench.h2.dir",
        System.getProperty("java.io.tmpdir")));
    return new H2Store(false, Files.createTempDirectory(parent, "tk17-h2-"));
  }

  /** Returns the in-memory store. */
  static H2Store inMemory() {
    return new H2Store(true, null);
  }

  @Override
  public String name() {
    return inMemory ? "h2mem" : "h2";
  }

  /** Returns the directory of the file databases (null in memory). */
  Path directory() {
    return directory;
  }

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.H2;
  }

  /**
   * Describes H2 from a scratch database of the same kind: version and the settings that decide
   * when a commit reaches the disk ({@code WRITE_DELAY}: the file store writes committed changes
   * within that many milliseconds, without an fsync per commit).
   */
  @Override
  public String describe() throws SQLException {
    String scratch = "tk17_h2_settings";
    StringJoiner line = new StringJoiner(", ", "H2 " + (inMemory ? "in-memory" : "file database in "
        + directory) + ", ", ", embedded (in the client's threads)");
    try (Connection c = DriverManager.getConnection(urlOf(scratch, null));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select setting_name, setting_value from"
            + " information_schema.settings where setting_name in ('"
            + String.join("','", SETTINGS) + "') order by setting_name")) {
      while (rs.next()) {
        line.add(rs.getString(1) + " " + rs.getString(2));
      }
    } finally {
      dropDatabase(scratch);
    }
    return line.toString();
  }

  @Override
  public void recreateDatabase(String database, String schema) throws SQLException {
    dropDatabase(database);
  }

  /** Shuts the database down (if open) and, for a file database, deletes its files. */
  @Override
  public void dropDatabase(String database) throws SQLException {
    try (Connection c = DriverManager.getConnection(urlOf(database, null) + ";IFEXISTS=TRUE");
        Statement s = c.createStatement()) {
      s.execute("shutdown");
    } catch (SQLException e) {
      if (e.getErrorCode() != org.h2.api.ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
        throw e;
      }
    }
    if (!inMemory) {
      deleteFiles(database);
    }
  }

  private void deleteFiles(String database) {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith(database + "."))
          .sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public DataSource direct(String database, String schema) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(urlOf(database, schema));
    return ds;
  }

  @Override
  public String urlOf(String database, String schema) {
    return inMemory ? "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1"
        : "jdbc:h2:file:" + directory.resolve(database);
  }

  @Override
  public void analyze(String database, DataSource pool) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("analyze");
    }
  }

  /** Deletes the run's directory if it is empty (databases kept with --keep stay). */
  @Override
  public void close() {
    if (!inMemory) {
      try {
        Files.deleteIfExists(directory);
      } catch (IOException e) {
        // not empty: databases kept on purpose
      }
    }
  }
}
