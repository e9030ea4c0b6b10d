package dev.ticketkit.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.report.spike.SpikeDetected;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The service report of one tenant for one period: pure data, rendered by the renderers of
 * {@code dev.ticketkit.report.render}.
 *
 * <p>Figures "in the period" count events whose instant lies in {@code [start, end)}; figures
 * "as of" (backlog, SLA clocks still running, ratings given by) are taken at {@link #asOf()}, the
 * period's end or the report's clock instant if that is earlier. {@code empty} tells that nothing
 * at all happened in the period and nothing was open: every count is then 0 and the renderers say
 * so. Instances are immutable and thread-safe.
 *
 * @param tenant the tenant
 * @param period the period
 * @param previousPeriod the period the headline compares with
 * @param asOf the instant the report describes
 * @param empty whether the period had no activity and no backlog
 * @param headline the headline figures beside the previous period's
 * @param volume received, resolved and closed tickets
 * @param backlog open work at {@code asOf}
 * @param timings resolution, first-reply and acceptance times
 * @param firstContactResolution first-contact resolution
 * @param sla SLA compliance and escalations
 * @param satisfaction ratings
 * @param rework reopens and tier escalations
 * @param agents per-agent figures, by resolved cycles descending
 * @param frequentIssues top categories and tags, FAQ candidates, solving articles
 * @param suggestions the suggestions whose rules held
 * @param process the support-process figures: department hand-offs, follow-ups, problems and
 *     incidents, rating requests
 * @param whatIf the what-if comparison of other SLA policies, or null when none was attached
 *     ({@link #withWhatIf}); left out of the JSON when null
 * @param spikeAlerts the complaint-spike alerts the detector raised for this tenant in the
 *     period, in the order raised ({@link #withSpikeAlerts}); empty unless attached, and then
 *     left out of the JSON
 */
public record Report(
    TenantId tenant,
    ReportPeriod period,
    ReportPeriod previousPeriod,
    Instant asOf,
    boolean empty,
    List<HeadlineFigure> headline,
    Volume volume,
    Backlog backlog,
    Timings timings,
    FirstContactResolution firstContactResolution,
    SlaFigures sla,
    SatisfactionFigures satisfaction,
    Rework rework,
    List<AgentFigures> agents,
    FrequentIssues frequentIssues,
    List<Suggestion> suggestions,
    ProcessFigures process,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable WhatIfSection whatIf,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SpikeDetected> spikeAlerts) {

  /** Checks the parts and copies the lists. */
  public Report {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(previousPeriod, "previousPeriod");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(backlog, "backlog");
    Objects.requireNonNull(timings, "timings");
    Objects.requireNonNull(firstContactResolution, "firstContactResolution");
    Objects.requireNonNull(sla, "sla");
    Objects.requireNonNull(satisfaction, "satisfaction");
    Objects.requireNonNull(rework, "rework");
    Objects.requireNonNull(frequentIssues, "frequentIssues");
    headline = List.copyOf(headline);
    agents = List.copyOf(agents);
    suggestions = List.copyOf(suggestions);
    Objects.requireNonNull(process, "process");
    spikeAlerts = List.copyOf(spikeAlerts);
    for (SpikeDetected a : spikeAlerts) {
      if (!a.tenant().equals(tenant)) {
        throw new InvalidInputException("spikeAlerts", a.tenant(),
            "holds another tenant's alert; this report is " + tenant + "'s");
      }
    }
  }

  /**
   * Creates a report without a what-if section.
   *
   * @param tenant the tenant
   * @param period the period
   * @param previousPeriod the period the headline compares with
   * @param asOf the instant the report describes
   * @param empty whether the period had no activity and no backlog
   * @param headline the headline figures beside the previous period's
   * @param volume received, resolved and closed tickets
   * @param backlog open work at {@code asOf}
   * @param timings resolution, first-reply and acceptance times
   * @param firstContactResolution first-contact resolution
   * @param sla SLA compliance and escalations
   * @param satisfaction ratings
   * @param rework reopens and tier escalations
   * @param agents per-agent figures, by resolved cycles descending
   * @param frequentIssues top categories and tags, FAQ candidates, solving articles
   * @param suggestions the suggestions whose rules held
   * @param process the support-process figures
   */
  public Report(TenantId tenant, ReportPeriod period, ReportPeriod previousPeriod, Instant asOf,
      boolean empty, List<HeadlineFigure> headline, Volume volume, Backlog backlog,
      Timings timings, FirstContactResolution firstContactResolution, SlaFigures sla,
      SatisfactionFigures satisfaction, Rework rework, List<AgentFigures> agents,
      FrequentIssues frequentIssues, List<Suggestion> suggestions,
      ProcessFigures process) {
    this(tenant, period, previousPeriod, asOf, empty, headline, volume, backlog, timings,
        firstContactResolution, sla, satisfaction, rework, agents, frequentIssues, suggestions,
        process, null, List.of());
  }

  /**
   * Returns this report with a what-if section (replacing any it had).
   *
   * @param section the section, such as {@link WhatIfSection#of}
   * @return the report with it
   */
  public Report withWhatIf(WhatIfSection section) {
    Objects.requireNonNull(section, "section");
    return new Report(tenant, period, previousPeriod, asOf, empty, headline, volume, backlog,
        timings, firstContactResolution, sla, satisfaction, rework, agents, frequentIssues,
        suggestions, process, section, spikeAlerts);
  }

  /**
   * Returns this report with the complaint-spike alerts of its period (replacing any it had),
   * as a {@link dev.ticketkit.report.spike.SpikeDetector}'s listener received them; the
   * renderers show them after the service levels.
   *
   * @param alerts the alerts, all of this report's tenant
   * @return the report with them
   * @throws InvalidInputException if an alert belongs to another tenant
   */
  public Report withSpikeAlerts(List<SpikeDetected> alerts) {
    Objects.requireNonNull(alerts, "alerts");
    return new Report(tenant, period, previousPeriod, asOf, empty, headline, volume, backlog,
        timings, firstContactResolution, sla, satisfaction, rework, agents, frequentIssues,
        suggestions, process, whatIf, alerts);
  }

  /**
   * Returns a headline figure by id.
   *
   * @param id the figure's id
   * @return the figure
   * @throws IllegalArgumentException if there is no such figure
   */
  public HeadlineFigure headline(String id) {
    return headline.stream().filter(h -> h.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no headline figure " + id));
  }
}
