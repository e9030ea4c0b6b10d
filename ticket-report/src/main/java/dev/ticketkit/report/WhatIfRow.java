package dev.ticketkit.report;

import dev.ticketkit.core.Priority;
import dev.ticketkit.sla.clock.SlaMetric;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One metric and priority of a {@link WhatIfSection}: the clocks as they ran beside the same
 * clocks under the other policies. Instances are immutable and thread-safe.
 *
 * @param metric the metric
 * @param priority the priority of the clocks' targets
 * @param actualMet clocks met under the policies in force
 * @param actualBreached clocks breached under the policies in force
 * @param actualRate actual compliance, met / (met + breached), or null without judged clocks
 * @param whatIfMet clocks met under the other policies
 * @param whatIfBreached clocks breached under the other policies
 * @param whatIfRate what-if compliance, or null without judged clocks
 * @param actualEscalations escalation levels fired under the policies in force
 * @param whatIfEscalations escalation levels that would have fired under the other policies
 */
public record WhatIfRow(SlaMetric metric, Priority priority, long actualMet, long actualBreached,
    @Nullable Double actualRate, long whatIfMet, long whatIfBreached, @Nullable Double whatIfRate,
    long actualEscalations, long whatIfEscalations) {

  /** Checks the parts. */
  public WhatIfRow {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(priority, "priority");
  }
}
