package dev.ticketkit.sla.whatif;

import dev.ticketkit.core.Priority;
import dev.ticketkit.sla.clock.SlaMetric;
import java.util.Objects;

/**
 * One metric and priority, actual beside what-if. A clock counts under the priority of its
 * target. Instances are immutable and thread-safe.
 *
 * @param metric the metric
 * @param priority the priority
 * @param actual the clocks under the policies in force
 * @param whatIf the clocks under the other policies
 */
public record ComplianceRow(SlaMetric metric, Priority priority, ComplianceTally actual,
    ComplianceTally whatIf) {

  /**
   * Validates the row.
   *
   * @throws NullPointerException if a part is null
   */
  public ComplianceRow {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(whatIf, "whatIf");
  }
}
