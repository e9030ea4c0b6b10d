package dev.ticketkit.report;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One agent's figures in the period, by the cycles credited to them (see
 * {@link dev.ticketkit.report.source.CycleFact#agent()}). Instances are immutable and thread-safe.
 *
 * @param agent the agent's id
 * @param resolved cycles they resolved in the period
 * @param resolution calendar resolution time of those cycles
 * @param closed tickets closed in the period credited to them
 * @param firstContact of those, first-contact resolutions
 * @param firstContactRate firstContact over closed, or null
 * @param ratings ratings given in the period on their cycles
 * @param satisfied of those, SATISFIED
 * @param dissatisfied of those, DISSATISFIED
 * @param satisfiedShare satisfied over ratings (CSAT), or null
 * @param breaches SLA clocks of their cycles whose due instant passed in the period
 */
public record AgentFigures(
    String agent,
    long resolved,
    DurationStats resolution,
    long closed,
    long firstContact,
    @Nullable Double firstContactRate,
    long ratings,
    long satisfied,
    long dissatisfied,
    @Nullable Double satisfiedShare,
    long breaches) {

  /**
   * Validates the line.
   *
   * @throws NullPointerException if the agent or the statistics are null
   */
  public AgentFigures {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(resolution, "resolution");
  }
}
