package dev.ticketkit.jdbc;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link JdbcTicketKit}. The data source is required; by default the kit finds the
 * database product from the connection's metadata and runs {@link TicketKitSchema#migrate} when
 * built. Each setter checks its value at once and may be called once. Not thread-safe.
 */
public final class JdbcTicketKitBuilder {

  private final Set<String> done = new HashSet<>();
  private @Nullable DataSource dataSource;
  private @Nullable DatabaseKind kind;
  private boolean migrate = true;
  private boolean rowLevelSecurity;

  JdbcTicketKitBuilder() {}

  private void once(String setting) {
    if (!done.add(setting)) {
      throw new IllegalStateException(setting + " is already set");
    }
  }

  /**
   * Sets the data source every store uses; a pooled one in production.
   *
   * @param value the host's data source
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public JdbcTicketKitBuilder dataSource(DataSource value) {
    once("dataSource");
    dataSource = Objects.requireNonNull(value, "dataSource");
    return this;
  }

  /**
   * Names the database product instead of asking the connection's metadata.
   *
   * @param value the product
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public JdbcTicketKitBuilder kind(DatabaseKind value) {
    once("kind");
    kind = Objects.requireNonNull(value, "kind");
    return this;
  }

  /**
   * Sets whether {@link #build()} migrates the schema (the default) or trusts that the host's
   * own migration tool has applied TicketKit's scripts.
   *
   * @param value true to migrate when built
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public JdbcTicketKitBuilder migrate(boolean value) {
    once("migrate");
    migrate = value;
    return this;
  }

  /**
   * Sets whether the ticket store names the tenant in every transaction (the PostgreSQL setting
   * {@code ticketkit.tenant}, local to the transaction) so that the row-level security policies
   * on the ticket tables let it see and write that tenant's rows only. Off by default; turn it
   * on after {@link TicketKitSchema#enableRowLevelSecurity(DataSource)}. It costs one round trip
   * per write call, and turns each read into a transaction of three round trips.
   *
   * @param value true to name the tenant in every transaction
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public JdbcTicketKitBuilder rowLevelSecurity(boolean value) {
    once("rowLevelSecurity");
    rowLevelSecurity = value;
    return this;
  }

  /**
   * Returns the kit, migrating the schema first unless told not to.
   *
   * @return the kit
   * @throws IllegalStateException if no data source was set, or row-level security was asked
   *     for on a database other than PostgreSQL
   * @throws StorageException if the database cannot be reached, is not supported, or a
   *     migration fails
   */
  public JdbcTicketKit build() {
    if (dataSource == null) {
      throw new IllegalStateException("a JdbcTicketKit needs a data source");
    }
    DatabaseKind product = kind != null ? kind : DatabaseKind.of(dataSource);
    if (rowLevelSecurity && product != DatabaseKind.POSTGRESQL) {
      throw new IllegalStateException("row-level security needs PostgreSQL, not " + product);
    }
    if (migrate) {
      TicketKitSchema.migrate(dataSource);
    }
    return new JdbcTicketKit(dataSource, product, rowLevelSecurity);
  }
}
