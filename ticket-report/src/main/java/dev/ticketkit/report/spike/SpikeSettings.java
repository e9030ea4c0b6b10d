package dev.ticketkit.report.spike;

import dev.ticketkit.core.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How sensitive the spike detector is. Instances are immutable and thread-safe; the compact
 * constructor checks every value (see the parameters for the ranges).
 *
 * @param bucket the counting bucket; divides an hour (1 to 60 minutes)
 * @param windows the windows the test looks back over, multiples of the bucket, up to 3 hours
 * @param alpha the Poisson tail probability below which a window alarms, in (0, 0.05]
 * @param minCount the fewest signals in a window that may alarm, 1 or more
 * @param minRatio the least observed-over-expected ratio that may alarm, 1 or more
 * @param releaseRatio an episode ends once every window's ratio stays below this, 1 or more
 * @param quietBuckets for this many consecutive buckets, 1 or more
 * @param learningRate the weight of each new week in an hour-of-week baseline, in (0, 1]
 * @param levelRate the weight of each new hour in a series' level correction, in [0, 1]
 * @param warmup how long a series is watched before it may alarm
 * @param examples how many example tickets an event carries, 0 to 50
 * @param cusumShift the rate multiple k the sequential test (Poisson CUSUM) is tuned to detect,
 *     in [1.2, 20]: each bucket adds {@code x ln k - (k - 1) λ} to the series' cumulative sum
 * @param cusumThreshold the cumulative log-likelihood ratio, in nats, at which the sequential test
 *     alarms, above 0; {@link Double#POSITIVE_INFINITY} turns the sequential test off
 */
public record SpikeSettings(
    Duration bucket, List<Duration> windows, double alpha, int minCount, double minRatio,
    double releaseRatio, int quietBuckets, double learningRate, double levelRate,
    Duration warmup, int examples, double cusumShift, double cusumThreshold) {

  /**
   * Validates the settings.
   *
   * @throws InvalidInputException naming the first value out of range
   */
  public SpikeSettings {
    Objects.requireNonNull(warmup, "warmup");
    windows = List.copyOf(windows);
    long b = bucket.toMinutes();
    if (b < 1 || b > 60 || 60 % b != 0 || !bucket.equals(Duration.ofMinutes(b))) {
      throw new InvalidInputException("bucket", bucket, "must be whole minutes dividing an hour");
    }
    if (windows.isEmpty()) {
      throw new InvalidInputException("windows", windows, "must not be empty");
    }
    for (Duration w : windows) {
      if (w.toMinutes() % b != 0 || w.compareTo(bucket) < 0 || w.toHours() > 3
          || !w.equals(Duration.ofMinutes(w.toMinutes()))) {
        throw new InvalidInputException("windows", w, "must be whole buckets, up to 3 hours");
      }
    }
    check("alpha", alpha, alpha > 0 && alpha <= 0.05);
    check("minCount", minCount, minCount >= 1);
    check("minRatio", minRatio, minRatio >= 1);
    check("releaseRatio", releaseRatio, releaseRatio >= 1);
    check("quietBuckets", quietBuckets, quietBuckets >= 1);
    check("learningRate", learningRate, learningRate > 0 && learningRate <= 1);
    check("levelRate", levelRate, levelRate >= 0 && levelRate <= 1);
    check("warmup", warmup, !warmup.isNegative());
    check("examples", examples, examples >= 0 && examples <= 50);
    check("cusumShift", cusumShift, cusumShift >= 1.2 && cusumShift <= 20);
    check("cusumThreshold", cusumThreshold, cusumThreshold > 0);
  }

  private static void check(String field, Object value, boolean ok) {
    if (!ok) {
      throw new InvalidInputException(field, value, "is out of range (see SpikeSettings)");
    }
  }

  /**
   * Returns the defaults, tuned on generated years of traffic (seeds 1 to 8, docs/benchmarks.md):
   * 5-minute buckets; windows of 15, 30 and 60 minutes; a window alarms at a tail probability below
   * 1e-6 with at least 8 signals at twice the expectation; the Poisson CUSUM is tuned to a tripled
   * rate and alarms at 14 nats (with the same least count and ratio over its run); release below
   * 1.5 times for 30 minutes; baseline learning rate 0.2 a week, level rate 0.05 an hour; two
   * weeks of warm-up; 5 examples.
   *
   * @return the default settings
   */
  public static SpikeSettings defaults() {
    return new SpikeSettings(Duration.ofMinutes(5), List.of(Duration.ofMinutes(15),
        Duration.ofMinutes(30), Duration.ofMinutes(60)), 1e-6, 8, 2.0, 1.5, 6, 0.2, 0.05,
        Duration.ofDays(14), 5, 3.0, 14.0);
  }

  /**
   * Returns a copy with another sequential test.
   *
   * @param shift the rate multiple the Poisson CUSUM is tuned to
   * @param threshold its alarm threshold in nats ({@link Double#POSITIVE_INFINITY}: off)
   * @return the copy
   * @throws InvalidInputException if out of range
   */
  public SpikeSettings withCusum(double shift, double threshold) {
    return new SpikeSettings(bucket, windows, alpha, minCount, minRatio, releaseRatio,
        quietBuckets, learningRate, levelRate, warmup, examples, shift, threshold);
  }

  /**
   * Returns a copy with another alpha, the main sensitivity knob.
   *
   * @param value the tail probability below which a window alarms
   * @return the copy
   * @throws InvalidInputException if out of range
   */
  public SpikeSettings withAlpha(double value) {
    return new SpikeSettings(bucket, windows, value, minCount, minRatio, releaseRatio,
        quietBuckets, learningRate, levelRate, warmup, examples, cusumShift, cusumThreshold);
  }

  /**
   * Returns a copy with another least ratio.
   *
   * @param value the least observed-over-expected ratio that may alarm
   * @return the copy
   * @throws InvalidInputException if out of range
   */
  public SpikeSettings withMinRatio(double value) {
    return new SpikeSettings(bucket, windows, alpha, minCount, value, releaseRatio,
        quietBuckets, learningRate, levelRate, warmup, examples, cusumShift, cusumThreshold);
  }

  /**
   * Returns a copy with another least count.
   *
   * @param value the fewest signals in a window that may alarm
   * @return the copy
   * @throws InvalidInputException if out of range
   */
  public SpikeSettings withMinCount(int value) {
    return new SpikeSettings(bucket, windows, alpha, value, minRatio, releaseRatio,
        quietBuckets, learningRate, levelRate, warmup, examples, cusumShift, cusumThreshold);
  }
}
