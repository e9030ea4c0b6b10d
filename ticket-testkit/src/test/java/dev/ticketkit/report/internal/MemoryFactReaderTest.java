package dev.ticketkit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.report.source.AggregateRow;
import dev.ticketkit.report.source.CycleFact;
import dev.ticketkit.report.source.Dimension;
import dev.ticketkit.report.source.FactQuery;
import dev.ticketkit.report.source.FactTable;
import dev.ticketkit.report.source.Measure;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.report.source.SampleQuery;
import dev.ticketkit.testkit.report.SupportWorld;
import dev.ticketkit.sla.store.InMemorySlaStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Samples (served from a time index with an early stop) equal a brute-force sort; a batch of
 * aggregate queries (one pass per table) answers each query as it alone would.
 */
class MemoryFactReaderTest {

  static final Instant START = Instant.parse("2026-02-01T16:00:00Z");
  static final FactSet FACTS = facts();

  private static FactSet facts() {
    InMemoryTicketStore store = InMemoryTicketStore.create();
    InMemorySlaStore sla = InMemorySlaStore.create();
    SupportWorld w = new SupportWorld(store, sla, START);
    w.plan(SupportWorld.ACME, START, START.plus(Duration.ofDays(10)), 150, 11);
    w.runUntil(START.plus(Duration.ofDays(20)));
    return FactDerivation.derive(store, sla, SupportWorld.ACME);
  }

  @Property(tries = 60)
  void samplesAreTheLatestMatchesInOrder(@ForAll @IntRange(min = 0, max = 240) int fromHour,
      @ForAll @IntRange(min = 1, max = 300) int hours, @ForAll @IntRange(min = 1, max = 40) int limit,
      @ForAll boolean byResolution) {
    FactField field = byResolution ? FactField.RESOLVED_AT : FactField.TICKET_CREATED_AT;
    Instant from = START.plus(Duration.ofHours(fromHour));
    Instant to = from.plus(Duration.ofHours(hours));
    Filter range = new Filter.Between(field, from, to);
    List<CycleFact> got = new MemoryFactReader(FACTS).sample(new SampleQuery(
        List.of(range, new Filter.NotEqual(FactField.CYCLE, "2")), field, limit));
    List<CycleFact> expected = FACTS.cycles().stream()
        .filter(c -> {
          Instant v = byResolution ? c.resolvedAt() : c.ticketCreatedAt();
          return v != null && !v.isBefore(from) && v.isBefore(to) && c.cycle() != 2;
        })
        .sorted(Comparator.comparing((CycleFact c) -> byResolution ? c.resolvedAt()
                : c.ticketCreatedAt()).thenComparingLong(CycleFact::ticketNumber)
            .thenComparingInt(CycleFact::cycle).reversed())
        .limit(limit).toList();
    assertThat(got).isEqualTo(expected);
  }

  static final Instant MID = START.plus(Duration.ofDays(5));
  static final Instant END = START.plus(Duration.ofDays(12));

