package dev.ticketkit.jdbc.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the database tests find their servers, and what happens when a server is not there.
 *
 * <p>The JDBC URL of each server comes from a system property (set by {@code .ci/run}, or by a
 * developer on the Maven command line) or, failing that, an environment variable:
 *
 * <ul>
 *   <li>PostgreSQL: {@code -Dticketkit.test.postgres.url=...} or {@code TICKETKIT_TEST_POSTGRES_URL}
 *   <li>MariaDB: {@code -Dticketkit.test.mariadb.url=...} or {@code TICKETKIT_TEST_MARIADB_URL}
 * </ul>
 *
 * <p>Without a URL, or when the server does not answer, a test <em>skips</em> with a message
 * naming the variable, so a fresh machine with only a JDK passes. When the environment variable
 * {@code CI} is {@code true} the same situation <em>fails</em> the test instead: CI must never
 * report green database tests that did not run.
 */
public final class TestDatabases {

  /** A database server that tests may run against. */
  public enum Server {
    /** PostgreSQL 15 or later. */
    POSTGRES("PostgreSQL", "ticketkit.test.postgres.url",
        "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
    /** MariaDB 10.11 or later. */
    MARIADB("MariaDB", "ticketkit.test.mariadb.url",
        "jdbc:mariadb://127.0.0.1:3306/test?user=root");

    private final String displayName;
    private final String property;
    private final String example;

    Server(String displayName, String property, String example) {
      this.displayName = displayName;
      this.property = property;
      this.example = example;
    }

    /** Returns the system property that holds this server's JDBC URL. */
    public String property() {
      return property;
    }

    /** Returns the environment variable that holds this server's JDBC URL. */
    public String environmentVariable() {
      return property.toUpperCase(Locale.ROOT).replace('.', '_');
    }
  }

  private TestDatabases() {}

  /** Returns whether this run is CI, where database tests must run. */
  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Returns the JDBC URL of a server that answered a connection, or ends the calling test: it
   * skips on a developer machine and fails in CI.
   *
   * @param server the server the test needs
   * @return a JDBC URL that was just connected to successfully
   */
  public static String requireUrl(Server server) {
    String url = configuredUrl(server);
    if (url == null) {
      return unavailable(server, server.displayName + " tests need a database: set -D"
          + server.property + "=" + server.example + " (or the environment variable "
          + server.environmentVariable() + ")");
    }
    try (Connection connection = DriverManager.getConnection(url)) {
      if (!connection.isValid(5)) {
        return unavailable(server, server.displayName + " at " + url + " is not valid");
      }
      return url;
    } catch (SQLException e) {
      return unavailable(server, server.displayName + " at " + url + " (from " + server.property
          + " / " + server.environmentVariable() + ") cannot be reached: " + e.getMessage());
    }
  }

  private static String configuredUrl(Server server) {
    String url = System.getProperty(server.property);
    if (url == null || url.isBlank()) {
      url = System.getenv(server.environmentVariable());
    }
    return url == null || url.isBlank() ? null : url.trim();
  }

  private static String unavailable(Server server, String message) {
    if (isCi()) {
      Assertions.fail("CI=true and " + message);
    }
    Assumptions.abort("Skipped: " + message);
    throw new AssertionError("unreachable");
  }
}
