package dev.ticketkit.jdbc;

import dev.ticketkit.jdbc.testing.TestKit;
import org.junit.jupiter.api.AfterAll;

/** The durability tests on PostgreSQL. */
class PostgresDurabilityTest extends DurabilityContract {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  TestKit database() {
    return DB;
  }
}
