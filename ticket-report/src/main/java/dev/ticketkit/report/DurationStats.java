package dev.ticketkit.report;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Summary statistics of a set of durations: how many, the mean (rounded down to the millisecond),
 * and the nearest-rank median and 90th percentile (SQL's {@code PERCENTILE_DISC}); the three are
 * null for an empty set. Instances are immutable and thread-safe.
 *
 * @param count how many durations
 * @param mean their mean, or null
 * @param median their median (the value at rank ceil(n/2)), or null
 * @param p90 their 90th percentile (the value at rank ceil(0.9 n)), or null
 */
public record DurationStats(
    long count, @Nullable Duration mean, @Nullable Duration median, @Nullable Duration p90) {

  /** The statistics of no duration. */
  public static final DurationStats NONE = new DurationStats(0, null, null, null);
}
