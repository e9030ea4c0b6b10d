package dev.ticketkit.jdbc.internal;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Reads what kind of failure a database exception is, across H2, PostgreSQL and MariaDB.
 * Stateless and thread-safe.
 */
public final class SqlErrors {

  private static final int MARIADB_DUPLICATE_KEY = 1062;

  private SqlErrors() {}

  /**
   * Tells whether a failure is a unique-key or primary-key violation.
   *
   * @param failure the failure (its causes are searched too)
   * @return true if a unique constraint refused the write
   */
  public static boolean isUniqueViolation(Throwable failure) {
    SQLException e = sqlException(failure);
    return e != null && ("23505".equals(e.getSQLState())
        || e.getErrorCode() == MARIADB_DUPLICATE_KEY);
  }

  private static @Nullable SQLException sqlException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return s;
      }
    }
    return null;
  }
}
