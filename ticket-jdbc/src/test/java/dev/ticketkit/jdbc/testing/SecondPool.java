package dev.ticketkit.jdbc.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** Opens another pool on an existing test database: what a second node or a restart sees. */
public final class SecondPool {

  private SecondPool() {}

  /**
   * Returns a new pool on the same database.
   *
   * @param database the isolated test database
   * @return the pool; close it when done
   */
  public static HikariDataSource on(TestDataSources database) {
    HikariConfig config = new HikariConfig();
    DataSource raw = database.dataSource();
    config.setDataSource(raw);
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }
}
