package dev.ticketkit.report.internal;

import dev.ticketkit.report.source.AggregateRow;
import dev.ticketkit.report.source.Dimension;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactQuery;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.report.source.Measure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Answers aggregate queries over the columns of one fact table ({@link FactColumns}): each
 * query's first period condition ({@link Filter.Between}) selects its candidate facts by one
 * scan of a primitive column (shared by the queries with an equal condition), its other
 * conditions are primitive comparisons, and its groups are found by primitive keys. Each answer
 * equals the row-by-row answer of {@link MemoryFactReader#aggregate}, rows in the order their
 * groups were first met. A query grouped by tag alone reads the tags of the facts that pass its
 * conditions (one group per tag). Queries with a tag condition, a tag among several dimensions,
 * more than two dimensions, or on a column that cannot be encoded are not answered here
 * ({@link #compile} returns null). Not thread-safe.
 */
final class ColumnBatch {

  private final FactColumns columns;
  private final Map<Filter, int[]> slices = new HashMap<>();

  ColumnBatch(FactColumns columns) {
    this.columns = columns;
  }

  /** A condition compiled to a comparison on a column. */
  private static final class Test {
    static final int BETWEEN = 0;
    static final int BEFORE = 1;
    static final int NOT_BEFORE = 2;
    static final int NULL_INSTANT = 3;
    static final int EQUAL = 4;
    static final int NOT_EQUAL = 5;
    static final int NULL_KEY = 6;
    static final int CODE_IN = 7;

    final int kind;
    long @Nullable [] instants;
    int @Nullable [] codes;
    long from;
    long to;
    int code;
    boolean want;
    boolean @Nullable [] accepted;

    Test(int kind) {
      this.kind = kind;
    }

    @SuppressWarnings("NullAway")
    boolean test(int i) {
      switch (kind) {
        case BETWEEN: {
          long v = instants[i];
          return v != FactColumns.NULL && v >= from && v < to;
        }
        case BEFORE: {
          long v = instants[i];
          return v != FactColumns.NULL && v < from;
        }
        case NOT_BEFORE: {
          long v = instants[i];
          return v == FactColumns.NULL || v >= from;
        }
        case NULL_INSTANT:
          return (instants[i] == FactColumns.NULL) == want;
        case EQUAL:
          return codes[i] == code;
        case NOT_EQUAL:
          return codes[i] != code;
        case NULL_KEY:
          return (codes[i] < 0) == want;
        default: {
          int c = codes[i];
          return c >= 0 && accepted[c];
        }
      }
    }
  }

  /** A compiled query and its running groups. */
  final class Plan {
    final FactQuery query;
    final @Nullable Filter driver;
    final Test[] tests;
    final Test[] conditions;
    final Dimension[] dims;
    final long @Nullable [][] dimInstants;
    final FactColumns.@Nullable Keys[] dimKeys;
    final Measure[] measures;
    final FactField[] durations;
    /** Each duration measure's column, or null where the facts must be read. */
    final long @Nullable [][] durationColumns;
    /** For a percentile, the first percentile measure of the same field (they share values). */
    final int[] valuesOf;
    final List<Group> groups = new ArrayList<>();
    final PairIndex index = new PairIndex();
    /** For a query grouped by tag alone: each tag's code, else null. */
    final @Nullable Map<String, Integer> tags;
    final List<String> tagTexts = new ArrayList<>();

    Plan(FactQuery query, @Nullable Filter driver, Test[] tests, Test[] conditions,
        Dimension[] dims, long[][] dimInstants, FactColumns.Keys[] dimKeys) {
      this.query = query;
      this.driver = driver;
      this.tests = tests;
      this.conditions = conditions;
      this.dims = dims;
      this.dimInstants = dimInstants;
      this.dimKeys = dimKeys;
      this.measures = query.measures().toArray(new Measure[0]);
      this.tags = dims.length == 1 && dims[0].field() == FactField.TAG ? new HashMap<>() : null;
      this.durations = new FactField[measures.length];
      this.durationColumns = new long[measures.length][];
      this.valuesOf = new int[measures.length];
      for (int m = 0; m < measures.length; m++) {
        durations[m] = duration(measures[m]);
        durationColumns[m] = durations[m] == null ? null : columns.durations(durations[m]);
        valuesOf[m] = m;
        if (measures[m] instanceof Measure.Percentile p) {
          for (int o = 0; o < m; o++) {
            if (measures[o] instanceof Measure.Percentile q && q.field() == p.field()) {
              valuesOf[m] = o;
              break;
            }
          }
        }
      }
    }

    /** Scans the candidates and adds the matching facts to their groups. */
    void run() {
      int[] slice = driver == null ? null : slice(driver);
      int n = slice == null ? columns.size() : slice.length;
      boolean allLive = slice != null || columns.allLive();
      outer:
      for (int k = 0; k < n; k++) {
        int i = slice == null ? k : slice[k];
        if (!allLive && !columns.live(i)) {
          continue;
        }
        for (Test t : tests) {
          if (!t.test(i)) {
            continue outer;
          }
        }
        add(i);
      }
    }

    private void add(int i) {
      if (tags != null) {
        // grouped by tag alone: the fact falls into one group per tag (none without tags)
        for (dev.ticketkit.core.Tag t : ((dev.ticketkit.report.source.CycleFact) columns.fact(i))
            .tags()) {
          Integer code = tags.get(t.value());
          if (code == null) {
            code = tags.size();
            tags.put(t.value(), code);
            tagTexts.add(t.value());
          }
          add(i, code, 0);
        }
        return;
      }
      add(i, dims.length > 0 ? dimValue(0, i) : 0, dims.length > 1 ? dimValue(1, i) : 0);
    }

    private void add(int i, long a, long b) {
      int g = index.get(a, b);
      if (g < 0) {
        g = groups.size();
        groups.add(new Group(a, b, measures.length));
        index.put(a, b, g);
      }
      Group group = groups.get(g);
      group.count++;
      Object fact = null;
      for (int m = 0; m < measures.length; m++) {
        if (measures[m] instanceof Measure.CountIf) {
          group.counts[m] += conditions[m].test(i) ? 1 : 0;
          continue;
        }
        FactField f = durations[m];
        if (f == null) {
          continue;
        }
        long v;
        long[] col = durationColumns[m];
        if (col != null) {
          v = col[i];
          if (v == FactColumns.ABSENT) {
            continue;
          }
        } else {
          if (fact == null) {
            fact = columns.fact(i);
          }
          v = FactValues.millisOr(fact, f, Long.MIN_VALUE);
          if (v == Long.MIN_VALUE && FactValues.millis(fact, f) == null) {
            continue;
          }
        }
        group.measure(m, v, valuesOf[m] == m && measures[m] instanceof Measure.Percentile);
      }
    }

    @SuppressWarnings("NullAway")
    private long dimValue(int d, int i) {
      Dimension dim = dims[d];
      if (dim instanceof Dimension.Key) {
        return dimKeys[d].codes()[i];
      }
      long v = dimInstants[d][i];
      if (v == FactColumns.NULL) {
        return Long.MIN_VALUE;
      }
      long ms = FactColumns.millis(v);
      return dim instanceof Dimension.AgeDays age
          ? Math.floorDiv(age.at().toEpochMilli() - ms, Dimension.DAY_MILLIS)
          : Math.floorDiv(ms, Dimension.QUARTER_HOUR_MILLIS);
    }

    @SuppressWarnings("NullAway")
    private @Nullable String keyText(int d, long v) {
      if (tags != null) {
        return tagTexts.get((int) v);
      }
      if (dims[d] instanceof Dimension.Key) {
        return dimKeys[d].text((int) v);
      }
      return v == Long.MIN_VALUE ? null : Long.toString(v);
    }

    List<AggregateRow> rows() {
      if (dims.length == 0 && groups.isEmpty()) {
        groups.add(new Group(0, 0, measures.length));
      }
      List<AggregateRow> out = new ArrayList<>(groups.size());
      for (Group g : groups) {
        List<@Nullable String> keys = new ArrayList<>(dims.length);
        if (dims.length > 0) {
          keys.add(keyText(0, g.a));
        }
        if (dims.length > 1) {
          keys.add(keyText(1, g.b));
        }
        out.add(new AggregateRow(keys, g.values(measures, valuesOf)));
      }
      return out;
    }
  }

  /** The running measures of one group. */
  private static final class Group {
    final long a;
    final long b;
    long count;
    final long[] counts;
    final long[] sums;
    final boolean[] summed;
    final long[][] values;
    final int[] sizes;

    Group(long a, long b, int measures) {
      this.a = a;
      this.b = b;
      counts = new long[measures];
      sums = new long[measures];
      summed = new boolean[measures];
      values = new long[measures][];
      sizes = new int[measures];
    }

    void measure(int m, long v, boolean keep) {
      counts[m]++;
      sums[m] += v;
      summed[m] = true;
      if (keep) {
        if (values[m] == null) {
          values[m] = new long[16];
        } else if (sizes[m] == values[m].length) {
          values[m] = Arrays.copyOf(values[m], sizes[m] * 2);
        }
        values[m][sizes[m]++] = v;
      }
    }

    List<@Nullable Long> values(Measure[] measures, int[] valuesOf) {
      List<@Nullable Long> out = new ArrayList<>(measures.length);
      for (int m = 0; m < measures.length; m++) {
        if (values[m] != null) {
          Arrays.sort(values[m], 0, sizes[m]);
        }
      }
      for (int m = 0; m < measures.length; m++) {
        Measure x = measures[m];
        if (x instanceof Measure.Count) {
          out.add(count);
        } else if (x instanceof Measure.CountOf || x instanceof Measure.CountIf) {
          out.add(counts[m]);
        } else if (x instanceof Measure.Sum) {
          out.add(summed[m] ? sums[m] : null);
        } else {
          Measure.Percentile p = (Measure.Percentile) x;
          int v = valuesOf[m];
          out.add(values[v] == null ? null : Percentiles.ofSorted(values[v], sizes[v], p.p()));
        }
      }
      return out;
    }
  }

  /**
   * Compiles a query, or returns null if it cannot be answered from the columns.
   *
   * @param query a query on this batch's table
   * @return its plan, or null
   */
  @Nullable Plan compile(FactQuery query) {
    if (query.groupBy().size() > 2) {
      return null;
    }
    Filter driver = null;
    List<Test> tests = new ArrayList<>();
    for (Filter f : query.filters()) {
      if (driver == null && f instanceof Filter.Between b
          && columns.instants(b.field()) != null) {
        driver = f;
        continue;
      }
      Test t = test(f);
      if (t == null) {
        return null;
      }
      tests.add(t);
    }
    Test[] conditions = new Test[query.measures().size()];
    for (int m = 0; m < conditions.length; m++) {
      if (query.measures().get(m) instanceof Measure.CountIf c) {
        conditions[m] = test(c.condition());
        if (conditions[m] == null) {
          return null;
        }
      }
    }
    int n = query.groupBy().size();
    Dimension[] dims = query.groupBy().toArray(new Dimension[0]);
    long[][] dimInstants = new long[n][];
    FactColumns.Keys[] dimKeys = new FactColumns.Keys[n];
    for (int d = 0; d < n; d++) {
      if (dims[d].field() == FactField.TAG) {
        if (n > 1) {
          return null;
        }
        continue;
      }
      if (dims[d] instanceof Dimension.Key) {
        dimKeys[d] = columns.keys(dims[d].field());
      } else {
        dimInstants[d] = columns.instants(dims[d].field());
        if (dimInstants[d] == null) {
          return null;
        }
      }
    }
    return new Plan(query, driver, tests.toArray(new Test[0]), conditions, dims, dimInstants,
        dimKeys);
  }

  private @Nullable Test test(Filter f) {
    if (f.field() == FactField.TAG) {
      return null;
    }
    if (f.field().kind() == FactField.Kind.INSTANT) {
      long[] col = columns.instants(f.field());
      if (col == null) {
        return null;
      }
      Test t;
      if (f instanceof Filter.Between b) {
        t = new Test(Test.BETWEEN);
        t.from = FactColumns.bound(b.fromInclusive());
        t.to = FactColumns.bound(b.toExclusive());
      } else if (f instanceof Filter.Before b) {
        t = new Test(Test.BEFORE);
        t.from = FactColumns.bound(b.instant());
      } else if (f instanceof Filter.NotBefore nb) {
        t = new Test(Test.NOT_BEFORE);
        t.from = FactColumns.bound(nb.instant());
      } else {
        t = new Test(Test.NULL_INSTANT);
        t.want = ((Filter.Null) f).isNull();
      }
      t.instants = col;
      return t;
    }
    if (f.field().kind() != FactField.Kind.KEY) {
      return null;
    }
    FactColumns.Keys keys = columns.keys(f.field());
    Test t;
    if (f instanceof Filter.Equal e) {
      t = new Test(Test.EQUAL);
      t.code = keys.code(e.value());
    } else if (f instanceof Filter.NotEqual ne) {
      t = new Test(Test.NOT_EQUAL);
      t.code = keys.code(ne.value());
    } else if (f instanceof Filter.CategoryWithin w) {
      t = new Test(Test.CODE_IN);
      t.accepted = new boolean[keys.texts().size()];
      for (int c = 0; c < t.accepted.length; c++) {
        String text = keys.texts().get(c);
        t.accepted[c] = text.equals(w.path()) || text.startsWith(w.path() + "/");
      }
    } else if (f instanceof Filter.Null nl) {
      t = new Test(Test.NULL_KEY);
      t.want = nl.isNull();
    } else {
      return null;
    }
    t.codes = keys.codes();
    return t;
  }

  /** The positions of the facts a period condition selects, in fact order, computed once. */
  private int[] slice(Filter driver) {
    int[] hit = slices.get(driver);
    if (hit != null) {
      return hit;
    }
    Test t = test(driver);
    int[] out = new int[64];
    int n = 0;
    boolean allLive = columns.allLive();
    for (int i = 0; i < columns.size(); i++) {
      if (t.test(i) && (allLive || columns.live(i))) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = i;
      }
    }
    hit = Arrays.copyOf(out, n);
    slices.put(driver, hit);
    return hit;
  }

  private static @Nullable FactField duration(Measure m) {
    if (m instanceof Measure.CountOf c) {
      return c.field();
    } else if (m instanceof Measure.Sum s) {
      return s.field();
    } else if (m instanceof Measure.Percentile p) {
      return p.field();
    }
    return null;
  }

  /** An open-addressing map from a pair of longs to a group's place. */
  static final class PairIndex {
    private long[] firsts = new long[16];
    private long[] seconds = new long[16];
    private int[] places = new int[16];
    private int size;

    PairIndex() {
      Arrays.fill(places, -1);
    }

    int get(long a, long b) {
      int mask = places.length - 1;
      for (int s = hash(a, b) & mask; ; s = (s + 1) & mask) {
        if (places[s] < 0) {
          return -1;
        }
        if (firsts[s] == a && seconds[s] == b) {
          return places[s];
        }
      }
    }

    void put(long a, long b, int place) {
      if ((size + 1) * 2 > places.length) {
        grow();
      }
      int mask = places.length - 1;
      int s = hash(a, b) & mask;
      while (places[s] >= 0) {
        s = (s + 1) & mask;
      }
      firsts[s] = a;
      seconds[s] = b;
      places[s] = place;
      size++;
    }

    private void grow() {
      long[] f = firsts;
      long[] sc = seconds;
      int[] p = places;
      firsts = new long[p.length * 2];
      seconds = new long[p.length * 2];
      places = new int[p.length * 2];
      Arrays.fill(places, -1);
      size = 0;
      for (int s = 0; s < p.length; s++) {
        if (p[s] >= 0) {
          put(f[s], sc[s], p[s]);
        }
      }
    }

    private static int hash(long a, long b) {
      long h = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL;
      return (int) (h ^ (h >>> 29));
    }
  }
}
