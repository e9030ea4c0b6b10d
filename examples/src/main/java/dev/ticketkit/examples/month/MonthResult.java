package dev.ticketkit.examples.month;

import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.spike.SpikeDetected;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.sla.whatif.ComplianceRow;
import dev.ticketkit.sla.whatif.WhatIfResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a month simulation produced: the report (with its what-if section), the spike alerts, the
 * simulation's own counts, where the HTML report is, and the stores, for a caller that wants to
 * check the report against them.
 *
 * @param report the month's report
 * @param whatIf the what-if run the report's section was made from
 * @param alerts the spike alerts raised during the month
 * @param spikeAt when the injected complaint spike began, or null if the period is too short for
 *     the detector's two weeks of warm-up
 * @param requests requests made (deflected ones included)
 * @param deflected requests the help centre's suggestion answered (no ticket)
 * @param opened tickets opened
 * @param spikeTickets tickets of the injected spike
 * @param process handoffs, follow-ups, problems and dissatisfaction reasons, as the simulation
 *     counted them
 * @param html the Chinese HTML report ({@code report-en.html}, {@code report.json} and
 *     {@code csv/} are beside it)
 * @param tickets the ticket store
 * @param sla the SLA store
 */
public record MonthResult(Report report, WhatIfResult whatIf, List<SpikeDetected> alerts,
    @Nullable Instant spikeAt, int requests, int deflected, int opened, int spikeTickets,
    ProcessFigures process, Path html, TicketStore tickets, SlaStore sla) {

  /**
   * Returns the first alert that caught the injected spike: a complaint series that alarmed
   * within three hours of its start.
   *
   * @return the alert, or empty
   */
  public Optional<SpikeDetected> spikeCaught() {
    if (spikeAt == null) {
      return Optional.empty();
    }
    return alerts.stream().filter(a -> a.series().toString().toLowerCase(Locale.ROOT)
            .contains("complaint"))
        .filter(a -> !a.detectedAt().isBefore(spikeAt)
            && a.detectedAt().isBefore(spikeAt.plus(Duration.ofHours(3))))
        .findFirst();
  }

  void printSummary(PrintStream out, Duration took) {
    out.println();
    out.printf("Month summary (%s, %s)%n", report.tenant(), report.period());
    out.printf("  requests %d, answered by a help-centre article %d, tickets received %d%n",
        requests, deflected, report.volume().received());
    out.printf("  resolved %d, backlog at the end %d%n", report.volume().resolved(),
        report.backlog().total());
    out.printf("  first-contact resolution %s, CSAT (satisfied share) %s, dissatisfied %s%n",
        pct(report.firstContactResolution().rate()),
        pct(report.satisfaction().satisfiedShare()),
        pct(report.satisfaction().dissatisfiedShare()));
    out.printf("  dissatisfied by reason %s%n", process.dissatisfiedByReason().isEmpty() ? "-"
        : process.dissatisfiedByReason().toString().replaceAll("[{}]", ""));
    out.printf("  handoffs to other departments %d: answered %d, given back %d, still open %d;"
        + " department checks %d, follow-up updates %d%n", process.handoffsOpened(),
        process.handoffsAnswered(), process.handoffsReturned(), process.handoffsOpened()
            - process.handoffsAnswered() - process.handoffsReturned(),
        process.departmentChecks(), process.followUpUpdates());
    out.printf("  problems %d (incidents linked %s), fix proposed on %d incidents at once%n",
        process.incidentsPerProblem().size(), process.incidentsPerProblem(),
        process.incidentsProposed());
    out.printf("  SLA compliance %s, breaches %d%n", pct(report.sla().overallRate()),
        report.sla().breaches());
    out.printf("  spike alerts %d%s%n", alerts.size(), spikeCaught().map(a -> String.format(
        "; the injected complaint spike (%s) was caught at %s, %d min after it began",
        spikeAt, a.detectedAt(), Duration.between(spikeAt, a.detectedAt()).toMinutes()))
        .orElse(spikeAt == null ? "; no spike injected (the detector needs two weeks first)"
            : "; the injected complaint spike was NOT caught"));
    for (SpikeDetected a : alerts) {
      out.printf("    %s at %s: %d observed, %.1f expected in %d min%n", a.series(),
          a.detectedAt(), a.observed(), a.expected(), a.window().toMinutes());
    }
    ComplianceRow fr = whatIf.total(SlaMetric.FIRST_RESPONSE);
    out.printf("  what if %s: first-reply compliance %s -> %s, %d breaches gained, %d tickets"
        + " change%n", MonthSimulation.WHAT_IF, pct(rate(fr.actual().compliance())),
        pct(rate(fr.whatIf().compliance())), whatIf.breachesGained(),
        whatIf.changedTickets().size());
    out.printf("Report: %s (simulated in %.1f s)%n", html, took.toMillis() / 1000.0);
  }

  private static @Nullable Double rate(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static String pct(@Nullable Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
  }
}
