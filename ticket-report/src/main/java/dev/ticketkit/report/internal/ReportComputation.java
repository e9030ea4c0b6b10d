package dev.ticketkit.report.internal;

import static dev.ticketkit.report.internal.Queries.by;
import static dev.ticketkit.report.internal.Queries.in;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.report.Backlog;
import dev.ticketkit.report.FirstContactResolution;
import dev.ticketkit.report.HeadlineFigure;
import dev.ticketkit.report.NotYetTracked;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.ReportPeriod;
import dev.ticketkit.report.Rework;
import dev.ticketkit.report.SatisfactionFigures;
import dev.ticketkit.report.SlaFigures;
import dev.ticketkit.report.Timings;
import dev.ticketkit.report.Volume;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactReader;
import dev.ticketkit.report.source.FactTable;
import dev.ticketkit.report.source.ReportSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Computes a report: opens one reader, runs the sections' queries for the period and for the
 * previous period, builds the headline, then evaluates the suggestion rules. Stateless and
 * thread-safe.
 */
public final class ReportComputation {

  /** The figures computed for one period. */
  record Core(Volume volume, Backlog backlog, Timings timings, FirstContactResolution fcr,
      SlaFigures sla, SatisfactionFigures satisfaction, Rework rework) {}

  private ReportComputation() {}

  /**
   * Computes a report.
   *
   * @param source the facts
   * @param tenant the tenant
   * @param period the period
   * @param now the report's clock instant
   * @param s the settings
   * @return the report
   */
  public static Report compute(ReportSource source, TenantId tenant, ReportPeriod period,
      Instant now, ReportSettings s) {
    Instant asOf = asOf(period, now);
    ReportPeriod previous = period.previous();
    try (FactReader r = source.open(tenant)) {
      Core cur = core(r, period, asOf, s, true);
      Core old = core(r, previous, asOf(previous, now), s, false);
      Report draft = new Report(tenant, period, previous, asOf, isEmpty(cur),
          Headline.of(cur, old), cur.volume(), cur.backlog(), cur.timings(), cur.fcr(),
          cur.sla(), cur.satisfaction(), cur.rework(), PeopleSection.agents(r, period, asOf),
          IssueSection.issues(r, tenant, period, cur.volume().byCategory(), s), List.of(),
          List.of(NotYetTracked.values()));
      Map<String, Long> categoryRatings = Queries.countBy2(r, FactTable.CYCLES,
          by(FactField.CATEGORY), by(FactField.RATING),
          in(FactField.RATED_AT, period.startInclusive(), period.endExclusive()));
      FigureTables tables = FigureTables.of(draft, old.volume(), categoryRatings);
      return new Report(tenant, period, previous, asOf, draft.empty(), draft.headline(),
          draft.volume(), draft.backlog(), draft.timings(), draft.firstContactResolution(),
          draft.sla(), draft.satisfaction(), draft.rework(), draft.agents(),
          draft.frequentIssues(), SuggestionEvaluator.evaluate(s.rules(), tables),
          draft.notYetTracked());
    }
  }

  private static Instant asOf(ReportPeriod p, Instant now) {
    Instant t = now.isBefore(p.endExclusive()) ? now : p.endExclusive();
    return t.isBefore(p.startInclusive()) ? p.startInclusive() : t;
  }

  static Core core(FactReader r, ReportPeriod p, Instant asOf, ReportSettings s,
      boolean details) {
    Volume v = VolumeSection.volume(r, p, details);
    return new Core(v, VolumeSection.backlog(r, asOf, s.agingBounds()),
        TimingSection.timings(r, p), TimingSection.fcr(r, p, asOf), SlaSection.sla(r, p, asOf,
        details), PeopleSection.satisfaction(r, p, asOf, details ? s.comments() : 0),
        TimingSection.rework(r, p, v.resolved()));
  }

  private static boolean isEmpty(Core c) {
    long clocks = c.sla().byMetric().stream()
        .mapToLong(m -> m.met() + m.breached() + m.running()).sum();
    long escalations = c.sla().escalations().stream().mapToLong(e -> e.count()).sum();
    Volume v = c.volume();
    return v.received() + v.resolved() + v.closed() + v.cancelled() + v.merged()
        + c.satisfaction().ratings() + c.backlog().total() + clocks + escalations
        + c.sla().breaches() == 0;
  }

  /** Builds the headline figures. */
  static final class Headline {

    private Headline() {}

    static List<HeadlineFigure> of(Core cur, Core old) {
      return List.of(
          count("received", cur.volume().received(), old.volume().received()),
          count("resolved", cur.volume().resolved(), old.volume().resolved()),
          count("closed", cur.volume().closed(), old.volume().closed()),
          count("backlog", cur.backlog().total(), old.backlog().total()),
          secs("resolutionMean", cur.timings().resolution().mean(),
              old.timings().resolution().mean()),
          secs("resolutionMedian", cur.timings().resolution().median(),
              old.timings().resolution().median()),
          secs("resolutionP90", cur.timings().resolution().p90(),
              old.timings().resolution().p90()),
          secs("resolutionBusinessMedian", cur.timings().resolutionBusiness().median(),
              old.timings().resolutionBusiness().median()),
          secs("firstReplyMedian", cur.timings().firstReply().median(),
              old.timings().firstReply().median()),
          secs("acceptanceMedian", cur.timings().acceptance().median(),
              old.timings().acceptance().median()),
          ratio("firstContactResolutionRate", cur.fcr().rate(), old.fcr().rate()),
          ratio("satisfiedShare", cur.satisfaction().satisfiedShare(),
              old.satisfaction().satisfiedShare()),
          ratio("dissatisfiedShare", cur.satisfaction().dissatisfiedShare(),
              old.satisfaction().dissatisfiedShare()),
          ratio("responseRate", cur.satisfaction().responseRate(),
              old.satisfaction().responseRate()),
          ratio("reopenRate", cur.rework().reopenRate(), old.rework().reopenRate()),
          ratio("slaCompliance", cur.sla().overallRate(), old.sla().overallRate()),
          count("breaches", cur.sla().breaches(), old.sla().breaches()));
    }

    private static HeadlineFigure count(String id, long cur, long old) {
      return new HeadlineFigure(id, HeadlineFigure.Unit.COUNT, (double) cur, (double) old);
    }

    private static HeadlineFigure ratio(String id, @Nullable Double cur, @Nullable Double old) {
      return new HeadlineFigure(id, HeadlineFigure.Unit.RATIO, cur, old);
    }

    private static HeadlineFigure secs(String id, @Nullable Duration cur,
        @Nullable Duration old) {
      return new HeadlineFigure(id, HeadlineFigure.Unit.SECONDS,
          cur == null ? null : cur.toMillis() / 1000.0, old == null ? null : old.toMillis() / 1000.0);
    }
  }
}
