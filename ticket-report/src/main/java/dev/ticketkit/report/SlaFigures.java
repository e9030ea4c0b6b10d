package dev.ticketkit.report;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Service-level figures of the period. Instances are immutable and thread-safe.
 *
 * @param byMetric compliance per metric over all priorities, in metric order
 * @param byMetricAndPriority compliance per metric and priority
 * @param overallRate met over met plus breached across every metric, or null
 * @param breaches clocks whose due instant passed in the period (whenever they started)
 * @param breachesByHourOfWeek those breaches by local hour of week, all 168 hours
 * @param escalations escalation levels fired in the period, by metric and level
 */
public record SlaFigures(
    List<SlaCompliance> byMetric,
    List<SlaCompliance> byMetricAndPriority,
    @Nullable Double overallRate,
    long breaches,
    List<HourOfWeekCount> breachesByHourOfWeek,
    List<EscalationCount> escalations) {

  /** Copies the lists. */
  public SlaFigures {
    byMetric = List.copyOf(byMetric);
    byMetricAndPriority = List.copyOf(byMetricAndPriority);
    breachesByHourOfWeek = List.copyOf(breachesByHourOfWeek);
    escalations = List.copyOf(escalations);
  }
}
