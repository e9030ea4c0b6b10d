package dev.ticketkit.report.spike;

/**
 * The upper tail of the Poisson distribution, {@code P(X >= k)} for a mean λ, summed term by term
 * in log space (exact to double precision for the counts a detector sees). Stateless and
 * thread-safe.
 */
final class PoissonTail {

  private static final double[] LOG_FACTORIAL = new double[1024];

  static {
    for (int i = 1; i < LOG_FACTORIAL.length; i++) {
      LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
    }
  }

  private PoissonTail() {}

  static double logFactorial(long n) {
    if (n < LOG_FACTORIAL.length) {
      return LOG_FACTORIAL[(int) n];
    }
    double x = n + 1.0;
    return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x)
        - 1 / (360 * x * x * x);
  }

  /** Returns {@code P(X >= k)} for X ~ Poisson(lambda). */
  static double atLeast(long k, double lambda) {
    if (k <= 0) {
      return 1;
    }
    if (lambda <= 0) {
      return 0;
    }
    if (k <= lambda) {
      double term = Math.exp(-lambda);
      double below = 0;
      for (long i = 0; i < k; i++) {
        below += term;
        term *= lambda / (i + 1);
      }
      return Math.max(0, 1 - below);
    }
    double term = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
    double sum = 0;
    for (long i = k; term > sum * 1e-15 && i < k + 100_000; i++) {
      sum += term;
      term *= lambda / (i + 1);
    }
    return Math.min(1, sum);
  }
}
