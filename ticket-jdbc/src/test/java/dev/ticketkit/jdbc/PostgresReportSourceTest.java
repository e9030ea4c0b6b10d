package dev.ticketkit.jdbc;

/** Runs the report source contract against the SQL report source on Postgres. */
class PostgresReportSourceTest extends JdbcReportSourceContract {

  @Override
  protected DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
