package dev.ticketkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.Filter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link FilterCover#reduce} keeps the OR's meaning: for random conjunctions of ranges and other
 * conditions over few instants (so ranges touch, nest and repeat often) and every fact of a small
 * grid including nulls, "matches any original conjunction" equals "matches any reduced one",
 * checked against an obvious evaluator of the conditions as {@code ReportSql} writes them.
 */
class FilterCoverProperties {

  private static final FactField[] INSTANTS = {FactField.RESOLVED_AT, FactField.RATED_AT};
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final int POINTS = 8;

  @Property(tries = 3000)
  void theReducedOrMatchesTheSameFacts(@ForAll("ors") List<List<Filter>> or) {
    List<List<Filter>> reduced = FilterCover.reduce(or);
    assertThat(reduced.size()).isLessThanOrEqualTo(Math.max(1, or.size()));
    for (Map<FactField, @Nullable Object> fact : facts()) {
      assertThat(matchesAny(reduced, fact)).as("%s on %s -> %s", fact, or, reduced)
          .isEqualTo(matchesAny(or, fact));
    }
  }

  @Property(tries = 1000)
  void noReducedConjunctionImpliesAnother(@ForAll("ors") List<List<Filter>> or) {
    List<List<Filter>> reduced = FilterCover.reduce(or);
    for (int i = 0; i < reduced.size(); i++) {
      for (int j = 0; j < reduced.size(); j++) {
        List<Filter> a = reduced.get(i);
        List<Filter> b = reduced.get(j);
        assertThat(i != j && b.stream().allMatch(y -> a.stream()
            .anyMatch(x -> FilterCover.implies(x, y)))).as("%s implies %s", a, b).isFalse();
      }
    }
  }

  /** The batch of the monthly report's cycle queries (March, with February): 17 to 6. */
  @Test
  void theMonthlyReportsCycleConditions() {
    Instant feb = Instant.parse("2026-01-31T16:00:00Z");
    Instant mar = Instant.parse("2026-02-28T16:00:00Z");
    Instant apr = Instant.parse("2026-03-31T16:00:00Z");
    List<List<Filter>> or = new ArrayList<>();
    for (Instant[] p : new Instant[][] {{mar, apr}, {feb, mar}}) {
      Filter resolved = new Filter.Between(FactField.RESOLVED_AT, p[0], p[1]);
      or.add(List.of(resolved));
      or.add(List.of(resolved, new Filter.Equal(FactField.CYCLE, "1")));
      or.add(List.of(resolved, new Filter.NotEqual(FactField.CYCLE, "1")));
      or.add(List.of(new Filter.Between(FactField.FIRST_REPLY_AT, p[0], p[1])));
      or.add(List.of(new Filter.Between(FactField.ACCEPTED_AT, p[0], p[1])));
      or.add(List.of(resolved, new Filter.Before(FactField.RATED_AT, p[1])));
      or.add(List.of(new Filter.Between(FactField.REOPENED_AT, p[0], p[1])));
      or.add(List.of(new Filter.Between(FactField.ESCALATED_AT, p[0], p[1])));
    }
    List<Filter> created = List.of(new Filter.Between(FactField.TICKET_CREATED_AT, mar, apr),
        new Filter.Equal(FactField.CYCLE, "1"));
    or.add(created);
    assertThat(FilterCover.reduce(or)).containsExactly(
        List.of(new Filter.Between(FactField.RESOLVED_AT, feb, apr)),
        List.of(new Filter.Between(FactField.FIRST_REPLY_AT, feb, apr)),
        List.of(new Filter.Between(FactField.ACCEPTED_AT, feb, apr)),
        List.of(new Filter.Between(FactField.REOPENED_AT, feb, apr)),
        List.of(new Filter.Between(FactField.ESCALATED_AT, feb, apr)),
        created);
  }

