package dev.ticketkit.report.internal;

import dev.ticketkit.core.TicketId;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One fact table of a tenant kept as columns between reports by a following source: every
 * instant, key and duration field of each fact as a primitive column ({@link FactColumns}'s
 * encodings), with the rows of each ticket together. Replacing a ticket's facts marks its old
 * rows dead and appends the new ones; once dead rows outnumber live ones the table is copied
 * without them. A {@link #snapshot} shares the arrays (they are written only beyond its size,
 * or replaced by a compaction) and copies the live bitset, so it stays valid while the table
 * changes. Key codes come from a dictionary per field that only grows.
 *
 * <p>Implementation notes: rows are appended at {@code size}; a row below {@code size} is never
 * written again, only its live bit cleared, so a snapshot taken at size n reads rows below n
 * safely once it was handed over under the owner's lock. An instant outside the encodable range
 * (1677-2262) or a duration that cannot be stored makes its column unusable (null in the
 * snapshot: the reader answers its queries from the facts) while such a row is live. Not
 * thread-safe: its owner guards it with one lock.
 */
final class KeptTable {

  private final FactField[] instantFields;
  private final FactField[] keyFields;
  private final FactField[] durationFields;
  private final Dictionary[] dictionaries;
  private Object[] facts = new Object[256];
  private long[][] instants;
  private int[][] codes;
  private long[][] durations;
  /** Live rows that hold a value that cannot be encoded, per instant and duration column. */
  private final int[] badInstants;
  private final int[] badDurations;
  private long[] live = new long[4];
  private int size;
  private int dead;
  /** Each ticket's rows: its first row and how many. */
  private final Map<TicketId, int[]> rows = new HashMap<>();

  KeptTable(FactTable table) {
    List<FactField> in = new ArrayList<>();
    List<FactField> keys = new ArrayList<>();
    List<FactField> ds = new ArrayList<>();
    for (FactField f : FactField.values()) {
      if (f.table() != table || f == FactField.TAG) {
        continue;
      }
      switch (f.kind()) {
        case INSTANT -> in.add(f);
        case KEY -> keys.add(f);
        case DURATION -> ds.add(f);
      }
    }
    instantFields = in.toArray(new FactField[0]);
    keyFields = keys.toArray(new FactField[0]);
    durationFields = ds.toArray(new FactField[0]);
    instants = new long[instantFields.length][facts.length];
    codes = new int[keyFields.length][facts.length];
    durations = new long[durationFields.length][facts.length];
    badInstants = new int[instantFields.length];
    badDurations = new int[durationFields.length];
    dictionaries = new Dictionary[keyFields.length];
    for (int k = 0; k < dictionaries.length; k++) {
      dictionaries[k] = new Dictionary(keyFields[k]);
    }
  }

  /** The number of live rows. */
  int liveRows() {
    return size - dead;
  }

  /** The number of rows, live or dead. */
  int rows() {
    return size;
  }

  /**
   * Replaces a ticket's rows.
   *
   * @param ticket the ticket
   * @param facts its facts now (none to remove it)
   */
  void replace(TicketId ticket, List<?> facts) {
    int[] old = rows.remove(ticket);
    if (old != null) {
      for (int i = old[0]; i < old[0] + old[1]; i++) {
        kill(i);
      }
    }
    if (facts.isEmpty()) {
      return;
    }
    reserve(size + facts.size());
    int first = size;
    for (Object f : facts) {
      append(f);
    }
    rows.put(ticket, new int[] {first, facts.size()});
  }

  private void kill(int i) {
    live[i >>> 6] &= ~(1L << i);
    dead++;
    for (int c = 0; c < instantFields.length; c++) {
      if (badInstants[c] > 0 && isBadInstant(facts[i], instantFields[c])) {
        badInstants[c]--;
      }
    }
    for (int c = 0; c < durationFields.length; c++) {
      if (badDurations[c] > 0 && FactColumns.duration(facts[i], durationFields[c])
          == FactColumns.BAD) {
        badDurations[c]--;
      }
    }
  }

  private static boolean isBadInstant(Object fact, FactField f) {
    Instant v = FactValues.instant(fact, f);
    return v != null && FactColumns.encode(v) == FactColumns.NULL;
  }

  private void append(Object fact) {
    int i = size++;
    facts[i] = fact;
    for (int c = 0; c < instantFields.length; c++) {
      Instant v = FactValues.instant(fact, instantFields[c]);
      long e = v == null ? FactColumns.NULL : FactColumns.encode(v);
      if (v != null && e == FactColumns.NULL) {
        badInstants[c]++;
      }
      instants[c][i] = e;
    }
    for (int c = 0; c < keyFields.length; c++) {
      codes[c][i] = dictionaries[c].code(fact);
    }
    for (int c = 0; c < durationFields.length; c++) {
      long v = FactColumns.duration(fact, durationFields[c]);
      if (v == FactColumns.BAD) {
        badDurations[c]++;
      }
      durations[c][i] = v;
    }
    live[i >>> 6] |= 1L << i;
  }

