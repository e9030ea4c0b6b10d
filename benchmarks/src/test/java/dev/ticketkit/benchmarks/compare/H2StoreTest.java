package dev.ticketkit.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The comparison's systems on embedded H2 (file and in-memory): a real database, no server. */
class H2StoreTest {

  private static Store open(String name) throws Exception {
    return Comparison.openStore(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "h2mem"})
  void runsTicketKitWithTheSlaEngineAndDropsItsDatabase(String storeName) throws Exception {
    try (Store store = open(storeName)) {
      // one thread: concurrent opens queue on the tenant's ticket-number row, and H2 gives a
      // lock wait 2 s, which a descheduled holder exceeds on an overloaded machine
      LifecycleSystem system = Comparison.create(store, "ticketkit+sla", 1, true, 5000);
      assertThat(system).isNotNull();
      assertThat(system.name()).isEqualTo("ticketkit+sla@" + storeName);
      Tally tally = new Tally(store, system);
      tally.start();

      Round round = Round.run(store, system, 1, 300);
      tally.add(round, true);

      assertThat(round.failure()).isNull();
      assertThat(round.lifecycles()).isPositive();
      assertThat(round.serverCpuMillis()).isZero();
      CountingDataSource.Counts counts = tally.counts();
      // at least one write statement and one commit for each of the eight calls
      assertThat(counts.statements()).isGreaterThanOrEqualTo(8 * round.lifecycles());
      assertThat(counts.transactions()).isGreaterThanOrEqualTo(8 * round.lifecycles());
      String row = tally.row(List.of(Map.of(system.name(), round.rate())));
      assertThat(row).startsWith("| ticketkit+sla@" + storeName + " | 8 | ");
      // H2 keeps no server counters: server transactions and server CPU are "-"
      assertThat(row.split("\\|")[5].trim()).isEqualTo("-");
      assertThat(row.split("\\|")[9].trim()).isEqualTo("-");

      store.analyze(system.database(), system.pool());
      system.close();
      store.dropDatabase(system.database());
      if (store instanceof H2Store h2 && storeName.equals("h2")) {
        try (Stream<Path> left = Files.list(h2.directory())) {
          assertThat(left).isEmpty();
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "h2mem"})
  void runsTaskanaOnItsOwnH2Schema(String storeName) throws Exception {
    try (Store store = open(storeName)) {
      LifecycleSystem system = Comparison.create(store, "taskana", 1, true, 5000);
      assertThat(system).isNotNull();
      assertThat(system.name()).isEqualTo("taskana@" + storeName);
      try {
        Round round = Round.run(store, system, 1, 300);

        assertThat(round.failure()).isNull();
        assertThat(round.lifecycles()).isPositive();
      } finally {
        system.close();
        store.dropDatabase(system.database());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "h2mem"})
  void describesTheSettingsThatDecideDurability(String storeName) throws Exception {
    try (Store store = open(storeName)) {
      assertThat(store.describe()).contains("H2 ").contains("info.VERSION 2.")
          .contains("WRITE_DELAY");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "h2mem"})
  void dropsADatabaseThatDoesNotExist(String storeName) throws Exception {
    try (Store store = open(storeName)) {
      store.dropDatabase("tk17_never_created");
      store.recreateDatabase("tk17_never_created", "ticketkit");
    }
  }
}
