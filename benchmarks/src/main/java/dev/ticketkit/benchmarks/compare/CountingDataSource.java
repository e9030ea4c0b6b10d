package dev.ticketkit.benchmarks.compare;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that counts, on the client side, what the code above it asks of the
 * database: statements, round trips and server transactions, with a log of each statement.
 *
 * <p>Counting rules (the JDBC calls that reach the server):
 *
 * <ul>
 *   <li>{@code execute}, {@code executeQuery}, {@code executeUpdate}, {@code executeLargeUpdate}:
 *       one statement and one round trip;
 *   <li>{@code executeBatch}, {@code executeLargeBatch}: one round trip and as many statements
 *       as were added to the batch;
 *   <li>{@code commit} and {@code rollback} with statements run since the transaction began, and
 *       {@code setAutoCommit(true)} in that situation (which commits): one round trip and one
 *       server transaction; without statements the drivers send nothing and they count as
 *       {@link Counts#emptyEnds() empty ends} only;
 *   <li>a statement run in auto-commit mode: also one server transaction;
 *   <li>an {@code execute*} inside a transaction whose SQL ends with {@code ; COMMIT} (several
 *       queries, which pgjdbc sends in one round trip: TicketKit's writes with the commit on
 *       PostgreSQL): one statement, one round trip and the end of the server transaction, which
 *       counts then; the {@code commit} that follows has nothing left to end (pgjdbc sends nothing
 *       when the server reported no open transaction) and counts as an empty end;
 *   <li>{@code setSchema} and {@code setTransactionIsolation}: counted as a statement, since
 *       the drivers send SQL for them ({@code SET search_path}, {@code SET SESSION ...}).
 * </ul>
 *
 * <p>{@code BEGIN} is not counted: the PostgreSQL and MariaDB drivers send it with the first
 * statement of a transaction. Fetching more rows of a large result is not counted (the
 * statements measured here read one or a few rows). Wrap the pool, not the driver's data source,
 * so that the pool's own housekeeping is not counted.
 *
 * <p>This is a copy of {@code ticket-jdbc}'s test class {@code dev.ticketkit.jdbc.testing
 * .CountingDataSource}, whose {@code CommitRoundTripTest} checks the counting rules: the
 * benchmarks cannot depend on a test jar. Keep the two in step.
 *
 * <p>Thread-safe: counters are atomic; each connection's state is used by one thread at a time,
 * as JDBC connections are.
 */
public final class CountingDataSource implements DataSource {

  private static final Set<String> EXECUTE =
      Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
  private static final Set<String> BATCH = Set.of("executeBatch", "executeLargeBatch");
  private static final Set<String> PREPARE = Set.of("prepareStatement", "prepareCall");

  private final DataSource target;
  private final AtomicLong statements = new AtomicLong();
  private final AtomicLong roundTrips = new AtomicLong();
  private final AtomicLong transactions = new AtomicLong();
  private final AtomicLong emptyEnds = new AtomicLong();
  private final List<String> log = new ArrayList<>();
  private volatile boolean logging;

  private CountingDataSource(DataSource target) {
    this.target = target;
  }

  /**
   * Wraps a data source.
   *
   * @param target the data source to count (usually a pool)
   * @return the counting data source
   */
  public static CountingDataSource wrap(DataSource target) {
    return new CountingDataSource(target);
  }

  /** Counts at one moment; subtract two to get what happened in between. */
  public record Counts(long statements, long roundTrips, long transactions, long emptyEnds) {

    /**
     * Returns this minus an earlier snapshot.
     *
     * @param earlier the earlier snapshot
     * @return the difference
     */
    public Counts minus(Counts earlier) {
      return new Counts(statements - earlier.statements, roundTrips - earlier.roundTrips,
          transactions - earlier.transactions, emptyEnds - earlier.emptyEnds);
    }
  }

  /** Returns the counts so far. */
  public Counts counts() {
    return new Counts(statements.get(), roundTrips.get(), transactions.get(), emptyEnds.get());
  }

  /**
   * Starts (or restarts) the statement log: from now on each counted call adds a line.
   */
  public void startLog() {
    synchronized (log) {
      log.clear();
    }
    logging = true;
  }

