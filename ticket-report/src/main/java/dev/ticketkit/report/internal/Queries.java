package dev.ticketkit.report.internal;

import dev.ticketkit.report.Count;
import dev.ticketkit.report.DurationStats;
import dev.ticketkit.report.source.AggregateRow;
import dev.ticketkit.report.source.Dimension;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactQuery;
import dev.ticketkit.report.source.FactTable;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.report.source.Measure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Small helpers that build the report's fact queries and read their answers. Stateless and
 * thread-safe.
 */
final class Queries {

  /** The key shown for a null category, channel or agent. */
  static final String NONE = "(none)";

  private Queries() {}

  static Filter in(FactField f, Instant from, Instant to) {
    return new Filter.Between(f, from, to);
  }

  static Filter eq(FactField f, Object value) {
    return new Filter.Equal(f, value.toString());
  }

  static Dimension by(FactField f) {
    return new Dimension.Key(f);
  }

  /** Counts the facts of a table matching the filters. */
  static LongSupplier count(QueryBatch b, FactTable table, Filter... filters) {
    Supplier<List<AggregateRow>> rows = b.add(new FactQuery(table, List.of(filters), List.of(),
        List.of(Measure.count())));
    return () -> rows.get().get(0).value(0);
  }

  /** Counts per key of one dimension; a null key becomes {@link #NONE}. */
  static Supplier<Map<String, Long>> countBy(QueryBatch b, FactTable table, Dimension d,
      Filter... filters) {
    Supplier<List<AggregateRow>> rows = b.add(new FactQuery(table, List.of(filters), List.of(d),
        List.of(Measure.count())));
    return () -> {
      Map<String, Long> out = new LinkedHashMap<>();
      for (AggregateRow row : rows.get()) {
        out.merge(key(row.key(0)), row.value(0), Long::sum);
      }
      return out;
    };
  }

  /** Counts per pair of keys, keyed {@code first + '\t' + second}. */
  static Supplier<Map<String, Long>> countBy2(
      QueryBatch b, FactTable table, Dimension d1, Dimension d2, Filter... filters) {
    Supplier<List<AggregateRow>> rows = b.add(new FactQuery(table, List.of(filters),
        List.of(d1, d2), List.of(Measure.count())));
    return () -> {
      Map<String, Long> out = new LinkedHashMap<>();
      for (AggregateRow row : rows.get()) {
        out.merge(key(row.key(0)) + "\t" + key(row.key(1)), row.value(0), Long::sum);
      }
      return out;
    };
  }

  /** Duration statistics of a duration field over the matching facts, per key of a dimension. */
  static Supplier<Map<String, DurationStats>> statsBy(
      QueryBatch b, FactTable table, FactField duration, @Nullable Dimension d,
      Filter... filters) {
    List<Measure> m = List.of(new Measure.CountOf(duration), new Measure.Sum(duration),
        new Measure.Percentile(duration, 0.5), new Measure.Percentile(duration, 0.9));
    Supplier<List<AggregateRow>> rows = b.add(new FactQuery(table, List.of(filters),
        d == null ? List.of() : List.of(d), m));
    return () -> {
      Map<String, DurationStats> out = new LinkedHashMap<>();
      for (AggregateRow row : rows.get()) {
        out.put(d == null ? "" : key(row.key(0)), stats(row));
      }
      return out;
    };
  }

  static Supplier<DurationStats> stats(QueryBatch b, FactTable table, FactField duration,
      Filter... filters) {
    Supplier<Map<String, DurationStats>> by = statsBy(b, table, duration, null, filters);
    return () -> by.get().getOrDefault("", DurationStats.NONE);
  }

  private static DurationStats stats(AggregateRow row) {
    long n = row.value(0);
    Long sum = row.valueOrNull(1);
    if (n == 0 || sum == null) {
      return DurationStats.NONE;
    }
    return new DurationStats(n, Duration.ofMillis(Math.floorDiv(sum, n)),
        millis(row.valueOrNull(2)), millis(row.valueOrNull(3)));
  }

  private static @Nullable Duration millis(@Nullable Long v) {
    return v == null ? null : Duration.ofMillis(v);
  }

  static String key(@Nullable String k) {
    return k == null ? NONE : k;
  }

  /** Turns counts into shares of their total, largest first, ties by key. */
  static List<Count> shares(Map<String, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    List<Count> out = new ArrayList<>();
    counts.forEach((k, v) -> out.add(new Count(k, v, ratio(v, total) == null ? 0 : ratio(v, total))));
    out.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key));
    return out;
  }

  static @Nullable Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
