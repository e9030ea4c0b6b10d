package dev.ticketkit.report.spike;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A spike episode began: a series counted far more signals over a window than its hour-of-week
 * baseline expected. Raised once per episode (and once across nodes, through
 * {@link EpisodeClaims}). Instances are immutable and thread-safe.
 *
 * @param tenant the tenant
 * @param series the series that spiked
 * @param startedAt the start of the detector bucket in which the alarm rose: the
 *     episode's identity
 * @param detectedAt the end of the bucket whose close raised it
 * @param window the window over which observed and expected are counted (one of the settings'
 *     windows, or for the CUSUM its run: the buckets since its sum last left 0)
 * @param observed signals counted in the window
 * @param expected signals the baseline expected in the window
 * @param pValue the Poisson tail probability of observing at least that many
 * @param examples the latest tickets of the window, latest first
 */
public record SpikeDetected(
    TenantId tenant, SeriesKey series, Instant startedAt, Instant detectedAt, Duration window,
    long observed, double expected, double pValue, List<TicketId> examples) {

  /** Checks the parts and copies the examples. */
  public SpikeDetected {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(window, "window");
    examples = List.copyOf(examples);
  }

  /**
   * Returns how many times the expectation was observed.
   *
   * @return observed over expected
   */
  public double ratio() {
    return expected <= 0 ? Double.POSITIVE_INFINITY : observed / expected;
  }
}
