package dev.ticketkit.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Checks that every configured database answers, and that H2 always does. */
class TestDatabasesTest {

  @Test
  void h2AlwaysAnswers() throws Exception {
    assertThat(selectOne("jdbc:h2:mem:smoke")).isEqualTo(1);
  }

  @Test
  void postgresAnswersWhenConfigured() throws Exception {
    assertThat(selectOne(TestDatabases.requireUrl(TestDatabases.Server.POSTGRES))).isEqualTo(1);
  }

  @Test
  void mariadbAnswersWhenConfigured() throws Exception {
    assertThat(selectOne(TestDatabases.requireUrl(TestDatabases.Server.MARIADB))).isEqualTo(1);
  }

  @Test
  void variableNamesFollowTheProperty() {
    assertThat(TestDatabases.Server.POSTGRES.environmentVariable())
        .isEqualTo("TICKETKIT_TEST_POSTGRES_URL");
  }

  private static int selectOne(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
