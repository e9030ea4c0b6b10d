package dev.ticketkit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.report.source.CycleFact;
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

/** Samples (served from a time index with an early stop) equal a brute-force sort. */
class MemoryFactReaderTest {

  private static final Instant START = Instant.parse("2026-02-01T16:00:00Z");
  private static final FactSet FACTS = facts();

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
}
