package dev.ticketkit.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The comparison's systems on the MariaDB server of {@code -Dticketkit.bench.mariadb.url}
 * (default the local test server); skipped when no server answers.
 */
class MariaDbServerTest {

  @BeforeAll
  static void serverAnswers() {
    try (Connection c = DriverManager.getConnection(MariaDbServer.URL)) {
      Assumptions.assumeTrue(c.isValid(5), "MariaDB at " + MariaDbServer.URL + " is not valid");
    } catch (SQLException e) {
      Assumptions.abort("Skipped: no MariaDB at " + MariaDbServer.URL + ": " + e.getMessage());
    }
  }

  @Test
  void runsTheLeanLifecycleAndCountsWhatTheServerSaw() throws Exception {
    try (Store store = Comparison.openStore("mariadb")) {
      LifecycleSystem system = Comparison.create(store, "lean", 1, true, 5000);
      assertThat(system).isNotNull();
      assertThat(system.name()).isEqualTo("lean@mariadb");
      assertThat(system.database()).isEqualTo("tk17_lean");
      try {
        Tally tally = new Tally(store, system);
        tally.start();
        Round round = Round.run(store, system, 1, 300);
        tally.add(round, true);

        assertThat(round.failure()).isNull();
        assertThat(round.lifecycles()).isPositive();
        Map<String, Long> server = tally.serverCounters();
        CountingDataSource.Counts client = tally.counts();
        long questions = server.get("QUESTIONS")
            - tally.serverCountersStart.get(MariaDbServer.READINGS);
        // the server sees every statement the client counted, and the driver's own on top
        assertThat(questions).isGreaterThanOrEqualTo(client.statements());
        // five write calls, each one transaction ended by COMMIT
        assertThat(server.get("COM_COMMIT")).isGreaterThanOrEqualTo(5 * round.lifecycles());
        assertThat(server.get(MariaDbServer.CONNECTION_IDS)).isZero();
        String row = tally.row(List.of(Map.of(system.name(), round.rate())));
        assertThat(row.split("\\|")[5].trim()).isEqualTo("-");
      } finally {
        system.close();
        store.dropDatabase(system.database());
      }
    }
  }

  @Test
  void printsTheDurabilitySettings() throws Exception {
    try (Store store = Comparison.openStore("mariadb")) {
      assertThat(store.describe()).startsWith("MariaDB ")
          .contains("innodb_flush_log_at_trx_commit ").contains("sync_binlog ")
          .contains("log_bin ").doesNotContain(" ?,");
    }
  }

  @Test
  void refusesTaskana() throws Exception {
    try (Store store = Comparison.openStore("mariadb")) {
      assertThat(Comparison.create(store, "taskana", 1, true, 5000)).isNull();
    }
  }
}