  static final List<FactQuery> QUERIES = List.of(
      new FactQuery(FactTable.CYCLES, List.of(new Filter.Between(FactField.TICKET_CREATED_AT,
          START, MID), new Filter.Equal(FactField.CYCLE, "1")), List.of(
          new Dimension.Key(FactField.CHANNEL)), List.of(Measure.count())),
      new FactQuery(FactTable.CYCLES, List.of(new Filter.Between(FactField.TICKET_CREATED_AT,
          START, MID)), List.of(new Dimension.QuarterHour(FactField.TICKET_CREATED_AT)),
          List.of(Measure.count())),
      new FactQuery(FactTable.CYCLES, List.of(new Filter.Between(FactField.RESOLVED_AT, START,
          END)), List.of(), List.of(new Measure.CountOf(FactField.RESOLUTION_TIME),
          new Measure.Sum(FactField.RESOLUTION_TIME),
          new Measure.Percentile(FactField.RESOLUTION_TIME, 0.5),
          new Measure.Percentile(FactField.RESOLUTION_TIME, 0.9))),
      new FactQuery(FactTable.CYCLES, List.of(new Filter.Between(FactField.RESOLVED_AT, MID,
          END)), List.of(new Dimension.Key(FactField.AGENT)), List.of(Measure.count(),
          new Measure.Percentile(FactField.RESOLUTION_TIME, 0.5))),
      new FactQuery(FactTable.CYCLES, List.of(new Filter.Before(FactField.STARTED_AT, MID),
          new Filter.NotBefore(FactField.WORK_ENDED_AT, MID)), List.of(
          new Dimension.AgeDays(FactField.TICKET_CREATED_AT, MID)), List.of(Measure.count())),
      new FactQuery(FactTable.CYCLES, List.of(new Filter.Between(FactField.TICKET_CREATED_AT,
          START, END)), List.of(new Dimension.Key(FactField.TAG)), List.of(Measure.count())),
      new FactQuery(FactTable.CYCLES, List.of(new Filter.Between(FactField.CLOSED_AT, START,
          END)), List.of(new Dimension.Key(FactField.AGENT),
          new Dimension.Key(FactField.FIRST_CONTACT_RESOLUTION)), List.of(Measure.count())),
      new FactQuery(FactTable.CYCLES, List.of(new Filter.Between(FactField.RATED_AT, START, END),
          new Filter.Null(FactField.DISSATISFACTION_REASON, false)), List.of(
          new Dimension.Key(FactField.DISSATISFACTION_REASON)), List.of(Measure.count())),
      new FactQuery(FactTable.CYCLES, List.of(new Filter.Between(FactField.RATED_AT, MID, END)),
          List.of(), List.of(Measure.count())),
      new FactQuery(FactTable.CLOCKS, List.of(new Filter.Between(FactField.CLOCK_STARTED_AT,
          START, MID)), List.of(new Dimension.Key(FactField.CLOCK_METRIC),
          new Dimension.Key(FactField.CLOCK_PRIORITY)), List.of(Measure.count(),
          new Measure.CountIf(new Filter.Before(FactField.CLOCK_MET_AT, MID)),
          new Measure.CountIf(new Filter.Before(FactField.CLOCK_BREACHED_AT, MID)))),
      new FactQuery(FactTable.CLOCKS, List.of(new Filter.Equal(FactField.CLOCK_METRIC,
          "RESOLUTION"), new Filter.Between(FactField.CLOCK_STOPPED_AT, START, END)), List.of(),
          List.of(new Measure.CountOf(FactField.CLOCK_BUSINESS_TIME),
              new Measure.Percentile(FactField.CLOCK_BUSINESS_TIME, 0.5))),
      new FactQuery(FactTable.CLOCKS, List.of(new Filter.Between(FactField.CLOCK_BREACHED_AT,
          START, END)), List.of(new Dimension.Key(FactField.CLOCK_AGENT)),
          List.of(Measure.count())),
      new FactQuery(FactTable.ESCALATIONS, List.of(new Filter.Between(FactField.FIRED_AT, START,
          END)), List.of(new Dimension.Key(FactField.ESCALATION_METRIC),
          new Dimension.Key(FactField.ESCALATION_LEVEL)), List.of(Measure.count())),
      new FactQuery(FactTable.ESCALATIONS, List.of(new Filter.Between(FactField.FIRED_AT, END,
          END)), List.of(), List.of(Measure.count())),
      new FactQuery(FactTable.CYCLES, List.of(new Filter.CategoryWithin("payment"),
          new Filter.NotEqual(FactField.CYCLE, "1")), List.of(
          new Dimension.Key(FactField.CATEGORY)), List.of(Measure.count(),
          new Measure.Sum(FactField.FIRST_REPLY_TIME))),
      new FactQuery(FactTable.CLOCKS, List.of(new Filter.Between(FactField.CLOCK_BREACHED_AT,
          START, MID), new Filter.Between(FactField.CLOCK_STARTED_AT, START, END)), List.of(
          new Dimension.QuarterHour(FactField.CLOCK_BREACHED_AT)), List.of(Measure.count())),
      new FactQuery(FactTable.CYCLES, List.of(new Filter.Null(FactField.ACCEPTED_AT, true),
          new Filter.Equal(FactField.CATEGORY, "no/such/category")), List.of(),
          List.of(Measure.count(), new Measure.CountIf(new Filter.NotBefore(
              FactField.RESOLVED_AT, MID)))),
      new FactQuery(FactTable.CYCLES, List.of(), List.of(new Dimension.Key(FactField.PRIORITY),
          new Dimension.QuarterHour(FactField.RESOLVED_AT)), List.of(Measure.count(),
          new Measure.CountOf(FactField.ACCEPTANCE_TIME),
          new Measure.CountIf(new Filter.Null(FactField.AGENT, true)),
          new Measure.CountIf(new Filter.CategoryWithin("account")))));

  @Property(tries = 40)
  void aBatchAnswersEachQueryAsItAloneWould(
      @ForAll @Size(max = 18) List<@IntRange(min = 0, max = 17) Integer> picks) {
    List<FactQuery> batch = picks.stream().map(QUERIES::get).toList();
    List<List<AggregateRow>> got = new MemoryFactReader(FACTS).aggregateAll(batch);
    assertThat(got).hasSize(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      List<AggregateRow> alone = new MemoryFactReader(FACTS).aggregate(batch.get(i));
      assertThat(got.get(i)).as("query %s", batch.get(i)).containsExactlyInAnyOrderElementsOf(alone);
    }
  }

  @Property(tries = 1)
  void theQueriesFindFacts() {
    MemoryFactReader r = new MemoryFactReader(FACTS);
    for (FactQuery q : QUERIES) {
      if (!q.groupBy().isEmpty() && !q.filters().contains(new Filter.CategoryWithin("payment"))) {
        assertThat(r.aggregate(q)).as("query %s", q).isNotEmpty();
      }
    }
  }
}
