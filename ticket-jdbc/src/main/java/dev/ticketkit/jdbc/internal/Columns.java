package dev.ticketkit.jdbc.internal;

import dev.ticketkit.jdbc.DatabaseKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Declares typed columns for the hand-written table constants, and the column conventions every
 * table follows.
 *
 * <p>Instants are stored in UTC in a timestamp column without time zone
 * ({@code timestamp(6)} on H2 and PostgreSQL, {@code datetime(6)} on MariaDB), truncated to the
 * microsecond, which is what all three products keep. JSON columns are {@code jsonb} on
 * PostgreSQL and text on H2 and MariaDB; {@link #json(DatabaseKind, String)} writes a value
 * with the cast PostgreSQL needs. Stateless and thread-safe.
 */
public final class Columns {

  private static final DataType<Instant> INSTANT = SQLDataType.LOCALDATETIME(6)
      .asConvertedDataType(new InstantBinding());

  private Columns() {}

  /**
   * Returns a table name.
   *
   * @param name the table's name
   * @return the table
   */
  public static Table<Record> table(String name) {
    return DSL.table(DSL.name(name));
  }

  /**
   * Returns a text column.
   *
   * @param table the table's name
   * @param name the column's name
   * @return the column
   */
  public static Field<String> text(String table, String name) {
    return DSL.field(DSL.name(table, name), SQLDataType.VARCHAR);
  }

  /**
   * Returns a UUID column: {@code uuid} on H2 and PostgreSQL, {@code char(36)} on MariaDB.
   *
   * @param table the table's name
   * @param name the column's name
   * @return the column
   */
  public static Field<UUID> uuid(String table, String name) {
    return DSL.field(DSL.name(table, name), SQLDataType.UUID);
  }

  /**
   * Returns a bigint column.
   *
   * @param table the table's name
   * @param name the column's name
   * @return the column
   */
  public static Field<Long> bigint(String table, String name) {
    return DSL.field(DSL.name(table, name), SQLDataType.BIGINT);
  }

  /**
   * Returns an integer column.
   *
   * @param table the table's name
   * @param name the column's name
   * @return the column
   */
  public static Field<Integer> integer(String table, String name) {
    return DSL.field(DSL.name(table, name), SQLDataType.INTEGER);
  }

  /**
   * Returns a boolean column.
   *
   * @param table the table's name
   * @param name the column's name
   * @return the column
   */
  public static Field<Boolean> bool(String table, String name) {
    return DSL.field(DSL.name(table, name), SQLDataType.BOOLEAN);
  }

  /**
   * Returns an instant column, stored as a UTC timestamp.
   *
   * @param table the table's name
   * @param name the column's name
   * @return the column
   */
  public static Field<Instant> instant(String table, String name) {
    return DSL.field(DSL.name(table, name), INSTANT);
  }

  /**
   * Returns the value to write into a JSON column.
   *
   * @param kind the database product
   * @param json the JSON text
   * @return a bind value, cast to {@code jsonb} on PostgreSQL
   */
  public static Field<String> json(DatabaseKind kind, String json) {
    Field<String> value = DSL.val(json, SQLDataType.VARCHAR);
    return kind == DatabaseKind.POSTGRESQL
        ? DSL.field("cast({0} as jsonb)", SQLDataType.VARCHAR, value)
        : value;
  }

  /**
   * Returns a placeholder or value for a JSON column, cast to {@code jsonb} on PostgreSQL.
   *
   * @param kind the database product
   * @param value the placeholder or value
   * @return the expression to write
   */
  public static Field<?> jsonOf(DatabaseKind kind, Field<?> value) {
    return kind == DatabaseKind.POSTGRESQL
        ? DSL.field("cast({0} as jsonb)", SQLDataType.VARCHAR, value)
        : value;
  }

  /**
   * Tells whether a column holds JSON (declared with {@link #jsonText(String, String)}).
   *
   * @param column the column
   * @return true for a JSON column
   */
  public static boolean isJson(Field<?> column) {
    return JSON_COLUMNS.contains(column);
  }

  /**
   * Returns a JSON column, read and written as its text.
   *
   * @param table the table's name
   * @param name the column's name
   * @return the column
   */
  public static Field<String> jsonText(String table, String name) {
    Field<String> column = text(table, name);
    JSON_COLUMNS.add(column);
    return column;
  }

  private static final java.util.Set<Field<?>> JSON_COLUMNS =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Returns an instant as the database stores it: truncated to the microsecond.
   *
   * @param instant the instant
   * @return the stored instant
   */
  public static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
