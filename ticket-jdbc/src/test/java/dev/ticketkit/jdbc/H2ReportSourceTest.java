package dev.ticketkit.jdbc;

/** Runs the report source contract against the SQL report source on H2. */
class H2ReportSourceTest extends JdbcReportSourceContract {

  @Override
  protected DatabaseKind kind() {
    return DatabaseKind.H2;
  }
}
