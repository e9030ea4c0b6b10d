package dev.ticketkit.report.internal;

import static dev.ticketkit.report.internal.Queries.by;
import static dev.ticketkit.report.internal.Queries.in;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.report.AgentFigures;
import dev.ticketkit.report.Backlog;
import dev.ticketkit.report.Count;
import dev.ticketkit.report.FrequentIssues;
import dev.ticketkit.report.FirstContactResolution;
import dev.ticketkit.report.HeadlineFigure;
import dev.ticketkit.report.ProcessFigures;
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
import dev.ticketkit.report.source.ProcessQuery;
import dev.ticketkit.report.source.ReportSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Computes a report: collects every section's aggregate queries for the period and for the
 * previous period in one {@link QueryBatch}, opens one reader and hands it the whole batch (one
 * {@link FactReader#aggregateAll} call, which a source answers in a few passes over its facts),
 * then builds the sections from the answers (sampling examples and comments from the same
 * reader), the headline, and evaluates the suggestion rules. Stateless and thread-safe.
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
    QueryBatch b = new QueryBatch();
    Function<FactReader, Core> cur = core(b, period, asOf, s, true);
    Function<FactReader, Core> old = core(b, previous, asOf(previous, now), s, false);
    Supplier<List<AgentFigures>> agents = PeopleSection.agents(b, period, asOf);
    BiFunction<FactReader, List<Count>, FrequentIssues> issues = IssueSection.issues(b, tenant,
        period, s);
    Supplier<Map<String, Long>> categoryRatings = Queries.countBy2(b, FactTable.CYCLES,
        by(FactField.CATEGORY), by(FactField.RATING),
        in(FactField.RATED_AT, period.startInclusive(), period.endExclusive()));
    try (FactReader r = source.open(tenant)) {
      b.run(r);
      Core c = cur.apply(r);
      Core o = old.apply(r);
      ProcessFigures pc = r.process(processQuery(period, asOf, s));
      ProcessFigures po = r.process(processQuery(previous, asOf(previous, now), s));
      List<HeadlineFigure> headline = new java.util.ArrayList<>(Headline.of(c, o));
      headline.addAll(Headline.process(pc, po));
      Report draft = new Report(tenant, period, previous, asOf, isEmpty(c) && pc.isEmpty(),
          headline, c.volume(), c.backlog(), c.timings(), c.fcr(),
          c.sla(), c.satisfaction(), c.rework(), agents.get(),
          issues.apply(r, c.volume().byCategory()), List.of(), pc);
      FigureTables tables = FigureTables.of(draft, o.volume(), categoryRatings.get());
      return new Report(tenant, period, previous, asOf, draft.empty(), draft.headline(),
          draft.volume(), draft.backlog(), draft.timings(), draft.firstContactResolution(),
          draft.sla(), draft.satisfaction(), draft.rework(), draft.agents(),
          draft.frequentIssues(), SuggestionEvaluator.evaluate(s.rules(), tables),
          draft.process());
    }
  }

  private static ProcessQuery processQuery(ReportPeriod p, Instant asOf, ReportSettings s) {
    return new ProcessQuery(p.startInclusive(), p.endExclusive(), asOf, s.followUpCadence(),
        s.topIssues(), s.examples());
  }

  private static Instant asOf(ReportPeriod p, Instant now) {
    Instant t = now.isBefore(p.endExclusive()) ? now : p.endExclusive();
    return t.isBefore(p.startInclusive()) ? p.startInclusive() : t;
  }

  /**
   * Adds one period's queries to a batch; the returned function builds the figures once the
   * batch has run (it samples the rating comments from the reader).
   */
  static Function<FactReader, Core> core(QueryBatch b, ReportPeriod p, Instant asOf,
      ReportSettings s, boolean details) {
    Supplier<Volume> volume = VolumeSection.volume(b, p, details);
    Supplier<Backlog> backlog = VolumeSection.backlog(b, asOf, s.agingBounds());
    Supplier<Timings> timings = TimingSection.timings(b, p);
    Supplier<FirstContactResolution> fcr = TimingSection.fcr(b, p, asOf);
    Supplier<SlaFigures> sla = SlaSection.sla(b, p, asOf, details);
    Function<FactReader, SatisfactionFigures> satisfaction = PeopleSection.satisfaction(b, p,
        asOf, details ? s.comments() : 0);
    Function<Long, Rework> rework = TimingSection.rework(b, p);
    return r -> {
      Volume v = volume.get();
      return new Core(v, backlog.get(), timings.get(), fcr.get(), sla.get(),
          satisfaction.apply(r), rework.apply(v.resolved()));
    };
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

    /** The support-process headline figures, after the others. */
    static List<HeadlineFigure> process(ProcessFigures cur, ProcessFigures old) {
      return List.of(
          count("handoffsOpened", cur.handoffs().all().opened(),
              old.handoffs().all().opened()),
          secs("handoffResponseMedian", cur.handoffs().all().responseMedian(),
              old.handoffs().all().responseMedian()),
          count("followUpsDone", cur.followUps().done(), old.followUps().done()),
          count("followUpsMissed", cur.followUps().missed(), old.followUps().missed()),
          ratio("followUpCompliance", cur.followUps().complianceRate(),
              old.followUps().complianceRate()),
          count("problemsOpened", cur.problems().opened(), old.problems().opened()),
          count("incidentsLinked", cur.problems().incidentsLinked(),
              old.problems().incidentsLinked()),
          count("ratingRequestsExpired", cur.ratingRequests().expired(),
              old.ratingRequests().expired()),
          ratio("ratingSettledResponseRate", cur.ratingRequests().settledResponseRate(),
              old.ratingRequests().settledResponseRate()));
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
