package dev.ticketkit.jdbc.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} whose next {@code COMMIT} can be made to fail as a lost connection does:
 * after the server committed (the acknowledgement is lost) or before it did; and which can refuse
 * new connections, as a database that went away does. The fault is taken by whatever carries the
 * next {@code COMMIT}: a {@code Connection.commit()}, or a statement whose SQL ends with
 * {@code ; COMMIT} (TicketKit's writes with the commit on PostgreSQL, see
 * {@link CountingDataSource#endsWithCommit}); {@link #lastFault()} tells which. Thread-safe: the
 * armed fault is taken by the first commit that sees it.
 */
public final class FaultyDataSource implements DataSource {

  /** What the next commit does. */
  public enum Fault {
    /** Nothing: commits normally. */
    NONE,
    /** Commits on the server, then throws as if the connection broke before the answer came. */
    COMMIT_THEN_FAIL,
    /** Rolls back, then throws as if the connection broke before the server committed. */
    FAIL_WITHOUT_COMMIT
  }

  /** Where an armed fault was taken. */
  public enum Point {
    /** No fault was taken yet. */
    NONE,
    /** {@code Connection.commit()}. */
    COMMIT_CALL,
    /** The execution of a statement whose SQL ends with {@code ; COMMIT}. */
    STATEMENT_WITH_COMMIT
  }

  private final DataSource target;
  private volatile Fault next = Fault.NONE;
  private volatile Point lastFault = Point.NONE;
  private volatile boolean refuseAfterFault;
  private volatile boolean refusing;

  private FaultyDataSource(DataSource target) {
    this.target = target;
  }

  /**
   * Wraps a data source.
   *
   * @param target the data source (usually a pool)
   * @return the wrapper
   */
  public static FaultyDataSource wrap(DataSource target) {
    return new FaultyDataSource(target);
  }

  /**
   * Arms a fault for the next commit.
   *
   * @param fault the fault
   * @param thenRefuseConnections whether every later {@code getConnection} fails until
   *     {@link #heal()}
   */
  public void failNextCommit(Fault fault, boolean thenRefuseConnections) {
    this.refuseAfterFault = thenRefuseConnections;
    this.next = fault;
  }

  /** @return where the last armed fault was taken */
  public Point lastFault() {
    return lastFault;
  }

  /** Disarms every fault and accepts connections again. */
  public void heal() {
    next = Fault.NONE;
    refusing = false;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (refusing) {
      throw new SQLException("Connection refused (test)", "08001");
    }
    return wrap(target.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  private Connection wrap(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("commit") && next != Fault.NONE) {
            Fault fault = take(Point.COMMIT_CALL);
            if (fault == Fault.COMMIT_THEN_FAIL) {
              connection.commit();
            } else {
              connection.rollback();
            }
            throw lost();
          }
          Object result = call(connection, method, args);
          if (result instanceof PreparedStatement prepared
              && CountingDataSource.endsWithCommit((String) args[0])) {
            return withCommit(prepared);
          }
          return result;
        });
  }

  /**
   * Wraps a statement that carries the {@code COMMIT}: an armed fault either keeps it from the
   * server or lets it run (the server commits) and then loses the answer.
   */
  private PreparedStatement withCommit(PreparedStatement statement) {
    return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
          if (method.getName().startsWith("execute") && next != Fault.NONE) {
            if (take(Point.STATEMENT_WITH_COMMIT) == Fault.COMMIT_THEN_FAIL) {
              call(statement, method, args);
            }
            throw lost();
          }
          return call(statement, method, args);
        });
  }

  private Fault take(Point where) {
    Fault fault = next;
    next = Fault.NONE;
    lastFault = where;
    refusing = refuseAfterFault;
    return fault;
  }

  private static SQLException lost() {
    return new SQLException("An I/O error occurred while sending to the backend (test)",
        "08006");
  }

  private static Object call(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return target.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || target.isWrapperFor(iface);
  }
}
