package dev.ticketkit.report;

import dev.ticketkit.sla.clock.SlaMetric;
import java.util.Objects;

/**
 * How many times one escalation ladder level of one metric fired in the period. Instances are
 * immutable and thread-safe.
 *
 * @param metric the clock's metric
 * @param level the ladder level, 1 or more
 * @param count how many times it fired
 */
public record EscalationCount(SlaMetric metric, int level, long count) {

  /**
   * Validates the line.
   *
   * @throws NullPointerException if the metric is null
   */
  public EscalationCount {
    Objects.requireNonNull(metric, "metric");
  }
}
