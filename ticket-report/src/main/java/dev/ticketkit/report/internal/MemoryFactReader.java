package dev.ticketkit.report.internal;

import dev.ticketkit.report.source.AggregateRow;
import dev.ticketkit.report.source.CycleFact;
import dev.ticketkit.report.source.Dimension;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactQuery;
import dev.ticketkit.report.source.FactReader;
import dev.ticketkit.report.source.FactTable;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.report.source.Measure;
import dev.ticketkit.report.source.SampleQuery;
import dev.ticketkit.core.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FactReader} over a snapshot of facts in memory: a single query is one pass over the
 * slice of its table that its period condition selects; a batch ({@link #aggregateAll}) is one
 * pass over each table it reads, for all its queries together. Not thread-safe (as readers need not be); the snapshot itself is immutable.
 */
public final class MemoryFactReader implements FactReader {

  private final @Nullable FactSet facts;
  /** Each table's rows as columns (from the snapshot's lists, or kept by a following source). */
  private final Map<FactTable, FactColumns> columns = new java.util.EnumMap<>(FactTable.class);
  /** Each table's columns with the slices its queries asked so far, built on first use. */
  private final Map<FactTable, ColumnBatch> batches = new java.util.EnumMap<>(FactTable.class);
  /** The support-process facts ({@link #withProcess}). */
  private List<ProcessFact> process = List.of();
  /** The facts that matched each filter list asked so far: later queries scan only those. */
  private final Map<List<Filter>, List<?>> matched = new java.util.HashMap<>();

  /**
   * Creates a reader over a snapshot.
   *
   * @param facts the facts
   */
  public MemoryFactReader(FactSet facts) {
    this.facts = Objects.requireNonNull(facts, "facts");
    columns.put(FactTable.CYCLES, new FactColumns(facts.cycles()));
    columns.put(FactTable.CLOCKS, new FactColumns(facts.clocks()));
    columns.put(FactTable.ESCALATIONS, new FactColumns(facts.escalations()));
  }

  /** A reader over columns already built (a following source's kept facts). */
  MemoryFactReader(FactColumns cycles, FactColumns clocks, FactColumns escalations) {
    this.facts = null;
    columns.put(FactTable.CYCLES, cycles);
    columns.put(FactTable.CLOCKS, clocks);
    columns.put(FactTable.ESCALATIONS, escalations);
  }

  /**
   * Returns the snapshot this reader answers from.
   *
   * @return the facts
   */
  @SuppressWarnings("unchecked")
  public FactSet facts() {
    if (facts != null) {
      return facts;
    }
    return new FactSet((List<CycleFact>) rows(FactTable.CYCLES),
        (List<dev.ticketkit.report.source.ClockFact>) rows(FactTable.CLOCKS),
        (List<dev.ticketkit.report.source.EscalationFact>) rows(FactTable.ESCALATIONS));
  }

  /** The running measures of one group. */
  private static final class Group {
    final List<@Nullable String> keys;
    long count;
    final long[] counts;
    final long[] sums;
    final boolean[] summed;
    final long[][] values;
    final int[] sizes;

    Group(List<@Nullable String> keys, int measures) {
      this.keys = keys;
      counts = new long[measures];
      sums = new long[measures];
      summed = new boolean[measures];
      values = new long[measures][];
      sizes = new int[measures];
    }
  }

  @Override
  public List<AggregateRow> aggregate(FactQuery query) {
    Map<List<@Nullable String>, Group> groups = new LinkedHashMap<>();
    boolean single = query.groupBy().stream().noneMatch(d -> d.field() == FactField.TAG);
    for (Object fact : matching(query.table(), query.filters())) {
      {
        if (single) {
          @Nullable String[] k = new String[query.groupBy().size()];
          for (int i = 0; i < k.length; i++) {
            k[i] = values(fact, query.groupBy().get(i)).get(0);
          }
          List<@Nullable String> keys = java.util.Arrays.asList(k);
          add(groups.computeIfAbsent(keys, x -> new Group(x, query.measures().size())), fact,
              query.measures());
          continue;
        }
        for (List<@Nullable String> keys : keys(fact, query.groupBy())) {
          Group g = groups.computeIfAbsent(keys, k -> new Group(k, query.measures().size()));
          add(g, fact, query.measures());
        }
      }
    }
    if (query.groupBy().isEmpty() && groups.isEmpty()) {
      groups.put(List.of(), new Group(List.of(), query.measures().size()));
    }
    List<AggregateRow> out = new ArrayList<>(groups.size());
    for (Group g : groups.values()) {
      out.add(new AggregateRow(g.keys, values(g, query.measures())));
    }
    return out;
  }

  /** One query of a batch while its table is scanned: its filters' places and its groups. */
  private static final class Pending {
    final FactQuery query;
    final int[] filters;
    final boolean single;
    final Map<List<@Nullable String>, Group> groups = new LinkedHashMap<>();

    Pending(FactQuery query, int[] filters) {
      this.query = query;
      this.filters = filters;
      this.single = query.groupBy().stream().noneMatch(d -> d.field() == FactField.TAG);
    }

    void add(Object fact) {
      if (!single) {
        for (List<@Nullable String> keys : keys(fact, query.groupBy())) {
          MemoryFactReader.add(group(keys), fact, query.measures());
        }
        return;
      }
      int n = query.groupBy().size();
      List<@Nullable String> keys;
      if (n == 0) {
        keys = List.of();
      } else if (n == 1) {
        keys = java.util.Collections.singletonList(values(fact, query.groupBy().get(0)).get(0));
      } else {
        @Nullable String[] k = new String[n];
        for (int i = 0; i < n; i++) {
          k[i] = values(fact, query.groupBy().get(i)).get(0);
        }
        keys = Arrays.asList(k);
      }
      MemoryFactReader.add(group(keys), fact, query.measures());
    }

    Group group(List<@Nullable String> keys) {
      Group g = groups.get(keys);
      if (g == null) {
        g = new Group(keys, query.measures().size());
        groups.put(keys, g);
      }
      return g;
    }

    List<AggregateRow> rows() {
      if (query.groupBy().isEmpty() && groups.isEmpty()) {
        groups.put(List.of(), new Group(List.of(), query.measures().size()));
      }
      List<AggregateRow> out = new ArrayList<>(groups.size());
      for (Group g : groups.values()) {
        out.add(new AggregateRow(g.keys, values(g, query.measures())));
      }
      return out;
    }
  }

  /**
   * Answers the queries from each table's columns ({@link ColumnBatch}: each query scans only
   * the facts its period condition selects, with primitive comparisons); the few queries that
   * cannot be answered from columns (tags) are answered in one pass over their table, where
   * every distinct filter is tested once per fact and each query whose filters all hold adds
   * the fact to its groups.
   */
  @Override
  public List<List<AggregateRow>> aggregateAll(List<FactQuery> queries) {
    List<List<AggregateRow>> out = new ArrayList<>(java.util.Collections.nCopies(queries.size(),
        (List<AggregateRow>) null));
    for (FactTable table : FactTable.values()) {
      List<Integer> places = new ArrayList<>();
      for (int i = 0; i < queries.size(); i++) {
        if (queries.get(i).table() == table) {
          places.add(i);
        }
      }
      if (places.isEmpty()) {
        continue;
      }
      ColumnBatch batch = batches.computeIfAbsent(table,
          t -> new ColumnBatch(this.columns.get(t)));
      List<Integer> rest = new ArrayList<>();
      for (int i : places) {
        ColumnBatch.Plan plan = batch.compile(queries.get(i));
        if (plan == null) {
          rest.add(i);
        } else {
          plan.run();
          out.set(i, plan.rows());
        }
      }
      if (rest.isEmpty()) {
        continue;
      }
      Map<Filter, Integer> distinct = new LinkedHashMap<>();
      List<Pending> pending = new ArrayList<>();
      for (int i : rest) {
        FactQuery q = queries.get(i);
        int[] f = new int[q.filters().size()];
        for (int j = 0; j < f.length; j++) {
          f[j] = distinct.computeIfAbsent(q.filters().get(j), x -> distinct.size());
        }
        pending.add(new Pending(q, f));
      }
      scan(rows(table), compile(List.copyOf(distinct.keySet())), pending);
      for (int k = 0; k < rest.size(); k++) {
        out.set(rest.get(k), pending.get(k).rows());
      }
    }
    return out;
  }

  private static void scan(List<?> facts, java.util.function.Predicate<Object>[] tests,
      List<Pending> pending) {
    boolean[] ok = new boolean[tests.length];
    for (Object fact : facts) {
      for (int i = 0; i < tests.length; i++) {
        ok[i] = tests[i].test(fact);
      }
      for (Pending p : pending) {
        boolean all = true;
        for (int i = 0; all && i < p.filters.length; i++) {
          all = ok[p.filters[i]];
        }
        if (all) {
          p.add(fact);
        }
      }
    }
  }

  @Override
  public List<CycleFact> sample(SampleQuery query) {
    Comparator<CycleFact> latestLast = Comparator
        .comparing((CycleFact c) -> FactValues.instant(c, query.latestFirstBy()),
            Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
        .thenComparingLong(CycleFact::ticketNumber)
        .thenComparingInt(CycleFact::cycle);
    PriorityQueue<CycleFact> kept = new PriorityQueue<>(query.limit() + 1, latestLast);
    TimeIndex ix = query.filters().stream().anyMatch(f -> f instanceof Filter.Between b
        && b.field() == query.latestFirstBy())
        ? indexes.computeIfAbsent(query.latestFirstBy(), x -> index(FactTable.CYCLES, x)) : null;
    if (ix != null) {
      latest(ix, query, kept);
    } else {
      for (Object o : matching(FactTable.CYCLES, query.filters())) {
        kept.add((CycleFact) o);
        if (kept.size() > query.limit()) {
          kept.poll();
        }
      }
    }
    List<CycleFact> out = new ArrayList<>(kept);
    out.sort(latestLast.reversed());
    return List.copyOf(out);
  }

  /**
   * Walks an index on the sample's order field from the latest fact back, keeping the matches,
   * and stops once it holds the limit and has passed every fact tied with the earliest kept.
   */
  private void latest(TimeIndex ix, SampleQuery query, PriorityQueue<CycleFact> kept) {
    java.util.function.Predicate<Object>[] tests = compile(query.filters());
    long stopBelow = Long.MIN_VALUE;
    for (int i = ix.facts().length - 1; i >= 0 && ix.millis()[i] >= stopBelow; i--) {
      Object fact = ix.facts()[i];
      boolean ok = true;
      for (int t = 0; ok && t < tests.length; t++) {
        ok = tests[t].test(fact);
      }
      if (ok) {
        kept.add((CycleFact) fact);
        if (kept.size() > query.limit()) {
          kept.poll();
        }
        if (kept.size() == query.limit()) {
          stopBelow = FactValues.instant(kept.peek(), query.latestFirstBy()).toEpochMilli();
        }
      }
    }
  }

  /**
   * Gives the reader its tenant's support-process facts.
   *
   * @param facts the facts
   * @return this reader
   */
  public MemoryFactReader withProcess(List<ProcessFact> facts) {
    this.process = List.copyOf(facts);
    return this;
  }

  @Override
  public dev.ticketkit.report.ProcessFigures process(
      dev.ticketkit.report.source.ProcessQuery query) {
    Objects.requireNonNull(query, "query");
    return ProcessMath.compute(process, query);
  }

  @Override
  public void close() {}

  /** The facts of a table that match every filter, computed once per filter list. */
  private List<?> matching(FactTable table, List<Filter> filters) {
    List<?> hit = matched.get(filters);
    if (hit != null && (hit.isEmpty() || table == tableOf(hit.get(0)))) {
      return hit;
    }
    java.util.function.Predicate<Object>[] tests = compile(filters);
    List<Object> out = new ArrayList<>();
    for (Object fact : candidates(table, filters)) {
      boolean ok = true;
      for (int i = 0; ok && i < tests.length; i++) {
        ok = tests[i].test(fact);
      }
      if (ok) {
        out.add(fact);
      }
    }
    if (!filters.isEmpty()) {
      matched.put(filters, out);
    }
    return out;
  }

  /**
   * Sorted by one instant field's epoch milliseconds: the facts where it is set, and those
   * milliseconds (ties in any order; the exact range test runs on the slice).
   */
  private record TimeIndex(Object[] facts, long[] millis) {}

  private final Map<FactField, TimeIndex> indexes = new java.util.EnumMap<>(FactField.class);

  /**
   * The facts a filter list can match: the slice of a time index when the list holds a range on
   * an instant field, else the whole table.
   */
  private List<?> candidates(FactTable table, List<Filter> filters) {
    for (Filter f : filters) {
      if (f instanceof Filter.Between b) {
        TimeIndex ix = indexes.computeIfAbsent(b.field(), x -> index(table, x));
        int from = lowerBound(ix.millis(), floorMillis(b.fromInclusive()));
        int to = lowerBound(ix.millis(), floorMillis(b.toExclusive()) + 1);
        return java.util.Arrays.asList(ix.facts()).subList(from, Math.max(from, to));
      }
    }
    return rows(table);
  }

  private static long floorMillis(Instant t) {
    return t.toEpochMilli();
  }

  private TimeIndex index(FactTable table, FactField field) {
    FactColumns cols = columns.get(table);
    long[] nanos = cols.instants(field);
    if (nanos != null && cols.size() < PACKED_LIMIT) {
      TimeIndex ix = index(cols, nanos);
      if (ix != null) {
        return ix;
      }
    }
    List<?> rows = rows(table);
    List<Object> with = new ArrayList<>();
    for (Object fact : rows) {
      if (FactValues.instant(fact, field) != null) {
        with.add(fact);
      }
    }
    int n = with.size();
    boolean packable = n < PACKED_LIMIT;
    for (int i = 0; packable && i < n; i++) {
      long ms = FactValues.instant(with.get(i), field).toEpochMilli();
      packable = ms < PACKED_MILLIS && ms >= -PACKED_MILLIS;
    }
    if (packable) {
      long[] packed = new long[n];
      for (int i = 0; i < n; i++) {
        packed[i] = (FactValues.instant(with.get(i), field).toEpochMilli() << INDEX_BITS) | i;
      }
      java.util.Arrays.sort(packed);
      Object[] facts = new Object[n];
      long[] millis = new long[n];
      for (int i = 0; i < n; i++) {
        facts[i] = with.get((int) (packed[i] & (PACKED_LIMIT - 1)));
        millis[i] = packed[i] >> INDEX_BITS;
      }
      return new TimeIndex(facts, millis);
    }
    with.sort(Comparator.comparing(fact -> FactValues.instant(fact, field)));
    long[] millis = new long[n];
    for (int i = 0; i < n; i++) {
      millis[i] = FactValues.instant(with.get(i), field).toEpochMilli();
    }
    return new TimeIndex(with.toArray(), millis);
  }

  /**
   * The same index from an instant column: no fact is read but those the index holds; null if
   * an instant lies beyond the packing's range.
   */
  private static @Nullable TimeIndex index(FactColumns cols, long[] nanos) {
    int n = 0;
    long[] packed = new long[cols.size()];
    for (int i = 0; i < cols.size(); i++) {
      if (nanos[i] != FactColumns.NULL && cols.live(i)) {
        long ms = FactColumns.millis(nanos[i]);
        if (ms >= PACKED_MILLIS || ms < -PACKED_MILLIS) {
          return null;
        }
        packed[n++] = (ms << INDEX_BITS) | i;
      }
    }
    java.util.Arrays.sort(packed, 0, n);
    Object[] facts = new Object[n];
    long[] millis = new long[n];
    for (int k = 0; k < n; k++) {
      facts[k] = cols.fact((int) (packed[k] & (PACKED_LIMIT - 1)));
      millis[k] = packed[k] >> INDEX_BITS;
    }
    return new TimeIndex(facts, millis);
  }

  /**
   * Facts per index packed with their epoch milliseconds into one long, for a primitive sort
   * (exact for instants within about 139 years of the epoch, which covers 1970 to 2100).
   */
  private static final int INDEX_BITS = 21;
  private static final int PACKED_LIMIT = 1 << INDEX_BITS;
  /** The epoch milliseconds the packing holds exactly: within about 139 years of 1970. */
  private static final long PACKED_MILLIS = 1L << (62 - INDEX_BITS);

  /** The first position whose milliseconds are not below the key. */
  private static int lowerBound(long[] millis, long key) {
    int lo = 0;
    int hi = millis.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (millis[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }


  private static FactTable tableOf(Object fact) {
    return fact instanceof CycleFact ? FactTable.CYCLES
        : fact instanceof dev.ticketkit.report.source.ClockFact ? FactTable.CLOCKS
            : FactTable.ESCALATIONS;
  }

  @SuppressWarnings("unchecked")
  private static java.util.function.Predicate<Object>[] compile(List<Filter> filters) {
    java.util.function.Predicate<Object>[] out = new java.util.function.Predicate[filters.size()];
    for (int i = 0; i < out.length; i++) {
      Filter f = filters.get(i);
      if (f instanceof Filter.Between b) {
        Instant from = b.fromInclusive();
        Instant to = b.toExclusive();
        FactField field = b.field();
        out[i] = fact -> {
          Instant v = FactValues.instant(fact, field);
          return v != null && !v.isBefore(from) && v.isBefore(to);
        };
      } else {
        out[i] = fact -> matches(fact, f);
      }
    }
    return out;
  }

  private List<?> rows(FactTable table) {
    return columns.get(table).liveFacts();
  }

  static boolean matches(Object fact, List<Filter> filters) {
    for (Filter f : filters) {
      if (!matches(fact, f)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(Object fact, Filter filter) {
    if (filter instanceof Filter.Between b) {
      Instant v = FactValues.instant(fact, b.field());
      return v != null && !v.isBefore(b.fromInclusive()) && v.isBefore(b.toExclusive());
    } else if (filter instanceof Filter.Before b) {
      Instant v = FactValues.instant(fact, b.field());
      return v != null && v.isBefore(b.instant());
    } else if (filter instanceof Filter.NotBefore n) {
      Instant v = FactValues.instant(fact, n.field());
      return v == null || !v.isBefore(n.instant());
    } else if (filter instanceof Filter.Equal e) {
      if (e.field() == FactField.TAG) {
        return ((CycleFact) fact).tags().contains(Tag.of(e.value()));
      }
      return e.value().equals(FactValues.key(fact, e.field()));
    }
    if (filter instanceof Filter.NotEqual n) {
      return !n.value().equals(FactValues.key(fact, n.field()));
    }
    if (filter instanceof Filter.CategoryWithin w) {
      String c = FactValues.key(fact, FactField.CATEGORY);
      return c != null && (c.equals(w.path()) || c.startsWith(w.path() + "/"));
    }
    Filter.Null n = (Filter.Null) filter;
    return FactValues.isNull(fact, n.field()) == n.isNull();
  }

  private static List<List<@Nullable String>> keys(Object fact, List<Dimension> dims) {
    List<List<@Nullable String>> out = new ArrayList<>();
    out.add(new ArrayList<>());
    for (Dimension d : dims) {
      List<@Nullable String> values = values(fact, d);
      List<List<@Nullable String>> next = new ArrayList<>();
      for (List<@Nullable String> prefix : out) {
        for (String v : values) {
          List<@Nullable String> k = new ArrayList<>(prefix);
          k.add(v);
          next.add(k);
        }
      }
      out = next;
    }
    return out;
  }

  private static List<@Nullable String> values(Object fact, Dimension d) {
    if (d instanceof Dimension.Key k) {
      if (k.field() == FactField.TAG) {
        List<@Nullable String> tags = new ArrayList<>();
        ((CycleFact) fact).tags().forEach(t -> tags.add(t.value()));
        return tags;
      }
      return java.util.Collections.singletonList(FactValues.key(fact, k.field()));
    }
    Instant v = FactValues.instant(fact, d.field());
    if (v == null) {
      return java.util.Collections.singletonList(null);
    }
    long bucket = d instanceof Dimension.AgeDays a
        ? Math.floorDiv(a.at().toEpochMilli() - v.toEpochMilli(), Dimension.DAY_MILLIS)
        : Math.floorDiv(v.toEpochMilli(), Dimension.QUARTER_HOUR_MILLIS);
    return List.of(Long.toString(bucket));
  }

  private static void add(Group g, Object fact, List<Measure> measures) {
    g.count++;
    for (int i = 0; i < measures.size(); i++) {
      Measure m = measures.get(i);
      if (m instanceof Measure.Count) {
        continue;
      }
      if (m instanceof Measure.CountIf c) {
        g.counts[i] += matches(fact, c.condition()) ? 1 : 0;
        continue;
      }
      Long v = FactValues.millis(fact, field(m));
      if (v == null) {
        continue;
      }
      g.counts[i]++;
      g.sums[i] += v;
      g.summed[i] = true;
      if (m instanceof Measure.Percentile) {
        if (g.values[i] == null) {
          g.values[i] = new long[16];
        } else if (g.sizes[i] == g.values[i].length) {
          g.values[i] = Arrays.copyOf(g.values[i], g.sizes[i] * 2);
        }
        g.values[i][g.sizes[i]++] = v;
      }
    }
  }

  private static List<@Nullable Long> values(Group g, List<Measure> measures) {
    List<@Nullable Long> out = new ArrayList<>(measures.size());
    for (int i = 0; i < measures.size(); i++) {
      Measure m = measures.get(i);
      if (m instanceof Measure.Count) {
        out.add(g.count);
      } else if (m instanceof Measure.CountOf || m instanceof Measure.CountIf) {
        out.add(g.counts[i]);
      } else if (m instanceof Measure.Sum) {
        out.add(g.summed[i] ? g.sums[i] : null);
      } else {
        Measure.Percentile p = (Measure.Percentile) m;
        out.add(g.values[i] == null ? null : Percentiles.of(g.values[i], g.sizes[i], p.p()));
      }
    }
    return out;
  }

  private static FactField field(Measure m) {
    if (m instanceof Measure.CountOf c) {
      return c.field();
    } else if (m instanceof Measure.Sum s) {
      return s.field();
    }
    return ((Measure.Percentile) m).field();
  }

}
