package dev.ticketkit.jdbc.internal;

import dev.ticketkit.jdbc.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Runs the ticket store's hot statements (one commit writes five to ten of them) with SQL that
 * jOOQ renders once per statement shape and JDBC executes, binding values directly.
 *
 * <p>A shape is a table, its columns in order and, for multi-row inserts, the row count; the
 * jOOQ DSL builds each shape's statement once, with typed parameters, in the database's dialect,
 * and the SQL is cached. Executing then costs what a hand-written JDBC statement costs, where
 * building and rendering the same statement with jOOQ on every call cost about as much client
 * time as the database round trip (see docs/benchmarks.md). Values are bound by type: text,
 * numbers, {@link UUID} (as text on MariaDB, which keeps ids in {@code char(36)}), {@link Instant}
 * (as a UTC {@code LocalDateTime}, to the microsecond) and {@link Json} (JSON text, cast to
 * {@code jsonb} on PostgreSQL by the rendered SQL). Thread-safe.
 */
public final class ShapedSql {

  /** A JSON column's value: the text, bound as a string; the rendered SQL casts it if needed. */
  public record Json(String text) {}

  private final DatabaseKind kind;
  private final DSLContext renderer;
  private final ConcurrentMap<Object, String> cache = new ConcurrentHashMap<>();
  /** Shapes whose placeholders' columns are fixed too (see {@link #fixed}). */
  private final ConcurrentMap<Object, Fixed> fixed = new ConcurrentHashMap<>();

  /** A rendered shape with the column of each of its placeholders. */
  private record Fixed(String sql, List<Field<?>> columns) {}

  /**
   * Creates the runner.
   *
   * @param kind the database product
   * @param renderer a context (without a connection) with TicketKit's dialect and settings
   */
  public ShapedSql(DatabaseKind kind, DSLContext renderer) {
    this.kind = kind;
    this.renderer = renderer;
  }

  /** Returns the database product the statements are rendered for. */
  public DatabaseKind kind() {
    return kind;
  }

