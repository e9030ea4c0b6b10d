package dev.ticketkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Plain JDBC for tests that look at tables directly. */
final class JdbcTestSql {

  private JdbcTestSql() {}

  /** Runs a {@code select count(*)} with parameters. */
  static long count(DataSource ds, String sql, Object... params) {
    try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Runs a statement. */
  static void execute(DataSource ds, String sql) {
    try (Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
      s.execute(sql);
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