  /** Stops the statement log and returns its lines in order. */
  public List<String> stopLog() {
    logging = false;
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  private void record(String line) {
    if (logging) {
      synchronized (log) {
        log.add(line);
      }
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return counting(target.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return counting(target.getConnection(user, password));
  }

  private Connection counting(Connection real) throws SQLException {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new ConnectionHandler(real, real.getAutoCommit()));
  }

  /** The state of one borrowed connection. */
  private final class ConnectionHandler implements InvocationHandler {
    private final Connection real;
    private boolean autoCommit;
    private int pending;

    ConnectionHandler(Connection real, boolean autoCommit) {
      this.real = real;
      this.autoCommit = autoCommit;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      switch (name) {
        case "commit", "rollback" -> endTransaction(name);
        case "setAutoCommit" -> {
          boolean on = (Boolean) args[0];
          if (on && !autoCommit) {
            endTransaction("commit (setAutoCommit)");
          }
          autoCommit = on;
        }
        case "setSchema", "setTransactionIsolation" -> executed(1, name + "(" + args[0] + ")");
        default -> { }
      }
      Object result = call(real, method, args);
      if (result instanceof Statement statement) {
        String sql = PREPARE.contains(name) ? (String) args[0] : null;
        return Proxy.newProxyInstance(Statement.class.getClassLoader(),
            interfacesOf(statement), new StatementHandler(this, statement, sql));
      }
      return result;
    }

    private void endTransaction(String what) {
      if (pending == 0) {
        emptyEnds.incrementAndGet();
        return;
      }
      pending = 0;
      roundTrips.incrementAndGet();
      transactions.incrementAndGet();
      record("tx       " + what);
    }

    void executed(int count, String sql) {
      statements.addAndGet(count);
      roundTrips.incrementAndGet();
      if (autoCommit) {
        transactions.incrementAndGet();
      } else if (count == 1 && endsWithCommit(sql)) {
        pending = 0;
        transactions.incrementAndGet();
      } else {
        pending += count;
      }
      if (logging) {
        // Built only when logging: the regex over a long statement's text cost the workers
        // measurable client CPU on every execution.
        record((autoCommit ? "autocmt  " : "in tx    ")
            + (count > 1 ? "batch of " + count + ": " : "") + oneLine(sql));
      }
    }
  }

  /** Counts executions of one statement. */
  private static final class StatementHandler implements InvocationHandler {
    private final ConnectionHandler connection;
    private final Statement real;
    private final String preparedSql;
    private int batched;
    private String lastBatchSql;

    StatementHandler(ConnectionHandler connection, Statement real, String preparedSql) {
      this.connection = connection;
      this.real = real;
      this.preparedSql = preparedSql;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (EXECUTE.contains(name)) {
        connection.executed(1, args != null && args.length > 0 && args[0] instanceof String s
            ? s : preparedSql);
      } else if (BATCH.contains(name) && batched > 0) {
        connection.executed(batched, preparedSql != null ? preparedSql : lastBatchSql);
        batched = 0;
      } else if (name.equals("addBatch")) {
        batched++;
        if (args != null && args.length > 0 && args[0] instanceof String s) {
          lastBatchSql = s;
        }
      } else if (name.equals("clearBatch")) {
        batched = 0;
      }
      return call(real, method, args);
    }
  }

  /**
   * Tells whether SQL ends with a {@code COMMIT} query after a {@code ;} (case and blanks
   * ignored, a final {@code ;} allowed): the statement then ends its transaction on the server.
   *
   * @param sql the SQL text, or null
   * @return true if its last query is {@code COMMIT}
   */
  public static boolean endsWithCommit(String sql) {
    if (sql == null) {
      return false;
    }
    int end = sql.length();
    while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1))
        || sql.charAt(end - 1) == ';')) {
      end--;
    }
    int start = end - "commit".length();
    if (start < 0 || !sql.regionMatches(true, start, "commit", 0, "commit".length())) {
      return false;
    }
    int before = start - 1;
    while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
      before--;
    }
    return before >= 0 && sql.charAt(before) == ';';
  }

  private static Class<?>[] interfacesOf(Statement statement) {
    if (statement instanceof java.sql.CallableStatement) {
      return new Class<?>[] {java.sql.CallableStatement.class};
    }
    if (statement instanceof java.sql.PreparedStatement) {
      return new Class<?>[] {java.sql.PreparedStatement.class};
    }
    return new Class<?>[] {Statement.class};
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static String oneLine(String sql) {
    if (sql == null) {
      return "?";
    }
    String s = sql.replaceAll("\\s+", " ").trim();
    return s.length() > 160 ? s.substring(0, 157) + "..." : s;
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
    throw new SQLException("a counting data source does not unwrap: its connections would escape"
        + " the count");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
