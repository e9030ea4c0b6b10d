package dev.ticketkit.examples.month;

import java.time.Duration;
import java.util.SplittableRandom;

/** Random draws of the simulation; every draw comes from a seeded {@link SplittableRandom}. */
final class Draw {

  private Draw() {}

  /** Returns an index drawn with the given weights. */
  static int weighted(SplittableRandom r, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int x = r.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    throw new IllegalStateException("weights sum to " + total);
  }

  /** Returns a Poisson count with the given mean (Knuth's method; means here are small). */
  static int poisson(SplittableRandom r, double mean) {
    if (mean <= 0) {
      return 0;
    }
    double limit = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > limit);
    return k - 1;
  }

  /** Returns true with probability p. */
  static boolean chance(SplittableRandom r, double p) {
    return r.nextDouble() < p;
  }

  /** Returns a log-normal duration with the given median and spread (sigma of the log). */
  static Duration lognormal(SplittableRandom r, Duration median, double sigma) {
    double z = gaussian(r);
    long seconds = Math.round(median.toSeconds() * Math.exp(sigma * z));
    return Duration.ofSeconds(Math.max(30, Math.min(seconds, Duration.ofDays(20).toSeconds())));
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
