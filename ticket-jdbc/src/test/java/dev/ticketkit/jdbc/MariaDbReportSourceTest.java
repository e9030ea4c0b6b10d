package dev.ticketkit.jdbc;

/** Runs the report source contract against the SQL report source on MariaDB. */
class MariaDbReportSourceTest extends JdbcReportSourceContract {

  @Override
  protected DatabaseKind kind() {
    return DatabaseKind.MARIADB;
  }
}
