package dev.ticketkit.report.internal;

import dev.ticketkit.report.AgentFigures;
import dev.ticketkit.report.AgingBucket;
import dev.ticketkit.report.Count;
import dev.ticketkit.report.DayCount;
import dev.ticketkit.report.DurationStats;
import dev.ticketkit.report.EscalationCount;
import dev.ticketkit.report.FrequentIssue;
import dev.ticketkit.report.HeadlineFigure;
import dev.ticketkit.report.HourOfWeekCount;
import dev.ticketkit.report.RatingComment;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.SlaCompliance;
import dev.ticketkit.report.Suggestion;
import dev.ticketkit.report.WhatIfRow;
import dev.ticketkit.report.WhatIfSection;
import dev.ticketkit.report.spike.SpikeDetected;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The report as named tables of text cells, the shape the CSV renderer writes: one table per
 * breakdown, stable column names. Stateless and thread-safe.
 */
public final class ReportTables {

  /** One table: its column names and rows of cells (empty cell for an absent value). */
  public record Table(List<String> columns, List<List<String>> rows) {}

  private ReportTables() {}

  /**
   * Returns the tables of a report, by name, in a fixed order.
   *
   * @param r the report
   * @return the tables
   */
  public static Map<String, Table> of(Report r) {
    Map<String, Table> t = new LinkedHashMap<>();
    t.put("headline", table(List.of("figure", "unit", "current", "previous", "delta"),
        r.headline(), (HeadlineFigure h) -> List.of(h.id(), h.unit().name(), num(h.current()),
            num(h.previous()), num(h.delta()))));
    t.put("received_by_channel", counts("channel", r.volume().byChannel()));
    t.put("received_by_category", counts("category", r.volume().byCategory()));
    t.put("received_by_category_path", counts("category_path", r.volume().byCategoryPath()));
    t.put("received_by_priority", counts("priority", r.volume().byPriority()));
    t.put("received_by_day", table(List.of("date", "count"), r.volume().byDay(),
        (DayCount d) -> List.of(d.date().toString(), Long.toString(d.count()))));
    t.put("received_by_hour_of_week", hours(r.volume().byHourOfWeek()));
    t.put("backlog_aging", table(List.of("from_days", "to_days", "count"), r.backlog().aging(),
        (AgingBucket b) -> List.of(Long.toString(b.fromInclusive().toDays()),
            b.toExclusive() == null ? "" : Long.toString(b.toExclusive().toDays()),
            Long.toString(b.count()))));
    t.put("timings", timings(r));
    t.put("sla_compliance", table(List.of("metric", "priority", "met", "breached", "running",
        "rate"), concat(r.sla().byMetric(), r.sla().byMetricAndPriority()),
        (SlaCompliance c) -> List.of(c.metric().name(), c.priority(), Long.toString(c.met()),
            Long.toString(c.breached()), Long.toString(c.running()), num(c.rate()))));
    t.put("escalations", table(List.of("metric", "level", "count"), r.sla().escalations(),
        (EscalationCount e) -> List.of(e.metric().name(), Integer.toString(e.level()),
            Long.toString(e.count()))));
    t.put("breaches_by_hour_of_week", hours(r.sla().breachesByHourOfWeek()));
    t.put("dissatisfaction_reasons", counts("reason", r.satisfaction().dissatisfiedByReason()));
    t.put("rating_comments", table(List.of("ticket_number", "satisfaction", "rated_at",
        "comment"), r.satisfaction().comments(), (RatingComment c) -> List.of(
            Long.toString(c.ticketNumber()), c.satisfaction().name(), c.ratedAt().toString(),
            c.comment())));
    t.put("agents", agents(r.agents()));
    t.put("frequent_categories", issues(r.frequentIssues().categories()));
    t.put("frequent_tags", issues(r.frequentIssues().tags()));
    process(r.process(), t);
    t.put("suggestions", table(List.of("rule", "action", "scope", "scope_value", "triggers"),
        r.suggestions(), (Suggestion s) -> List.of(s.ruleId(), s.action(), s.scope(),
            Objects.toString(s.scopeValue(), ""), s.triggers().stream()
                .map(g -> g.figure() + "=" + num(g.value()) + " " + g.comparison() + " "
                    + num(g.threshold())).collect(Collectors.joining("; ")))));
    if (r.whatIf() != null) {
      t.put("what_if", whatIf(r.whatIf()));
    }
    if (!r.spikeAlerts().isEmpty()) {
      t.put("spike_alerts", table(List.of("series", "started_at", "detected_at", "window_minutes",
          "observed", "expected", "p_value", "example_tickets"), r.spikeAlerts(),
          (SpikeDetected a) -> List.of(a.series().toString(), a.startedAt().toString(),
              a.detectedAt().toString(), Long.toString(a.window().toMinutes()),
              Long.toString(a.observed()), num(a.expected()), Double.toString(a.pValue()),
              a.examples().stream().map(Object::toString).collect(Collectors.joining(" ")))));
    }
    return t;
  }

