package dev.ticketkit.report.spike;

/**
 * The Poisson CUSUM's step: the cumulative log-likelihood ratio of "the rate is k times the
 * baseline" against "it is the baseline" after one more bucket, {@code max(0, S + x ln k - (k - 1)
 * λ)}. Under the baseline the sum drifts down (mean step {@code λ (ln k - k + 1) < 0}); by Ville's
 * inequality a run that starts at 0 reaches {@code h} with probability at most {@code e^-h}, so a
 * stationary stream at the baseline raises at most about {@code buckets · e^-h} alarms. Stateless.
 */
final class PoissonCusum {

  private PoissonCusum() {}

  /**
   * Returns the sum after a bucket, 0 if it would fall to 0 or below.
   *
   * @param sum the sum before the bucket, 0 or more
   * @param count the bucket's signals
   * @param expected the bucket's expected signals
   * @param logShift {@code ln k}
   * @param excess {@code k - 1}
   */
  static double step(double sum, long count, double expected, double logShift, double excess) {
    return Math.max(0, sum + count * logShift - excess * expected);
  }
}
