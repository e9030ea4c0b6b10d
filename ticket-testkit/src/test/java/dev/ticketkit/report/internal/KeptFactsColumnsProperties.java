package dev.ticketkit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TicketId;
import dev.ticketkit.report.source.AggregateRow;
import dev.ticketkit.report.source.ClockFact;
import dev.ticketkit.report.source.CycleFact;
import dev.ticketkit.report.source.EscalationFact;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactQuery;
import dev.ticketkit.report.source.FactReader;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.report.source.SampleQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Facts kept as columns ({@link KeptFacts}: rows replaced per ticket, dead rows skipped, the
 * table compacted once they outnumber the live ones) answer every query, sample and fact read as
 * a reader over the same facts in plain lists (the slow obvious form); and a reader opened
 * earlier keeps answering from its own snapshot while the kept facts change and compact.
 */
class KeptFactsColumnsProperties {

  /** One ticket's facts. */
  private record Mine(List<CycleFact> cycles, List<ClockFact> clocks,
      List<EscalationFact> escalations) {}

  private static final List<TicketId> TICKETS;
  private static final Map<TicketId, Mine> FULL = new LinkedHashMap<>();

  static {
    FactSet f = MemoryFactReaderTest.FACTS;
    Map<TicketId, List<CycleFact>> c = new LinkedHashMap<>();
    f.cycles().forEach(x -> c.computeIfAbsent(x.ticketId(), k -> new ArrayList<>()).add(x));
    Map<TicketId, List<ClockFact>> k = new LinkedHashMap<>();
    f.clocks().forEach(x -> k.computeIfAbsent(x.ticketId(), y -> new ArrayList<>()).add(x));
    Map<TicketId, List<EscalationFact>> e = new LinkedHashMap<>();
    f.escalations().forEach(x -> e.computeIfAbsent(x.ticketId(), y -> new ArrayList<>()).add(x));
    c.forEach((id, cycles) -> FULL.put(id, new Mine(cycles, k.getOrDefault(id, List.of()),
        e.getOrDefault(id, List.of()))));
    TICKETS = List.copyOf(FULL.keySet());
  }

  /**
   * Each step replaces a run of tickets' facts: kind 0 with their real facts, 1 with a part of
   * them (the first cycle, every other clock, no escalation), 2 with none.
   */
  @Property(tries = 25)
  void keptColumnsAnswerAsTheFactsThemselves(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 100_000) Integer> starts,
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 400) Integer> lengths,
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 2) Integer> kinds,
      @ForAll @IntRange(min = 0, max = 12) int openAfter) {
    KeptFacts kept = new KeptFacts();
    Map<TicketId, Mine> now = new LinkedHashMap<>();
    FactReader early = null;
    FactSet atEarly = null;
    int steps = Math.max(starts.size(), Math.max(lengths.size(), kinds.size()));
    for (int s = 0; s < steps; s++) {
      if (s == openAfter) {
        early = kept.reader();
        atEarly = union(now);
      }
      int from = starts.get(s % starts.size());
      int kind = kinds.get(s % kinds.size());
      for (int i = 0; i < lengths.get(s % lengths.size()); i++) {
        TicketId id = TICKETS.get((from + i) % TICKETS.size());
        Mine m = version(FULL.get(id), kind);
        kept.replace(id, m.cycles(), m.clocks());
        kept.replaceEscalations(id, m.escalations());
        if (m.cycles().isEmpty() && m.clocks().isEmpty() && m.escalations().isEmpty()) {
          now.remove(id);
        } else {
          now.put(id, m);
        }
      }
    }
    assertAnswersAs(kept.reader(), union(now));
    if (early != null) {
      assertAnswersAs(early, atEarly);
    }
  }

  @Example
  void deadRowsAreDroppedOnceTheyOutnumberTheLiveOnes() {
    KeptTable clocks = new KeptTable(dev.ticketkit.report.source.FactTable.CLOCKS);
    int live = MemoryFactReaderTest.FACTS.clocks().size();
    int rounds = 2 + 2048 / live;
    for (int r = 0; r < rounds; r++) {
      FULL.forEach((id, m) -> clocks.replace(id, m.clocks()));
    }
    assertThat(clocks.liveRows()).isEqualTo(live);
    assertThat(clocks.rows()).isEqualTo(live * rounds);
    FactColumns before = clocks.snapshot();
    clocks.compactIfSparse();
    assertThat(clocks.rows()).isEqualTo(live);
    assertThat(List.<Object>copyOf(clocks.snapshot().liveFacts()))
        .containsExactlyInAnyOrderElementsOf(MemoryFactReaderTest.FACTS.clocks());
    assertThat(List.<Object>copyOf(before.liveFacts()))
        .containsExactlyInAnyOrderElementsOf(MemoryFactReaderTest.FACTS.clocks());
  }

  private static Mine version(Mine full, int kind) {
    if (kind == 0) {
      return full;
    }
    if (kind == 2) {
      return new Mine(List.of(), List.of(), List.of());
    }
    List<ClockFact> half = new ArrayList<>();
    for (int i = 0; i < full.clocks().size(); i += 2) {
      half.add(full.clocks().get(i));
    }
    return new Mine(full.cycles().subList(0, 1), half, List.of());
  }

  private static FactSet union(Map<TicketId, Mine> now) {
    List<CycleFact> c = new ArrayList<>();
    List<ClockFact> k = new ArrayList<>();
    List<EscalationFact> e = new ArrayList<>();
    now.values().forEach(m -> {
      c.addAll(m.cycles());
      k.addAll(m.clocks());
      e.addAll(m.escalations());
    });
    return new FactSet(c, k, e);
  }

  private static void assertAnswersAs(FactReader kept, FactSet expected) {
    MemoryFactReader plain = new MemoryFactReader(expected);
    FactSet got = ((MemoryFactReader) kept).facts();
    assertThat(got.cycles()).containsExactlyInAnyOrderElementsOf(expected.cycles());
    assertThat(got.clocks()).containsExactlyInAnyOrderElementsOf(expected.clocks());
    assertThat(got.escalations()).containsExactlyInAnyOrderElementsOf(expected.escalations());
    List<FactQuery> queries = MemoryFactReaderTest.QUERIES;
    List<List<AggregateRow>> a = kept.aggregateAll(queries);
    List<List<AggregateRow>> b = plain.aggregateAll(queries);
    for (int i = 0; i < queries.size(); i++) {
      assertThat(a.get(i)).as("query %s", queries.get(i))
          .containsExactlyInAnyOrderElementsOf(b.get(i));
      assertThat(kept.aggregate(queries.get(i))).as("alone: %s", queries.get(i))
          .containsExactlyInAnyOrderElementsOf(b.get(i));
    }
    SampleQuery sample = new SampleQuery(List.of(new Filter.Between(FactField.TICKET_CREATED_AT,
        MemoryFactReaderTest.START, MemoryFactReaderTest.END)), FactField.TICKET_CREATED_AT, 7);
    assertThat(kept.sample(sample)).isEqualTo(plain.sample(sample));
  }
}