  /** The support-process tables (hand-offs, follow-ups, problems, rating requests). */
  private static void process(dev.ticketkit.report.ProcessFigures p, Map<String, Table> t) {
    List<dev.ticketkit.report.DepartmentHandoffs> rows = new ArrayList<>(
        p.handoffs().byDepartment());
    rows.add(p.handoffs().all());
    t.put("handoffs_by_department", table(List.of("department", "opened", "answered",
        "returned", "still_open", "response_median_seconds", "response_p90_seconds"), rows,
        (dev.ticketkit.report.DepartmentHandoffs d) -> List.of(d.department(),
            Long.toString(d.opened()), Long.toString(d.answered()), Long.toString(d.returned()),
            Long.toString(d.stillOpen()), secs(d.responseMedian()), secs(d.responseP90()))));
    var f = p.followUps();
    t.put("follow_ups", table(List.of("cadence_seconds", "done", "due", "missed",
        "open_tickets", "tickets_missed", "tickets_met", "compliance_rate"), List.of(f),
        (dev.ticketkit.report.FollowUpFigures x) -> List.of(secs(x.cadence()),
            Long.toString(x.done()), Long.toString(x.due()), Long.toString(x.missed()),
            Long.toString(x.openTickets()), Long.toString(x.ticketsMissed()),
            Long.toString(x.ticketsMet()), num(x.complianceRate()))));
    var pr = p.problems();
    t.put("problems", table(List.of("opened", "resolved", "open_at_end", "incidents_linked"),
        List.of(pr), (dev.ticketkit.report.ProblemFigures x) -> List.of(
            Long.toString(x.opened()), Long.toString(x.resolved()), Long.toString(x.openAtEnd()),
            Long.toString(x.incidentsLinked()))));
    t.put("top_problems", table(List.of("problem_number", "subject", "incidents",
        "example_incidents"), pr.top(), (dev.ticketkit.report.TopProblem x) -> List.of(
            Long.toString(x.problem().number()), x.problem().subject(),
            Long.toString(x.incidents()), x.examples().stream().map(e -> "#" + e.number())
                .collect(Collectors.joining(" ")))));
    var rr = p.ratingRequests();
    t.put("rating_requests", table(List.of("sent", "answered", "expired", "unanswered",
        "response_rate", "settled_response_rate"), List.of(rr),
        (dev.ticketkit.report.RatingRequestFigures x) -> List.of(Long.toString(x.sent()),
            Long.toString(x.answered()), Long.toString(x.expired()),
            Long.toString(x.unanswered()), num(x.responseRate()),
            num(x.settledResponseRate()))));
  }

  private static Table whatIf(WhatIfSection w) {
    return table(List.of("metric", "priority", "actual_met", "actual_breached", "actual_rate",
        "what_if_met", "what_if_breached", "what_if_rate", "actual_escalations",
        "what_if_escalations"), w.rows(), (WhatIfRow x) -> List.of(x.metric().name(),
            x.priority().name(), Long.toString(x.actualMet()), Long.toString(x.actualBreached()),
            num(x.actualRate()), Long.toString(x.whatIfMet()), Long.toString(x.whatIfBreached()),
            num(x.whatIfRate()), Long.toString(x.actualEscalations()),
            Long.toString(x.whatIfEscalations())));
  }

  private static Table timings(Report r) {
    Map<String, DurationStats> sets = new LinkedHashMap<>();
    sets.put("resolution", r.timings().resolution());
    sets.put("resolution_first_cycle", r.timings().resolutionFirstCycle());
    sets.put("resolution_later_cycles", r.timings().resolutionLaterCycles());
    sets.put("resolution_business", r.timings().resolutionBusiness());
    sets.put("first_reply", r.timings().firstReply());
    sets.put("first_reply_business", r.timings().firstReplyBusiness());
    sets.put("acceptance", r.timings().acceptance());
    sets.put("acceptance_business", r.timings().acceptanceBusiness());
    return table(List.of("measure", "count", "mean_seconds", "median_seconds", "p90_seconds"),
        List.copyOf(sets.entrySet()), (Map.Entry<String, DurationStats> e) -> List.of(
            e.getKey(), Long.toString(e.getValue().count()), secs(e.getValue().mean()),
            secs(e.getValue().median()), secs(e.getValue().p90())));
  }

  private static Table agents(List<AgentFigures> agents) {
    return table(List.of("agent", "resolved", "resolution_mean_seconds",
        "resolution_median_seconds", "closed", "first_contact", "first_contact_rate", "ratings",
        "satisfied", "dissatisfied", "satisfied_share", "breaches"), agents,
        (AgentFigures a) -> List.of(a.agent(), Long.toString(a.resolved()),
            secs(a.resolution().mean()), secs(a.resolution().median()), Long.toString(a.closed()),
            Long.toString(a.firstContact()), num(a.firstContactRate()),
            Long.toString(a.ratings()), Long.toString(a.satisfied()),
            Long.toString(a.dissatisfied()), num(a.satisfiedShare()),
            Long.toString(a.breaches())));
  }

  private static Table issues(List<FrequentIssue> issues) {
    return table(List.of("key", "count", "share", "solution_article_share", "examples"), issues,
        (FrequentIssue i) -> List.of(i.key(), Long.toString(i.count()), num(i.share()),
            num(i.solutionArticleShare()), i.examples().stream().map(e -> "#" + e.number())
                .collect(Collectors.joining(" "))));
  }

  private static Table counts(String key, List<Count> counts) {
    return table(List.of(key, "count", "share"), counts, (Count c) -> List.of(c.key(),
        Long.toString(c.count()), num(c.share())));
  }

  private static Table hours(List<HourOfWeekCount> hours) {
    return table(List.of("day", "hour", "count"), hours, (HourOfWeekCount h) -> List.of(
        h.day().name(), Integer.toString(h.hour()), Long.toString(h.count())));
  }

  private static <T> Table table(List<String> columns, List<T> items,
      java.util.function.Function<T, List<String>> row) {
    List<List<String>> rows = new ArrayList<>();
    items.forEach(i -> rows.add(row.apply(i)));
    return new Table(columns, rows);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static String num(@Nullable Double v) {
    if (v == null) {
      return "";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue())
        : String.format(java.util.Locale.ROOT, "%.4f", v);
  }

  static String secs(@Nullable Duration d) {
    return d == null ? "" : Long.toString(d.toSeconds());
  }
}
