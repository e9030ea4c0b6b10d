package dev.ticketkit.report.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Nearest-rank percentiles, as SQL's {@code PERCENTILE_DISC}. Stateless and thread-safe.
 */
public final class Percentiles {

  private Percentiles() {}

  /**
   * Returns the 1-based rank of the p-th percentile among n values: {@code max(1, ceil(p * n))},
   * with p taken as the decimal it prints as (so 0.9 * 10 is exactly 9).
   *
   * @param p the fraction, in (0, 1]
   * @param n the number of values, 1 or more
   * @return the rank
   */
  public static int rank(double p, int n) {
    BigDecimal exact = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(n));
    return Math.max(1, exact.setScale(0, RoundingMode.CEILING).intValueExact());
  }

  /**
   * Returns the nearest-rank percentile of some values.
   *
   * @param values the values, in any order; sorted in place
   * @param size how many of the array's first values to use
   * @param p the fraction, in (0, 1]
   * @return the value at the rank, or null if size is 0
   */
  public static @Nullable Long of(long[] values, int size, double p) {
    if (size == 0) {
      return null;
    }
    Arrays.sort(values, 0, size);
    return values[rank(p, size) - 1];
  }

  /**
   * Returns the nearest-rank percentile of sorted values.
   *
   * @param sorted the values, ascending in their first {@code size} places
   * @param size how many of the array's first values to use
   * @param p the fraction, in (0, 1]
   * @return the value at the rank, or null if size is 0
   */
  public static @Nullable Long ofSorted(long[] sorted, int size, double p) {
    return size == 0 ? null : sorted[rank(p, size) - 1];
  }
}
