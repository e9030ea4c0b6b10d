package dev.ticketkit.report;

import dev.ticketkit.sla.clock.SlaMetric;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * SLA compliance of the clocks of one metric (and one priority, or all priorities) that started
 * in the period, as of the report's instant: met (stopped within target), breached (due instant
 * passed, whether or not the clock has stopped since), still running (neither yet; paused clocks
 * included). Cancelled clocks (the work stopped being owed) are left out. Instances are immutable
 * and thread-safe.
 *
 * @param metric the metric
 * @param priority the priority name, or {@code *} for all
 * @param met clocks met
 * @param breached clocks breached
 * @param running clocks still running
 * @param rate met over met plus breached, or null when neither
 */
public record SlaCompliance(
    SlaMetric metric, String priority, long met, long breached, long running,
    @Nullable Double rate) {

  /**
   * Validates the line.
   *
   * @throws NullPointerException if the metric or priority is null
   */
  public SlaCompliance {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(priority, "priority");
  }
}
