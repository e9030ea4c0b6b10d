package dev.ticketkit.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonOptionsTest {

  @Test
  void defaultsRunEverySystemOnPostgresOnly() {
    ComparisonOptions o = ComparisonOptions.parse(new String[0]);

    assertThat(o.stores()).containsExactly("postgres");
    assertThat(o.multiStore()).isFalse();
    assertThat(o.systems()).isEqualTo(ComparisonOptions.ALL_SYSTEMS);
    assertThat(o.threads()).containsExactly(1, 4);
    assertThat(o.pools()).containsExactly(0);
    assertThat(o.rounds()).isEqualTo(5);
    assertThat(o.pgbench()).isTrue();
  }

  @Test
  void parsesTheIssueCommand() {
    ComparisonOptions o = ComparisonOptions.parse(new String[] {"--rounds=3", "--warmup=1",
        "--seconds=10", "--threads=1,4", "--pool=threads", "--systems=ticketkit,ticketkit+sla,lean",
        "--stores=postgres,mariadb,h2,h2mem", "--pgbench=false"});

    assertThat(o.stores()).containsExactly("postgres", "mariadb", "h2", "h2mem");
    assertThat(o.multiStore()).isTrue();
    assertThat(o.systems()).containsExactly("ticketkit", "ticketkit+sla", "lean");
    assertThat(o.rounds()).isEqualTo(3);
    assertThat(o.warmupRounds()).isEqualTo(1);
    assertThat(o.pgbench()).isFalse();
  }

  @Test
  void keepsTheStoresInTheOrderGiven() {
    ComparisonOptions o = ComparisonOptions.parse(new String[] {"--stores=h2, mariadb"});

    assertThat(o.stores()).containsExactly("h2", "mariadb");
    assertThat(o.multiStore()).isTrue();
  }

  @Test
  void rejectsAnUnknownStoreByName() {
    assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--stores=postgres,mysql"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown store mysql");
  }

  @Test
  void rejectsAStoreGivenTwice() {
    assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--stores=h2,h2"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("store h2 given twice");
  }

  @Test
  void rejectsAnUnknownSystemAndOption() {
    assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--systems=ticketkit,jira"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown system jira");
    assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--store=h2"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown option --store");
    assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--rounds=many"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rounds must be a number, got many");
  }

  @Test
  void usageNamesEveryStore() {
    for (String store : ComparisonOptions.ALL_STORES) {
      assertThat(ComparisonOptions.USAGE).contains(store);
    }
  }

  @ParameterizedTest
  @CsvSource({
      "ticketkit, postgres, ticketkit",
      "ticketkit+sla, mariadb, ticketkit+sla@mariadb",
      "lean, h2, lean@h2",
      "taskana, h2mem, taskana@h2mem"})
  void namesRowsOffPostgresWithTheirStore(String system, String store, String name) {
    assertThat(Comparison.displayName(system, store)).isEqualTo(name);
    assertThat(Comparison.systemOf(name)).isEqualTo(system);
    assertThat(Comparison.storeOf(name)).isEqualTo(store);
  }

  @Test
  void ratiosPairOnlyRoundsWhereBothRan() {
    List<Double> ratios = Tally.ratios(List.of(
        java.util.Map.of("lean", 100.0, "lean@h2", 300.0),
        java.util.Map.of("lean", 50.0),
        java.util.Map.of("lean", 200.0, "lean@h2", 100.0)), "lean@h2", "lean");

    assertThat(ratios).containsExactly(3.0, 0.5);
  }
}
