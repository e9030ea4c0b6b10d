package dev.ticketkit.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Binds {@link Instant}s to timestamp columns that hold UTC, as {@link LocalDateTime} through
 * {@code setObject}/{@code getObject}: the JDBC 4.2 mapping that all three drivers support.
 *
 * <p>jOOQ's default binding of a {@code LocalDateTime} goes through {@code java.sql.Timestamp},
 * which passes the JVM's default time zone (a UTC wall time that does not exist in that zone,
 * inside a DST gap, would shift) and, on PostgreSQL, binds the parameter with an unspecified
 * type, so the driver cannot reuse its server-side prepared statements. Instants are truncated to
 * the microsecond. Stateless and thread-safe.
 */
final class InstantBinding implements Binding<LocalDateTime, Instant> {

  private static final long serialVersionUID = 1L;

  private final Converter<LocalDateTime, Instant> converter = new UtcConverter();

  @Override
  public Converter<LocalDateTime, Instant> converter() {
    return converter;
  }

  @Override
  public void sql(BindingSQLContext<Instant> ctx) throws SQLException {
    if (ctx.render().paramType() == ParamType.INLINED) {
      ctx.render().visit(DSL.inline(converter.to(ctx.value())));
    } else if (ctx.dialect().family() == SQLDialect.H2) {
      // H2 needs the type of a parameter in a select list (MERGE sources, VALUES tables).
      ctx.render().sql("cast(").sql(ctx.variable()).sql(" as timestamp(6))");
    } else {
      ctx.render().sql(ctx.variable());
    }
  }

  @Override
  public void register(BindingRegisterContext<Instant> ctx) throws SQLException {
    ctx.statement().registerOutParameter(ctx.index(), Types.TIMESTAMP);
  }

  @Override
  public void set(BindingSetStatementContext<Instant> ctx) throws SQLException {
    LocalDateTime value = converter.to(ctx.value());
    if (value == null) {
      ctx.statement().setNull(ctx.index(), Types.TIMESTAMP);
    } else {
      ctx.statement().setObject(ctx.index(), value);
    }
  }

  @Override
  public void set(BindingSetSQLOutputContext<Instant> ctx) throws SQLException {
    throw new SQLFeatureNotSupportedException("instants are not bound to SQL output");
  }

  @Override
  public void get(BindingGetResultSetContext<Instant> ctx) throws SQLException {
    ctx.value(converter.from(ctx.resultSet().getObject(ctx.index(), LocalDateTime.class)));
  }

  @Override
  public void get(BindingGetStatementContext<Instant> ctx) throws SQLException {
    ctx.value(converter.from(ctx.statement().getObject(ctx.index(), LocalDateTime.class)));
  }

  @Override
  public void get(BindingGetSQLInputContext<Instant> ctx) throws SQLException {
    throw new SQLFeatureNotSupportedException("instants are not read from SQL input");
  }

  /**
   * The one mapping of an instant to its column value, for jOOQ and for {@link ShapedSql}: UTC,
   * truncated to the microsecond.
   */
  static @Nullable LocalDateTime toColumn(@Nullable Instant value) {
    if (value == null) {
      return null;
    }
    // ofEpochSecond, not ofInstant(..., UTC): on Java 17 the latter builds a new ZoneRules
    // (with a ConcurrentHashMap) on every call, for every instant bound.
    Instant micros = value.truncatedTo(ChronoUnit.MICROS);
    return LocalDateTime.ofEpochSecond(micros.getEpochSecond(), micros.getNano(), ZoneOffset.UTC);
  }

  /** The inverse of {@link #toColumn}. */
  static @Nullable Instant fromColumn(@Nullable LocalDateTime value) {
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  /** Maps UTC {@code LocalDateTime} values to instants, truncating to the microsecond. */
  private static final class UtcConverter implements Converter<LocalDateTime, Instant> {
    private static final long serialVersionUID = 1L;

    @Override
    public @Nullable Instant from(@Nullable LocalDateTime value) {
      return fromColumn(value);
    }

    @Override
    public @Nullable LocalDateTime to(@Nullable Instant value) {
      return toColumn(value);
    }

    @Override
    public Class<LocalDateTime> fromType() {
      return LocalDateTime.class;
    }

    @Override
    public Class<Instant> toType() {
      return Instant.class;
    }
  }
}