  /**
   * Inserts rows that have the same columns (in the same order) with one statement.
   *
   * @param c the transaction's connection
   * @param table the table
   * @param rows the values by column; nothing happens when empty
   * @return the number of rows inserted
   * @throws SQLException if the database refuses
   */
  public int insert(Connection c, Table<Record> table, List<Map<Field<?>, Object>> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    List<Field<?>> columns = new ArrayList<>(rows.get(0).keySet());
    String sql = cache.computeIfAbsent(List.of("insert", table, columns, rows.size()),
        k -> render(() -> insertQuery(table, columns, rows.size())));
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      for (Map<Field<?>, Object> row : rows) {
        for (Field<?> column : columns) {
          bind(s, i++, column, row.get(column));
        }
      }
      return s.executeUpdate();
    }
  }

  /**
   * One statement of a write, rendered and ready to bind: see {@link #executeAll}.
   *
   * @param sql the SQL with {@code ?} placeholders
   * @param columns the column of each placeholder, in order (for binding by type)
   * @param values the placeholders' values, in order
   */
  public record Statement(String sql, List<Field<?>> columns, List<@Nullable Object> values) {}

  /**
   * Returns the statement that inserts rows of the same columns.
   *
   * @param table the table
   * @param rows the values by column, at least one row
   * @return the statement
   */
  public Statement insertStatement(Table<Record> table, List<Map<Field<?>, Object>> rows) {
    List<Field<?>> columns = new ArrayList<>(rows.get(0).keySet());
    String sql = cache.computeIfAbsent(List.of("insert", table, columns, rows.size()),
        k -> render(() -> insertQuery(table, columns, rows.size())));
    List<Field<?>> bound = new ArrayList<>();
    List<@Nullable Object> values = new ArrayList<>();
    for (Map<Field<?>, Object> row : rows) {
      for (Field<?> column : columns) {
        bound.add(column);
        values.add(row.get(column));
      }
    }
    return new Statement(sql, bound, values);
  }

  /**
   * Returns the statement that inserts rows of the same columns, or, where a row of the same key
   * exists, sets its other columns to the new values.
   *
   * @param table the table
   * @param rows the values by column, at least one row, no two with the same key
   * @param key the columns of the table's primary key
   * @return the statement
   */
  public Statement upsertStatement(Table<Record> table, List<Map<Field<?>, Object>> rows,
      List<Field<?>> key) {
    List<Field<?>> columns = new ArrayList<>(rows.get(0).keySet());
    String sql = cache.computeIfAbsent(List.of("upsert", table, columns, key, rows.size()),
        k -> render(() -> upsertQuery(table, columns, rows.size(), key)));
    List<Field<?>> bound = new ArrayList<>();
    List<@Nullable Object> values = new ArrayList<>();
    for (Map<Field<?>, Object> row : rows) {
      for (Field<?> column : columns) {
        bound.add(column);
        values.add(row.get(column));
      }
    }
    return new Statement(sql, bound, values);
  }

  /**
   * Returns the query that inserts rows of the same columns, or, where a row of the same key
   * exists, sets its other columns to the new values: {@link #upsertStatement}'s, for
   * {@link #fixed}.
   *
   * @param table the table
   * @param columns the columns of each row, in order
   * @param rows the number of rows, at least one
   * @param key the columns of the table's primary key
   * @return the query, with {@link #param(Field)} placeholders row by row
   */
  public Query upsertQuery(Table<Record> table, List<Field<?>> columns, int rows,
      List<Field<?>> key) {
    Map<Field<?>, Object> others = new LinkedHashMap<>();
    for (Field<?> c : columns) {
      if (!key.contains(c)) {
        others.put(c, DSL.excluded(c));
      }
    }
    return insertQuery(table, columns, rows).onConflict(key).doUpdate().set(others);
  }

  /**
   * Returns a statement of a fixed shape whose placeholders' columns are fixed by the shape
   * too: the SQL and the column list are built once under the key, so a call costs the values
   * it passes and a lookup under a key that is cheap to hash (strings and numbers, not jOOQ
   * objects, whose hash codes hash their names on every call).
   *
   * @param key the shape's key, unique to the statement and its columns
   * @param statement builds the statement with {@link #param(Field)} placeholders
   * @param columns builds the column of each placeholder, in order
   * @param values the placeholders' values, in order; the statement keeps the list as it is
   * @return the statement
   */
  public Statement fixed(Object key, Supplier<Query> statement,
      Supplier<List<Field<?>>> columns, List<@Nullable Object> values) {
    Fixed shape = fixed.computeIfAbsent(key,
        k -> new Fixed(render(statement), List.copyOf(columns.get())));
    if (shape.columns().size() != values.size()) {
      throw new IllegalArgumentException("shape " + key + " has " + shape.columns().size()
          + " placeholders, not " + values.size());
    }
    return new Statement(shape.sql(), shape.columns(), values);
  }

  /**
   * Returns the query that sets columns of the row with the given key: {@link #updateStatement}'s,
   * for {@link #fixed}.
   *
   * @param table the table
   * @param columns the columns set, in order (their placeholders come first)
   * @param key the key columns (their placeholders follow, in order)
   * @return the query
   */
  public Query updateQuery(Table<Record> table, List<Field<?>> columns, List<Field<?>> key) {
    return renderer.update(table).set(params(columns)).where(DSL.and(
        key.stream().map(ShapedSql::keyEquals).toList()));
  }

  /**
   * Returns the statement that sets columns of the row with the given key.
   *
   * @param table the table
   * @param values the new values by column
   * @param key the key columns
   * @param keyValues the key's values
   * @return the statement
   */
  public Statement updateStatement(Table<Record> table, Map<Field<?>, Object> values,
      List<Field<?>> key, List<?> keyValues) {
    List<Field<?>> columns = new ArrayList<>(values.keySet());
    String sql = cache.computeIfAbsent(List.of("update", table, columns, key),
        k -> render(() -> updateQuery(table, columns, key)));
    List<Field<?>> bound = new ArrayList<>(columns);
    bound.addAll(key);
    List<@Nullable Object> all = new ArrayList<>();
    columns.forEach(c -> all.add(values.get(c)));
    all.addAll(keyValues);
    return new Statement(sql, bound, all);
  }

  /**
   * Returns a statement of a fixed shape, rendered once under a key.
   *
   * @param key the shape's key
   * @param statement builds it with {@link #param(Field)} placeholders
   * @param columns the placeholders' columns
   * @param values their values
   * @return the statement
   */
  public Statement statement(Object key, Supplier<Query> statement, List<Field<?>> columns,
      List<?> values) {
    return new Statement(cache.computeIfAbsent(key, k -> render(statement)), columns,
        new ArrayList<>(values));
  }

  /**
   * Executes the statements of one write in as few round trips as the database allows: on
   * PostgreSQL as ONE statement whose parts are data-modifying {@code WITH} queries (they run on
   * the same snapshot, so they must not depend on each other's effects); elsewhere one by one.
   *
   * @param c the transaction's connection
   * @param statements the statements
   * @throws SQLException if the database refuses
   */
  public void executeAll(Connection c, List<Statement> statements) throws SQLException {
    if (statements.isEmpty()) {
      return;
    }
    if (kind != DatabaseKind.POSTGRESQL || statements.size() == 1) {
      for (Statement st : statements) {
        run(c, st);
      }
      return;
    }
    try (PreparedStatement s = prepared(c, together(statements))) {
      s.executeQuery().close();
    }
  }

  /**
   * Executes the statements of one write as {@link #executeAll} does on PostgreSQL and ends the
   * transaction with them: ONE prepared statement of two queries, {@code <writes>; commit}.
   * pgjdbc sends a statement of several queries as one round trip (each query's Parse, Bind and
   * Execute, then one Sync); the server runs the {@code COMMIT} only if the writes succeeded (an
   * error skips the rest up to the Sync) and answers with ReadyForQuery, from whose status the
   * driver learns that no transaction is open, so a later {@code Connection.commit()} sends
   * nothing.
   *
   * <p>When this throws, the transaction may have committed (the answer to the {@code COMMIT}
   * was lost) unless the failure is the server's refusal of a write: the caller resolves it.
   *
   * @param c the transaction's connection (PostgreSQL, auto-commit off)
   * @param statements the statements, at least one
   * @throws SQLException if the database refuses or the connection fails
   * @throws IllegalStateException if the database is not PostgreSQL
   */
  public void executeAllAndCommit(Connection c, List<Statement> statements) throws SQLException {
    if (kind != DatabaseKind.POSTGRESQL) {
      throw new IllegalStateException("the commit is sent with the writes on PostgreSQL only");
    }
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("no writes to send the commit with");
    }
    Statement writes = statements.size() == 1 ? statements.get(0) : together(statements);
    Statement all = new Statement(composed("commit", List.of(writes),
        () -> writes.sql() + "; commit"), writes.columns(), writes.values());
    try (PreparedStatement s = prepared(c, all)) {
      s.execute();
    }
  }

  /** Returns ONE statement of data-modifying {@code WITH} queries doing the given writes. */
  private Statement together(List<Statement> statements) {
    int placeholders = 0;
    for (Statement st : statements) {
      placeholders += st.values().size();
    }
    List<Field<?>> columns = new ArrayList<>(placeholders);
    List<@Nullable Object> values = new ArrayList<>(placeholders);
    for (Statement st : statements) {
      columns.addAll(st.columns());
      values.addAll(st.values());
    }
    String sql = composed("with", statements, () -> {
      StringBuilder text = new StringBuilder("with ");
      for (int i = 0; i < statements.size(); i++) {
        text.append(i == 0 ? "" : ", ").append("w").append(i).append(" as (")
            .append(statements.get(i).sql()).append(')');
      }
      return text.append(" select 1").toString();
    });
    return new Statement(sql, columns, values);
  }

  /** Prepares a statement and binds its values; the caller executes and closes it. */
  private PreparedStatement prepared(Connection c, Statement st) throws SQLException {
    PreparedStatement s = c.prepareStatement(st.sql());
    try {
      for (int i = 0; i < st.columns().size(); i++) {
        bind(s, i + 1, st.columns().get(i), st.values().get(i));
      }
      return s;
    } catch (SQLException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /**
   * Returns the text of statements sent as one, composed once per list of shapes: the parts'
   * texts are this cache's own (so hashing the key reuses their cached hashes), and the driver
   * gets the same string again, instead of a new one of up to several kilobytes per call that it
   * would hash and compare to find its prepared statement.
   */
  private String composed(String how, List<Statement> parts, Supplier<String> text) {
    List<Object> key = new ArrayList<>(parts.size() + 1);
    key.add(how);
    parts.forEach(p -> key.add(p.sql()));
    return cache.computeIfAbsent(key, k -> text.get());
  }

  private int run(Connection c, Statement st) throws SQLException {
    try (PreparedStatement s = prepared(c, st)) {
      return s.executeUpdate();
    }
  }

  private InsertSetMoreStep<Record> insertQuery(Table<Record> table, List<Field<?>> columns,
      int rows) {
    InsertSetMoreStep<Record> step = null;
    for (int r = 0; r < rows; r++) {
      Map<Field<?>, Object> params = params(columns);
      step = step == null ? renderer.insertInto(table).set(params)
          : step.newRecord().set(params);
    }
    return step;
  }

  /**
   * Updates the columns of the row whose key columns have the given values.
   *
   * @param c the transaction's connection
   * @param table the table
   * @param values the new values by column
   * @param key the key columns
   * @param keyValues the key's values, in the order of its columns
   * @return the number of rows updated
   * @throws SQLException if the database refuses
   */
  public int update(Connection c, Table<Record> table, Map<Field<?>, Object> values,
      List<Field<?>> key, List<?> keyValues) throws SQLException {
    List<Field<?>> columns = new ArrayList<>(values.keySet());
    String sql = cache.computeIfAbsent(List.of("update", table, columns, key),
        k -> render(() -> renderer.update(table).set(params(columns)).where(DSL.and(
            key.stream().map(ShapedSql::keyEquals).toList()))));
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      for (Field<?> column : columns) {
        bind(s, i++, column, values.get(column));
      }
      for (int k = 0; k < key.size(); k++) {
        bind(s, i++, key.get(k), keyValues.get(k));
      }
      return s.executeUpdate();
    }
  }

  /**
   * Runs a query of a fixed shape, rendered once under the given key.
   *
   * @param c the connection
   * @param key the shape's key, unique to the query
   * @param query builds the query with {@link #param(Field)} placeholders
   * @param columns the columns of the placeholders, in order
   * @param values the placeholders' values, in order
   * @param reader reads the result
   * @param <T> the result type
   * @return what the reader returned
   * @throws SQLException if the database refuses
   */
  public <T> T query(Connection c, String key, Supplier<Query> query, List<Field<?>> columns,
      List<?> values, ResultReader<T> reader) throws SQLException {
    String sql = cache.computeIfAbsent(key, k -> render(query));
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < columns.size(); i++) {
        bind(s, i + 1, columns.get(i), values.get(i));
      }
      try (ResultSet rs = s.executeQuery()) {
        return reader.read(rs);
      }
    }
  }

  /**
   * Runs a query.
   *
   * @param c the connection
   * @param query the query (see {@link #statement})
   * @param reader reads the result
   * @param <T> the result type
   * @return what the reader returned
   * @throws SQLException if the database refuses
   */
  public <T> T query(Connection c, Statement query, ResultReader<T> reader) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(query.sql())) {
      for (int i = 0; i < query.columns().size(); i++) {
        bind(s, i + 1, query.columns().get(i), query.values().get(i));
      }
      try (ResultSet rs = s.executeQuery()) {
        return reader.read(rs);
      }
    }
  }

  /** Reads the results of {@link #queryTogether}, one query's result at a time. */
  @FunctionalInterface
  public interface ResultsReader {
    /**
     * Reads one query's result.
     *
     * @param index the query's position in the list
     * @param rs its result
     * @throws SQLException if reading fails
     */
    void read(int index, ResultSet rs) throws SQLException;
  }

  /**
   * Runs queries in ONE round trip (PostgreSQL only: one prepared statement of several queries,
   * which the driver sends together) and reads their results in order. Each query runs after
   * the one before it: a row lock the first takes holds while the others read.
   *
   * @param c the connection
   * @param queries the queries, each returning a result
   * @param reader reads each result
   * @throws SQLException if the database refuses
   * @throws IllegalStateException if the database is not PostgreSQL
   */
  public void queryTogether(Connection c, List<Statement> queries, ResultsReader reader)
      throws SQLException {
    if (kind != DatabaseKind.POSTGRESQL) {
      throw new IllegalStateException("queries are sent together on PostgreSQL only");
    }
    String sql = composed("together", queries, () -> {
      StringBuilder text = new StringBuilder();
      for (Statement q : queries) {
        text.append(text.length() == 0 ? "" : "; ").append(q.sql());
      }
      return text.toString();
    });
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      for (Statement q : queries) {
        for (int k = 0; k < q.columns().size(); k++) {
          bind(s, i++, q.columns().get(k), q.values().get(k));
        }
      }
      s.execute();
      for (int n = 0; n < queries.size(); n++) {
        if (n > 0 && !s.getMoreResults()) {
          throw new SQLException("query " + n + " of " + queries.size() + " returned no result");
        }
        try (ResultSet rs = s.getResultSet()) {
          reader.read(n, rs);
        }
      }
    }
  }

  /**
   * Runs a data-changing statement of a fixed shape, rendered once under the given key.
   *
   * @param c the connection
   * @param key the shape's key, unique to the statement
   * @param statement builds the statement with {@link #param(Field)} placeholders
   * @param columns the columns of the placeholders, in order
   * @param values the placeholders' values, in order
   * @return the number of rows changed
   * @throws SQLException if the database refuses
   */
  public int execute(Connection c, String key, Supplier<Query> statement, List<Field<?>> columns,
      List<?> values) throws SQLException {
    String sql = cache.computeIfAbsent(key, k -> render(statement));
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < columns.size(); i++) {
        bind(s, i + 1, columns.get(i), values.get(i));
      }
      return s.executeUpdate();
    }
  }

  /**
   * Reads the current row's columns, selected in the given order, by their declared types.
   * The map is keyed by identity: look values up with the same column constants.
   *
   * @param rs the result set, on a row
   * @param columns the selected columns in order
   * @return the values by column (null for SQL NULL)
   * @throws SQLException if reading fails
   */
  public Map<Field<?>, @Nullable Object> row(ResultSet rs, Field<?>[] columns)
      throws SQLException {
    // Keyed by identity: the columns are the tables' constants, and a jOOQ field's hashCode
    // hashes its qualified name on every call (a ticket row has about 60 columns).
    Map<Field<?>, @Nullable Object> row = new java.util.IdentityHashMap<>(columns.length * 2);
    for (int i = 0; i < columns.length; i++) {
      row.put(columns[i], read(rs, i + 1, columns[i].getType()));
    }
    return row;
  }

  /**
   * Reads an instant column by index (stored as a UTC {@code LocalDateTime}).
   *
   * @param rs the result set, on a row
   * @param index the column index
   * @return the instant, or null
   * @throws SQLException if reading fails
   */
  public static @Nullable Instant instant(ResultSet rs, int index) throws SQLException {
    return InstantBinding.fromColumn(rs.getObject(index, LocalDateTime.class));
  }

  private @Nullable Object read(ResultSet rs, int i, Class<?> type) throws SQLException {
    if (type == UUID.class) {
      return uuid(rs, i);
    }
    if (type == Instant.class) {
      return InstantBinding.fromColumn(rs.getObject(i, LocalDateTime.class));
    }
    Object value = type == Long.class ? (Object) rs.getLong(i)
        : type == Integer.class ? (Object) rs.getInt(i) : rs.getString(i);
    return rs.wasNull() ? null : value;
  }

  /** Reads a result set. */
  @FunctionalInterface
  public interface ResultReader<T> {
    /**
     * Reads the result.
     *
     * @param rs the result set, before its first row
     * @return the result
     * @throws SQLException if reading fails
     */
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * Returns a typed placeholder for a column.
   *
   * @param column the column
   * @param <T> the column's type
   * @return the placeholder
   */
  public static <T> Field<T> param(Field<T> column) {
    return DSL.param(column.getName(), column.getDataType());
  }

  private static <T> org.jooq.Condition keyEquals(Field<T> column) {
    return column.eq(param(column));
  }

  private Map<Field<?>, Object> params(List<Field<?>> columns) {
    Map<Field<?>, Object> params = new java.util.LinkedHashMap<>();
    for (Field<?> column : columns) {
      Field<?> p = param(column);
      params.put(column, isJson(column) ? Columns.jsonOf(kind, p) : p);
    }
    return params;
  }

  private static boolean isJson(Field<?> column) {
    return Columns.isJson(column);
  }

  /** Renders a query with TicketKit's dialect and settings, whatever context built it. */
  private String render(Supplier<Query> query) {
    return renderer.render(query.get());
  }

  /**
   * Reads a UUID column by index.
   *
   * @param rs the result set
   * @param index the column index
   * @return the UUID, or null
   * @throws SQLException if reading fails
   */
  public @Nullable UUID uuid(ResultSet rs, int index) throws SQLException {
    if (kind == DatabaseKind.MARIADB) {
      String text = rs.getString(index);
      return text == null ? null : UUID.fromString(text);
    }
    return rs.getObject(index, UUID.class);
  }

  private void bind(PreparedStatement s, int i, Field<?> column, @Nullable Object value)
      throws SQLException {
    if (value == null) {
      s.setNull(i, sqlType(column));
    } else if (value instanceof Json json) {
      s.setString(i, json.text());
    } else if (value instanceof String text) {
      s.setString(i, text);
    } else if (value instanceof Long n) {
      s.setLong(i, n);
    } else if (value instanceof Integer n) {
      s.setInt(i, n);
    } else if (value instanceof Boolean b) {
      s.setBoolean(i, b);
    } else if (value instanceof Instant instant) {
      s.setObject(i, InstantBinding.toColumn(instant));
    } else if (value instanceof UUID id) {
      if (kind == DatabaseKind.MARIADB) {
        s.setString(i, id.toString());
      } else {
        s.setObject(i, id);
      }
    } else {
      throw new IllegalArgumentException("cannot bind " + value.getClass() + " to " + column);
    }
  }

  private int sqlType(Field<?> column) {
    Class<?> type = column.getType();
    if (type == Long.class) {
      return Types.BIGINT;
    }
    if (type == Integer.class) {
      return Types.INTEGER;
    }
    if (type == Instant.class) {
      return Types.TIMESTAMP;
    }
    if (type == Boolean.class) {
      return Types.BOOLEAN;
    }
    if (type == UUID.class && kind != DatabaseKind.MARIADB) {
      return Types.OTHER;
    }
    return Types.VARCHAR;
  }
}
