package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.report.source.AggregateRow;
import dev.ticketkit.report.source.Dimension;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactQuery;
import dev.ticketkit.report.source.FactReader;
import dev.ticketkit.report.source.FactTable;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.report.source.Measure;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PostgreSQL batch ({@code ReportSqlBatch}) answers each query of a batch exactly as the
 * query alone does ({@code ReportSql}, one statement per query), also when queries share their
 * conditions (in another order) and measures, so that the batch evaluates them once: random
 * batches over random cycle rows of two tenants, with period edges off the quarter hours, reopen
 * cycles, conditional counts, sums and percentiles.
 */
class PostgresReportBatchTest {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);
  private static final TenantId TENANT = TenantId.of("batch-a");
  private static final Instant T0 = Instant.parse("2026-03-01T00:07:13Z");

  @BeforeAll
  static void rows() throws SQLException {
    try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement()) {
      // 600 facts of tenant batch-a and 200 of batch-b: a third are reopen cycles (cycle 2),
      // a fifth unresolved; instants spread over about two months from T0.
      s.execute("insert into tk_report_cycle (tenant_id, ticket_id, cycle, ticket_number,"
          + " subject, channel, category, priority, agent, ticket_created_at, started_at,"
          + " resolved_at, tier_escalations, agent_replies, requester_follow_ups, handoffs,"
          + " first_contact, resolution_ms)"
          + " select case when g % 4 = 3 then 'batch-b' else 'batch-a' end,"
          + " md5('t' || (g / 3))::uuid, g % 3 + 1, g / 3 + 1, 'S',"
          + " (array['EMAIL','WEB','PHONE'])[g % 3 + 1], 'c' || (g % 5),"
          + " (array['LOW','NORMAL','HIGH','URGENT'])[(g * 7) % 4 + 1], 'agent-' || (g % 6),"
          + " c, c, case when g % 5 = 0 then null else c + r * interval '1 millisecond' end,"
          + " 0, 0, 0, 0, g % 2 = 0, case when g % 5 = 0 then null else r end"
          + " from (select g, timestamp '2026-03-01 00:07:13' + ((g * 7919) % 86400)"
          + " * interval '1 minute' c, ((g * 104729) % 9000000)::bigint r"
          + " from generate_series(0, 1199) g) x");
    }
  }

  @AfterAll
  static void drop() {
    DB.close();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void aBatchAnswersEachQueryAsItsOwnStatement(long seed) {
    Random random = new Random(seed);
    List<FactQuery> batch = new ArrayList<>();
    int size = 2 + random.nextInt(9);
    for (int i = 0; i < size; i++) {
      batch.add(random.nextInt(4) == 0 && !batch.isEmpty()
          ? shuffled(batch.get(random.nextInt(batch.size())), random) : query(random));
    }
    try (FactReader reader = DB.kit().reportSource().open(TENANT)) {
      List<List<AggregateRow>> together = reader.aggregateAll(batch);
      for (int i = 0; i < batch.size(); i++) {
        assertThat(sorted(together.get(i))).as("query %s of seed %s: %s", i, seed, batch.get(i))
            .isEqualTo(sorted(reader.aggregate(batch.get(i))));
      }
    }
  }

  /** The same query with its conditions in another order and its measures repeated. */
  private static FactQuery shuffled(FactQuery q, Random random) {
    List<Filter> filters = new ArrayList<>(q.filters());
    Collections.shuffle(filters, random);
    List<Measure> measures = new ArrayList<>(q.measures());
    measures.add(q.measures().get(random.nextInt(q.measures().size())));
    return new FactQuery(q.table(), filters, q.groupBy(), measures);
  }

  private static FactQuery query(Random random) {
    Instant from = T0.plusSeconds(random.nextInt(30 * 86400));
    Instant to = from.plusSeconds(1 + random.nextInt(40 * 86400));
    FactField period = random.nextBoolean() ? FactField.TICKET_CREATED_AT
        : FactField.RESOLVED_AT;
    List<Filter> filters = new ArrayList<>();
    filters.add(new Filter.Between(period, from, to));
    List<Filter> extra = List.of(new Filter.Equal(FactField.CYCLE, "1"),
        new Filter.NotEqual(FactField.CYCLE, "1"), new Filter.Equal(FactField.CHANNEL, "WEB"),
        new Filter.Null(FactField.RESOLVED_AT, false),
        new Filter.Before(FactField.RESOLVED_AT, to));
    for (int k = random.nextInt(3); k > 0; k--) {
      Filter f = extra.get(random.nextInt(extra.size()));
      if (!filters.contains(f)) {
        filters.add(f);
      }
    }
    Collections.shuffle(filters, random);
    List<Dimension> groupBy = switch (random.nextInt(4)) {
      case 0 -> List.of(new Dimension.Key(FactField.PRIORITY));
      case 1 -> List.of(new Dimension.QuarterHour(FactField.TICKET_CREATED_AT));
      case 2 -> List.of(new Dimension.Key(FactField.CHANNEL), new Dimension.Key(FactField.AGENT));
      default -> List.of();
    };
    List<Measure> measures = new ArrayList<>();
    measures.add(new Measure.Count());
    if (random.nextBoolean()) {
      measures.add(new Measure.CountIf(new Filter.Equal(FactField.PRIORITY, "HIGH")));
    }
    if (random.nextBoolean()) {
      measures.add(new Measure.CountOf(FactField.RESOLUTION_TIME));
      measures.add(new Measure.Sum(FactField.RESOLUTION_TIME));
    }
    if (groupBy.isEmpty() && random.nextBoolean()) {
      measures.add(new Measure.Percentile(FactField.RESOLUTION_TIME, 0.5));
      measures.add(new Measure.Percentile(FactField.RESOLUTION_TIME, 0.9));
    }
    return new FactQuery(FactTable.CYCLES, filters, groupBy, measures);
  }

  private static List<String> sorted(List<AggregateRow> rows) {
    List<String> out = new ArrayList<>(rows.stream().map(AggregateRow::toString).toList());
    Collections.sort(out);
    return out;
  }
}