  private void reserve(int capacity) {
    if (capacity <= facts.length) {
      return;
    }
    int n = Math.max(capacity, facts.length + (facts.length >> 1));
    facts = Arrays.copyOf(facts, n);
    for (int c = 0; c < instants.length; c++) {
      instants[c] = Arrays.copyOf(instants[c], n);
    }
    for (int c = 0; c < codes.length; c++) {
      codes[c] = Arrays.copyOf(codes[c], n);
    }
    for (int c = 0; c < durations.length; c++) {
      durations[c] = Arrays.copyOf(durations[c], n);
    }
    live = Arrays.copyOf(live, (n + 63) >>> 6);
  }

  /**
   * Copies the live rows into new arrays when dead rows outnumber them (old snapshots keep the
   * old arrays), so that the table's size stays within twice its live rows.
   */
  void compactIfSparse() {
    if (dead <= 1024 || dead <= size - dead) {
      return;
    }
    int n = Math.max(256, (size - dead) + ((size - dead) >> 1));
    int[] to = new int[size];
    Object[] f = new Object[n];
    long[][] in = new long[instants.length][n];
    int[][] cs = new int[codes.length][n];
    long[][] ds = new long[durations.length][n];
    long[] lv = new long[(n + 63) >>> 6];
    int k = 0;
    for (int i = 0; i < size; i++) {
      if ((live[i >>> 6] & (1L << i)) == 0) {
        continue;
      }
      to[i] = k;
      f[k] = facts[i];
      for (int c = 0; c < in.length; c++) {
        in[c][k] = instants[c][i];
      }
      for (int c = 0; c < cs.length; c++) {
        cs[c][k] = codes[c][i];
      }
      for (int c = 0; c < ds.length; c++) {
        ds[c][k] = durations[c][i];
      }
      lv[k >>> 6] |= 1L << k;
      k++;
    }
    for (int[] r : rows.values()) {
      r[0] = to[r[0]];
    }
    facts = f;
    instants = in;
    codes = cs;
    durations = ds;
    live = lv;
    size = k;
    dead = 0;
  }

  /**
   * Returns the table's current rows as columns for one reader.
   *
   * @return the snapshot, valid while the table changes
   */
  FactColumns snapshot() {
    Map<FactField, long @Nullable []> in = new EnumMap<>(FactField.class);
    for (int c = 0; c < instantFields.length; c++) {
      in.put(instantFields[c], badInstants[c] > 0 ? null : instants[c]);
    }
    Map<FactField, FactColumns.Keys> ks = new EnumMap<>(FactField.class);
    for (int c = 0; c < keyFields.length; c++) {
      ks.put(keyFields[c], dictionaries[c].keys(codes[c]));
    }
    Map<FactField, long @Nullable []> ds = new EnumMap<>(FactField.class);
    for (int c = 0; c < durationFields.length; c++) {
      ds.put(durationFields[c], badDurations[c] > 0 ? null : durations[c]);
    }
    long[] lv = dead == 0 ? null : Arrays.copyOf(live, (size + 63) >>> 6);
    return new FactColumns(facts, size, lv, in, ks, ds);
  }

  /**
   * Codes of one key field: equal texts share a code. Written under the owner's lock; a
   * snapshot copies the texts and reads {@code byText} (concurrent) for codes below its count.
   */
  private static final class Dictionary {
    private final FactField field;
    private final Map<Object, Integer> byRaw = new HashMap<>();
    private final int[] small = new int[64];
    private final Map<String, Integer> byText = new ConcurrentHashMap<>();
    private String[] texts = new String[16];
    private int count;
    private @Nullable List<String> shared;

    Dictionary(FactField field) {
      this.field = field;
    }

    int code(Object fact) {
      Object raw = FactValues.raw(fact, field);
      if (raw == null) {
        return -1;
      }
      int slot = FactColumns.slotOf(raw);
      if (slot >= 0 && small[slot] > 0) {
        return small[slot] - 1;
      }
      Integer c = byRaw.get(raw);
      if (c == null) {
        String text = FactValues.key(fact, field);
        c = byText.get(text);
        if (c == null) {
          c = count;
          if (count == texts.length) {
            texts = Arrays.copyOf(texts, count * 2);
          }
          texts[count++] = text;
          shared = null;
          byText.put(text, c);
        }
        byRaw.put(raw, c);
      }
      if (slot >= 0) {
        small[slot] = c + 1;
      }
      return c;
    }

    FactColumns.Keys keys(int[] codes) {
      if (shared == null) {
        shared = List.of(Arrays.copyOf(texts, count));
      }
      return new FactColumns.Keys(codes, shared, byText);
    }
  }
}
