package dev.ticketkit.benchmarks.jdbc;

import dev.ticketkit.jdbc.TicketKitSchema;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A fresh PostgreSQL schema with TicketKit's tables, reached through one open connection that
 * both the jOOQ store and the raw-JDBC loop borrow (so neither pays for connecting).
 *
 * <p>The server comes from {@code -Dticketkit.bench.postgres.url} (default: the local test
 * server). Not thread-safe: the benchmarks run single-threaded.
 */
final class BenchDatabase implements AutoCloseable {

  static final String URL = System.getProperty("ticketkit.bench.postgres.url",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private final String schema;
  private final Connection connection;
  private final DataSource dataSource;

  BenchDatabase(String schema) throws SQLException {
    this.schema = schema;
    try (Connection admin = DriverManager.getConnection(URL); Statement s = admin.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
      s.execute("create schema " + schema);
    }
    connection = DriverManager.getConnection(URL + "&currentSchema=" + schema);
    dataSource = borrowing(connection);
    TicketKitSchema.migrate(dataSource);
  }

  DataSource dataSource() {
    return dataSource;
  }

  Connection connection() {
    return connection;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
    try (Connection admin = DriverManager.getConnection(URL); Statement s = admin.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
    }
  }

  /** A data source that hands out the one connection, whose close() does nothing. */
  private static DataSource borrowing(Connection real) {
    Connection shared = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          try {
            return method.invoke(real, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    return new DataSource() {
      @Override
      public Connection getConnection() {
        return shared;
      }

      @Override
      public Connection getConnection(String user, String password) {
        return shared;
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }
}
