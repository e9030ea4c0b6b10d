package dev.ticketkit.report.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One group of an aggregate query's answer: its keys, in the order of the query's dimensions, and
 * its measures, in the order of the query's measures. Instances are immutable and thread-safe.
 *
 * @param keys the group's keys (null for the group of null values)
 * @param values the measured values (null where there was nothing to measure)
 */
public record AggregateRow(List<@Nullable String> keys, List<@Nullable Long> values) {

  /** Copies the lists (which may hold nulls). */
  public AggregateRow {
    keys = Collections.unmodifiableList(new ArrayList<>(keys));
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  /**
   * Returns a key.
   *
   * @param index its place among the query's dimensions
   * @return the key, or null
   */
  public @Nullable String key(int index) {
    return keys.get(index);
  }

  /**
   * Returns a measured value, 0 for null.
   *
   * @param index its place among the query's measures
   * @return the value, or 0
   */
  public long value(int index) {
    Long v = values.get(index);
    return v == null ? 0 : v;
  }

  /**
   * Returns a measured value that may be absent.
   *
   * @param index its place among the query's measures
   * @return the value, or null
   */
  public @Nullable Long valueOrNull(int index) {
    return values.get(index);
  }
}
