package dev.ticketkit.jdbc;

import dev.ticketkit.jdbc.testing.TestKit;
import org.junit.jupiter.api.AfterAll;

/** The durability tests on H2. */
class H2DurabilityTest extends DurabilityContract {

  private static final TestKit DB = new TestKit(DatabaseKind.H2);

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Override
  TestKit database() {
    return DB;
  }
}
