package dev.ticketkit.report.internal;

import dev.ticketkit.report.source.FactField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One fact table of a snapshot as columns, built on first use per field: an instant field as
 * its nanoseconds since the epoch in a {@code long[]} ({@link #NULL} where the field is null),
 * a key field as dictionary codes in an {@code int[]} (-1 where null; equal texts share a code),
 * a duration field as milliseconds in a {@code long[]} ({@link #ABSENT} where null).
 * Filters and groupings then compare primitives instead of reading the facts. A following
 * source's snapshot ({@link KeptTable#snapshot}) comes with every column already built and
 * with rows that are no longer live (replaced by a later version of their ticket): {@link
 * #live} tells them apart.
 *
 * <p>Implementation notes: nanoseconds since the epoch fit a {@code long} for instants between
 * the years 1677 and 2262; a column with a value outside that range is not built (null), and
 * the caller answers from the facts instead. Bounds are saturated ({@link #bound}), which keeps
 * every comparison with an encodable value exact. Not thread-safe (a reader's own).
 */
final class FactColumns {

  /** The instant column's value for a null instant (below every encodable instant). */
  static final long NULL = Long.MIN_VALUE;

  /** The duration column's value for a null duration. */
  static final long ABSENT = Long.MIN_VALUE;

  private final Object[] facts;
  private final int size;
  /** The live rows as a bitset, or null when every row is live. */
  private final long @Nullable [] live;
  private @Nullable List<?> liveFacts;
  private final Map<FactField, long @Nullable []> instants = new EnumMap<>(FactField.class);
  private final Map<FactField, Keys> keys = new EnumMap<>(FactField.class);
  private final Map<FactField, long @Nullable []> durations = new EnumMap<>(FactField.class);

  /** A key column: a code per fact and the text of each code. */
  record Keys(int[] codes, List<String> texts, Map<String, Integer> byText) {
    /** The code of a text, or -2 (no fact has it). */
    int code(String text) {
      Integer c = byText.get(text);
      // a kept dictionary may know texts added after this snapshot: no row here has them
      return c == null || c >= texts.size() ? -2 : c;
    }

    @Nullable String text(int code) {
      return code < 0 ? null : texts.get(code);
    }
  }

  FactColumns(List<?> facts) {
    this.facts = facts.toArray();
    this.size = this.facts.length;
    this.live = null;
    this.liveFacts = facts;
  }

  /**
   * Columns already built (a kept table's snapshot): the arrays are read only below {@code
   * size}, and never written there again by their owner.
   */
  FactColumns(Object[] facts, int size, long @Nullable [] live,
      Map<FactField, long @Nullable []> instants, Map<FactField, Keys> keys,
      Map<FactField, long @Nullable []> durations) {
    this.facts = facts;
    this.size = size;
    this.live = live;
    this.instants.putAll(instants);
    this.keys.putAll(keys);
    this.durations.putAll(durations);
  }

  /** Tells whether a row is live (not replaced by a later version of its ticket). */
  boolean live(int i) {
    return live == null || (live[i >>> 6] & (1L << i)) != 0;
  }

  /** Tells whether every row is live. */
  boolean allLive() {
    return live == null;
  }

  /** The live facts, in row order. */
  List<?> liveFacts() {
    if (liveFacts == null) {
      List<Object> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        if (live(i)) {
          out.add(facts[i]);
        }
      }
      liveFacts = java.util.Collections.unmodifiableList(out);
    }
    return liveFacts;
  }

  /** The number of rows, live or not. */
  int size() {
    return size;
  }

  Object fact(int i) {
    return facts[i];
  }

  /** The instant column of a field, or null if some value cannot be encoded. */
  long @Nullable [] instants(FactField field) {
    if (instants.containsKey(field)) {
      return instants.get(field);
    }
    long[] col = new long[size];
    for (int i = 0; col != null && i < size; i++) {
      Instant v = FactValues.instant(facts[i], field);
      if (v == null) {
        col[i] = NULL;
      } else {
        long e = encode(v);
        if (e == NULL) {
          col = null;
        } else {
          col[i] = e;
        }
      }
    }
    instants.put(field, col);
    return col;
  }

  /** The key column of a field (not {@link FactField#TAG}). */
  Keys keys(FactField field) {
    Keys k = keys.get(field);
    if (k != null) {
      return k;
    }
    int[] codes = new int[size];
    List<String> texts = new ArrayList<>();
    Map<String, Integer> byText = new HashMap<>();
    Map<Object, Integer> byRaw = new HashMap<>();
    int[] small = new int[SMALL];
    for (int i = 0; i < codes.length; i++) {
      Object raw = FactValues.raw(facts[i], field);
      if (raw == null) {
        codes[i] = -1;
        continue;
      }
      int slot = slot(raw);
      if (slot >= 0 && small[slot] > 0) {
        codes[i] = small[slot] - 1;
        continue;
      }
      Integer c = byRaw.get(raw);
      if (c == null) {
        String text = FactValues.key(facts[i], field);
        c = byText.get(text);
        if (c == null) {
          c = texts.size();
          texts.add(text);
          byText.put(text, c);
        }
        byRaw.put(raw, c);
      }
      if (slot >= 0) {
        small[slot] = c + 1;
      }
      codes[i] = c;
    }
    k = new Keys(codes, texts, byText);
    keys.put(field, k);
    return k;
  }

  /**
   * The duration column of a field in milliseconds ({@link #ABSENT} where null), or null if a
   * value cannot be stored (it overflows, or equals the marker): the caller reads the facts.
   */
  long @Nullable [] durations(FactField field) {
    if (durations.containsKey(field)) {
      return durations.get(field);
    }
    long[] col = new long[size];
    for (int i = 0; col != null && i < size; i++) {
      col[i] = duration(facts[i], field);
      if (col[i] == BAD) {
        col = null;
      }
    }
    durations.put(field, col);
    return col;
  }

  /** A duration value that cannot be stored in a column. */
  static final long BAD = Long.MIN_VALUE + 1;

  /** A fact's duration in milliseconds, {@link #ABSENT} where null, or {@link #BAD}. */
  static long duration(Object fact, FactField field) {
    try {
      long v = FactValues.millisOr(fact, field, ABSENT);
      if (v == ABSENT) {
        return FactValues.millis(fact, field) == null ? ABSENT : BAD;
      }
      return v == BAD ? BAD : v;
    } catch (ArithmeticException overflow) {
      return BAD;
    }
  }

  /**
   * The code a dictionary gives a key field's raw value: an enum constant or a small integer
   * through {@link #slot}, anything else by its raw object, then by its text.
   */
  static int slotOf(Object raw) {
    return slot(raw);
  }

  private static final int SMALL = 64;

  /**
   * A direct slot for an enum constant or a small non-negative integer (their text depends on
   * the value alone), or -1: these skip the hash lookup.
   */
  private static int slot(Object raw) {
    if (raw instanceof Enum<?> e) {
      return e.ordinal() < SMALL / 2 ? e.ordinal() : -1;
    }
    if (raw instanceof Integer n) {
      return n >= 0 && n < SMALL / 2 ? SMALL / 2 + n : -1;
    }
    return -1;
  }

  /** Seconds within which the encoding cannot overflow. */
  private static final long SAFE_SECONDS = 9_000_000_000L;

  /** Nanoseconds since the epoch, or {@link #NULL} when out of range. */
  static long encode(Instant t) {
    long s = t.getEpochSecond();
    if (s > -SAFE_SECONDS && s < SAFE_SECONDS) {
      return s * 1_000_000_000L + t.getNano();
    }
    try {
      long e = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
      return e == Long.MAX_VALUE || e <= Long.MIN_VALUE + 1 ? NULL : e;
    } catch (ArithmeticException tooFar) {
      return NULL;
    }
  }

  /**
   * A bound to compare encoded values with: the encoding, or the nearest end of the range for an
   * instant beyond it (every encodable value lies strictly inside, so the comparisons agree).
   */
  static long bound(Instant t) {
    long e = encode(t);
    if (e != NULL) {
      return e;
    }
    return t.getEpochSecond() < 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
  }

  /** The epoch milliseconds of an encoded instant ({@link Instant#toEpochMilli()}). */
  static long millis(long encoded) {
    return Math.floorDiv(encoded, 1_000_000L);
  }
}