  @Test
  void edgeCases() {
    Filter r = between(FactField.RESOLVED_AT, 1, 3);
    assertThat(FilterCover.reduce(List.of())).isEmpty();
    assertThat(FilterCover.reduce(List.of(List.of(r), List.of(r, r)))).containsExactly(List.of(r));
    // An empty conjunction (true) covers all; an empty range (false) is left out if not alone.
    assertThat(FilterCover.reduce(List.of(List.of(r), List.of()))).containsExactly(List.of());
    Filter empty = between(FactField.RATED_AT, 2, 2);
    assertThat(FilterCover.reduce(List.of(List.of(empty), List.of(r)))).containsExactly(List.of(r));
    // Ranges apart stay apart; a range and the field being set are not merged.
    Filter apart = between(FactField.RESOLVED_AT, 4, 6);
    assertThat(FilterCover.reduce(List.of(List.of(r), List.of(apart))))
        .containsExactly(List.of(r), List.of(apart));
    Filter set = new Filter.Null(FactField.RESOLVED_AT, false);
    assertThat(FilterCover.reduce(List.of(List.of(r), List.of(set))))
        .containsExactly(List.of(set));
    // Null rows: NotBefore matches them, a range does not.
    Filter notBefore = new Filter.NotBefore(FactField.RESOLVED_AT, at(2));
    assertThat(FilterCover.reduce(List.of(List.of(notBefore), List.of(r))))
        .containsExactly(List.of(notBefore), List.of(r));
  }

  @Provide
  Arbitrary<List<List<Filter>>> ors() {
    Arbitrary<Integer> point = Arbitraries.integers().between(0, POINTS);
    Arbitrary<FactField> field = Arbitraries.of(INSTANTS);
    Arbitrary<Filter> range = Combinators.combine(field, point, point)
        .as((f, a, b) -> between(f, Math.min(a, b), Math.max(a, b)));
    Arbitrary<Filter> before = Combinators.combine(field, point)
        .as((f, a) -> new Filter.Before(f, at(a)));
    Arbitrary<Filter> notBefore = Combinators.combine(field, point)
        .as((f, a) -> new Filter.NotBefore(f, at(a)));
    Arbitrary<Filter> isNull = Combinators.combine(field, Arbitraries.of(true, false))
        .as(Filter.Null::new);
    Arbitrary<Filter> cycle = Arbitraries.of(new Filter.Equal(FactField.CYCLE, "1"),
        new Filter.NotEqual(FactField.CYCLE, "1"), new Filter.Null(FactField.CYCLE, true));
    Arbitrary<Filter> filter = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, range), net.jqwik.api.Tuple.of(1, before),
        net.jqwik.api.Tuple.of(1, notBefore), net.jqwik.api.Tuple.of(1, isNull),
        net.jqwik.api.Tuple.of(2, cycle));
    return filter.list().ofMaxSize(3).list().ofMaxSize(8);
  }

  /** Every fact over the grid's instants and null, for both instant fields and the cycle. */
  private static List<Map<FactField, @Nullable Object>> facts() {
    List<Map<FactField, @Nullable Object>> out = new ArrayList<>();
    for (int a = -1; a <= POINTS + 1; a++) {
      for (int b = -1; b <= POINTS + 1; b++) {
        for (String cycle : new String[] {null, "1", "2"}) {
          Map<FactField, @Nullable Object> fact = new EnumMap<>(FactField.class);
          fact.put(INSTANTS[0], a < 0 ? null : at(a));
          fact.put(INSTANTS[1], b < 0 ? null : at(b));
          fact.put(FactField.CYCLE, cycle);
          out.add(fact);
        }
      }
    }
    return out;
  }

  private static boolean matchesAny(List<? extends Collection<Filter>> or,
      Map<FactField, @Nullable Object> fact) {
    return or.stream().anyMatch(c -> c.stream().allMatch(f -> matches(f, fact)));
  }

  /** A filter's truth for a fact, as ReportSql's SQL has it ({@code TRUE} only). */
  private static boolean matches(Filter f, Map<FactField, @Nullable Object> fact) {
    Object v = fact.get(f.field());
    if (f instanceof Filter.Between b) {
      return v != null && !((Instant) v).isBefore(b.fromInclusive())
          && ((Instant) v).isBefore(b.toExclusive());
    } else if (f instanceof Filter.Before b) {
      return v != null && ((Instant) v).isBefore(b.instant());
    } else if (f instanceof Filter.NotBefore n) {
      return v == null || !((Instant) v).isBefore(n.instant());
    } else if (f instanceof Filter.Null n) {
      return (v == null) == n.isNull();
    } else if (f instanceof Filter.Equal e) {
      return e.value().equals(v);
    } else if (f instanceof Filter.NotEqual n) {
      return !n.value().equals(v);
    }
    throw new IllegalArgumentException("not generated: " + f);
  }

  private static Filter between(FactField f, int from, int to) {
    return new Filter.Between(f, at(from), at(to));
  }

  private static Instant at(int point) {
    return T0.plusSeconds(3600L * point);
  }
}
