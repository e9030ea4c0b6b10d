package dev.ticketkit.report;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The backlog tickets whose age (from intake to the backlog instant) lies in
 * {@code [fromInclusive, toExclusive)}, counted in whole days. Instances are immutable and
 * thread-safe.
 *
 * @param fromInclusive the smallest age
 * @param toExclusive the age bound, or null for the open-ended last bucket
 * @param count how many tickets
 */
public record AgingBucket(Duration fromInclusive, @Nullable Duration toExclusive, long count) {

  /**
   * Validates the bucket.
   *
   * @throws NullPointerException if the start is null
   */
  public AgingBucket {
    Objects.requireNonNull(fromInclusive, "fromInclusive");
  }
}
