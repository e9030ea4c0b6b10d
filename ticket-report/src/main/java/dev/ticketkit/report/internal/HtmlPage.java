package dev.ticketkit.report.internal;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import dev.ticketkit.report.AgentFigures;
import dev.ticketkit.report.DurationStats;
import dev.ticketkit.report.EscalationCount;
import dev.ticketkit.report.FaqSuggestion;
import dev.ticketkit.report.FrequentIssue;
import dev.ticketkit.report.HeadlineFigure;
import dev.ticketkit.report.DepartmentHandoffs;
import dev.ticketkit.report.ProcessFigures;
import dev.ticketkit.report.RatingComment;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.SlaCompliance;
import dev.ticketkit.report.SolvingArticle;
import dev.ticketkit.report.Suggestion;
import dev.ticketkit.report.WhatIfSection;
import dev.ticketkit.report.spike.SpikeDetected;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns a report into the Mustache view of {@code report.mustache} (every text formatted for the
 * locale) and renders the page. Thread-safe: the compiled template is immutable.
 */
public final class HtmlPage {

  private static final MustacheFactory FACTORY =
      new DefaultMustacheFactory("dev/ticketkit/report/internal");
  private static final Mustache PAGE = FACTORY.compile("report.mustache");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Whether a rise of a headline figure is good (1), bad (-1) or neither (absent). */
  private static final Map<String, Integer> BETTER = Map.ofEntries(Map.entry("resolved", 1),
      Map.entry("closed", 1), Map.entry("backlog", -1), Map.entry("resolutionMean", -1),
      Map.entry("resolutionMedian", -1), Map.entry("resolutionP90", -1),
      Map.entry("resolutionBusinessMedian", -1), Map.entry("firstReplyMedian", -1),
      Map.entry("acceptanceMedian", -1), Map.entry("firstContactResolutionRate", 1),
      Map.entry("satisfiedShare", 1), Map.entry("dissatisfiedShare", -1),
      Map.entry("responseRate", 1), Map.entry("reopenRate", -1), Map.entry("slaCompliance", 1),
      Map.entry("breaches", -1), Map.entry("handoffResponseMedian", -1),
      Map.entry("followUpsDone", 1), Map.entry("followUpsMissed", -1),
      Map.entry("followUpCompliance", 1), Map.entry("ratingRequestsExpired", -1),
      Map.entry("ratingSettledResponseRate", 1));

  private HtmlPage() {}

  /**
   * Renders a report as one self-contained HTML page.
   *
   * @param r the report
   * @param l the labels
   * @return the page
   */
  public static String render(Report r, Labels l) {
    Map<String, Object> v = new HashMap<>();
    v.put("lang", l.language().equals("zh") ? "zh-CN" : "en");
    v.put("l", new LabelMap(l));
    v.put("tenant", r.tenant().value());
    v.put("period", r.period().month() != null ? r.period().month().toString()
        : WHEN.format(r.period().startInclusive().atZone(r.period().zone())) + " – "
            + WHEN.format(r.period().endExclusive().atZone(r.period().zone())));
    v.put("zone", r.period().zone().getId());
    v.put("asOf", WHEN.format(r.asOf().atZone(r.period().zone())));
    v.put("previous", r.previousPeriod().month() != null ? r.previousPeriod().month().toString()
        : WHEN.format(r.previousPeriod().startInclusive().atZone(r.period().zone())));
    v.put("empty", r.empty());
    v.put("headline", r.headline().stream().map(h -> headline(h, l)).toList());
    v.put("charts", ReportCharts.all(r, l));
    v.put("timings", timings(r, l));
    v.put("sla", r.sla().byMetric().stream().map(c -> sla(c, l)).toList());
    v.put("breaches", l.count(r.sla().breaches()));
    v.put("escalations", r.sla().escalations().stream().map(e -> escalation(e, l)).toList());
    if (r.whatIf() != null) {
      v.put("whatIf", whatIf(r.whatIf(), l));
    }
    if (!r.spikeAlerts().isEmpty()) {
      v.put("spikes", Map.of("alerts", r.spikeAlerts().stream().map(a -> spike(a, r, l))
          .toList()));
    }
    v.put("responseRate", l.percent(r.satisfaction().responseRate()));
    v.put("comments", r.satisfaction().comments().stream().map(c -> comment(c, l)).toList());
    v.put("reasons", r.satisfaction().dissatisfiedByReason().stream().map(c -> Map.of(
        "reason", l.reason(c.key()), "count", l.count(c.count()), "share", l.percent(c.share())))
        .toList());
    v.put("reopens", l.count(r.rework().reopens()));
    v.put("reopenRate", l.percent(r.rework().reopenRate()));
    v.put("tierEscalations", l.count(r.rework().tierEscalations()));
    v.put("agents", r.agents().stream().map(a -> agent(a, l)).toList());
    v.put("categories", r.frequentIssues().categories().stream().map(i -> issue(i, l)).toList());
    v.put("tags", r.frequentIssues().tags().stream().map(i -> issue(i, l)).toList());
    v.put("knowledge", r.frequentIssues().knowledgeBase());
    v.put("faq", r.frequentIssues().faqCandidates().stream().map(HtmlPage::faq).toList());
    v.put("articles", r.frequentIssues().solvingArticles().stream().map(HtmlPage::article)
        .toList());
    v.put("suggestions", r.suggestions().stream().map(s -> suggestion(s, l)).toList());
    process(r.process(), l, v);
    StringWriter out = new StringWriter();
    PAGE.execute(out, v);
    return out.toString();
  }

  /** Puts the support-process section's values. */
  private static void process(ProcessFigures p, Labels l, Map<String, Object> v) {
    List<Map<String, Object>> handoffs = new ArrayList<>();
    for (DepartmentHandoffs d : p.handoffs().byDepartment()) {
      handoffs.add(handoff(d, d.department(), l));
    }
    handoffs.add(handoff(p.handoffs().all(), l.get("p_allDepartments"), l));
    v.put("handoffs", handoffs);
    var f = p.followUps();
    v.put("followUps", List.of(row(l, "p_cadence", l.duration(f.cadence())),
        row(l, "p_done", l.count(f.done())), row(l, "p_due", l.count(f.due())),
        row(l, "p_missed", l.count(f.missed())),
        row(l, "p_openTickets", l.count(f.openTickets())),
        row(l, "p_ticketsMet", l.count(f.ticketsMet())),
        row(l, "p_compliance", l.percent(f.complianceRate()))));
    var pr = p.problems();
    v.put("problemSummary", java.text.MessageFormat.format(l.get("p_problemSummary"),
        l.count(pr.opened()), l.count(pr.resolved()), l.count(pr.openAtEnd()),
        l.count(pr.incidentsLinked())));
    v.put("topProblems", pr.top().stream().map(t -> Map.of("number", t.problem().number(),
        "subject", t.problem().subject(), "incidents", l.count(t.incidents()),
        "examples", t.examples().stream().map(e -> Map.of("number", e.number(),
            "subject", e.subject())).toList())).toList());
    var rr = p.ratingRequests();
    v.put("ratingRequests", List.of(row(l, "p_sent", l.count(rr.sent())),
        row(l, "p_answered", l.count(rr.answered())), row(l, "p_expired", l.count(rr.expired())),
        row(l, "p_unanswered", l.count(rr.unanswered())),
        row(l, "p_responseRate", l.percent(rr.responseRate())),
        row(l, "p_settledResponseRate", l.percent(rr.settledResponseRate()))));
  }

  private static Map<String, Object> row(Labels l, String label, String value) {
    return Map.of("label", l.get(label), "value", value);
  }

  private static Map<String, Object> handoff(DepartmentHandoffs d, String name, Labels l) {
    return Map.of("department", name, "opened", l.count(d.opened()),
        "answered", l.count(d.answered()), "returned", l.count(d.returned()),
        "stillOpen", l.count(d.stillOpen()), "median", l.duration(d.responseMedian()),
        "p90", l.duration(d.responseP90()));
  }

  /** Lets the template write {@code {{l.section.sla}}}; dotted keys resolve in one lookup. */
  private static final class LabelMap extends HashMap<String, Object> {
    private static final long serialVersionUID = 1L;
    private final transient Labels labels;

    LabelMap(Labels labels) {
      this.labels = labels;
    }

    @Override
    public boolean containsKey(Object key) {
      return true;
    }

    @Override
    public Object get(Object key) {
      return labels.get(String.valueOf(key));
    }
  }

  private static Map<String, Object> headline(HeadlineFigure h, Labels l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", l.get("h_" + h.id()));
    m.put("current", format(h.unit(), h.current(), l));
    m.put("previous", format(h.unit(), h.previous(), l));
    Double d = h.delta();
    m.put("delta", d == null ? "" : (d > 0 ? "▲ " : d < 0 ? "▼ " : "= ") + change(h.unit(), d, l));
    int better = BETTER.getOrDefault(h.id(), 0);
    m.put("trend", d == null || d == 0 || better == 0 ? "flat"
        : (d > 0) == (better > 0) ? "up" : "down");
    return m;
  }

  private static String change(HeadlineFigure.Unit unit, double d, Labels l) {
    if (unit == HeadlineFigure.Unit.RATIO) {
      return String.format(l.locale(), "%.1f", Math.abs(d) * 100)
          + (l.language().equals("zh") ? "个百分点" : " pt");
    }
    return format(unit, Math.abs(d), l);
  }

  private static String format(HeadlineFigure.Unit unit, @Nullable Double v, Labels l) {
    if (v == null) {
      return "–";
    }
    return switch (unit) {
      case COUNT -> l.count(v);
      case RATIO -> l.percent(v);
      case SECONDS -> l.duration(java.time.Duration.ofMillis(Math.round(v * 1000)));
    };
  }

  private static List<Map<String, Object>> timings(Report r, Labels l) {
    Map<String, DurationStats> sets = new LinkedHashMap<>();
    sets.put("t_resolution", r.timings().resolution());
    sets.put("t_resolutionFirstCycle", r.timings().resolutionFirstCycle());
    sets.put("t_resolutionLaterCycles", r.timings().resolutionLaterCycles());
    sets.put("t_resolutionBusiness", r.timings().resolutionBusiness());
    sets.put("t_firstReply", r.timings().firstReply());
    sets.put("t_firstReplyBusiness", r.timings().firstReplyBusiness());
    sets.put("t_acceptance", r.timings().acceptance());
    sets.put("t_acceptanceBusiness", r.timings().acceptanceBusiness());
    List<Map<String, Object>> out = new ArrayList<>();
    sets.forEach((k, s) -> out.add(Map.of("label", l.get(k), "count", l.count(s.count()),
        "mean", l.duration(s.mean()), "median", l.duration(s.median()),
        "p90", l.duration(s.p90()))));
    return out;
  }

  private static Map<String, Object> sla(SlaCompliance c, Labels l) {
    return Map.of("metric", l.get("metric_" + c.metric().name()), "met", l.count(c.met()),
        "breached", l.count(c.breached()), "running", l.count(c.running()),
        "rate", l.percent(c.rate()));
  }

  private static Map<String, Object> spike(SpikeDetected a, Report r, Labels l) {
    Map<String, Object> m = new HashMap<>();
    m.put("series", a.series().toString());
    m.put("detectedAt", WHEN.format(a.detectedAt().atZone(r.period().zone())));
    m.put("window", a.window().toMinutes() + " min");
    m.put("observed", l.count(a.observed()));
    m.put("expected", String.format(Locale.ROOT, "%.1f", a.expected()));
    m.put("examples", a.examples().stream().limit(3).map(Object::toString)
        .collect(java.util.stream.Collectors.joining(", ")));
    return m;
  }

  private static Map<String, Object> whatIf(WhatIfSection w, Labels l) {
    Map<String, Object> m = new HashMap<>();
    m.put("change", w.change());
    m.put("tickets", l.count(w.tickets()));
    m.put("gained", l.count(w.breachesGained()));
    m.put("avoided", l.count(w.breachesAvoided()));
    m.put("changed", l.count(w.ticketsChanged()));
    m.put("rows", w.rows().stream().map(x -> {
      Map<String, Object> row = new HashMap<>();
      row.put("metric", l.get("metric_" + x.metric().name()));
      row.put("priority", x.priority().name());
      row.put("actual", l.percent(x.actualRate()));
      row.put("whatIf", l.percent(x.whatIfRate()));
      row.put("actualBreached", l.count(x.actualBreached()));
      row.put("whatIfBreached", l.count(x.whatIfBreached()));
      row.put("actualEscalations", l.count(x.actualEscalations()));
      row.put("whatIfEscalations", l.count(x.whatIfEscalations()));
      row.put("worse", x.whatIfBreached() > x.actualBreached());
      return row;
    }).toList());
    m.put("hasExamples", !w.examples().isEmpty());
    m.put("examples", w.examples().stream().map(e -> Map.of("ticket", e.ticket().toString(),
        "metric", l.get("metric_" + e.metric().name()), "actual", e.actual(),
        "whatIf", e.whatIf(), "explanation", e.explanation())).toList());
    return m;
  }

  private static Map<String, Object> escalation(EscalationCount e, Labels l) {
    return Map.of("metric", l.get("metric_" + e.metric().name()), "level", e.level(),
        "count", l.count(e.count()));
  }

  private static Map<String, Object> comment(RatingComment c, Labels l) {
    return Map.of("number", c.ticketNumber(), "rating", l.get("sat_" + c.satisfaction().name()),
        "bad", c.satisfaction() == dev.ticketkit.core.Satisfaction.DISSATISFIED,
        "text", c.comment());
  }

  private static Map<String, Object> agent(AgentFigures a, Labels l) {
    return Map.of("agent", a.agent(), "resolved", l.count(a.resolved()),
        "median", l.duration(a.resolution().median()), "fcr", l.percent(a.firstContactRate()),
        "csat", l.percent(a.satisfiedShare()), "ratings", l.count(a.ratings()),
        "breaches", l.count(a.breaches()));
  }

  private static Map<String, Object> issue(FrequentIssue i, Labels l) {
    return Map.of("key", ReportCharts.name(i.key(), l), "count", l.count(i.count()),
        "share", l.percent(i.share()), "solved", l.percent(i.solutionArticleShare()),
        "examples", i.examples().stream().map(e -> Map.of("number", e.number(),
            "subject", e.subject())).toList());
  }

  private static Map<String, Object> faq(FaqSuggestion f) {
    return Map.of("size", f.size(), "terms", String.join(" · ", f.terms()),
        "examples", f.examples().stream().map(e -> "#" + e.number())
            .collect(Collectors.joining(" ")));
  }

  private static Map<String, Object> article(SolvingArticle a) {
    return Map.of("title", a.title(), "count", a.ticketsSolved());
  }

  private static Map<String, Object> suggestion(Suggestion s, Labels l) {
    Map<String, Object> scope = new HashMap<>();
    scope.put("scope", scopeName(s, l));
    s.figures().forEach((k, v) -> scope.put(k, figure(k, v, l)));
    String advice = s.advice().getOrDefault(l.language(), s.advice().getOrDefault("en",
        s.action()));
    StringWriter text = new StringWriter();
    new DefaultMustacheFactory().compile(new StringReader(advice.replace("{", "{{{")
        .replace("}", "}}}")), s.ruleId()).execute(text, scope);
    return Map.of("action", s.action(), "text", text.toString(),
        "triggers", s.triggers().stream().map(t -> t.figure() + " " + figure(t.figure(),
            t.value(), l) + (t.comparison().equals("atLeast") ? " ≥ " : " < ")
            + figure(t.figure(), t.threshold(), l)).collect(Collectors.joining("; ")));
  }

  private static String scopeName(Suggestion s, Labels l) {
    String v = s.scopeValue() == null ? "" : s.scopeValue();
    if (s.scope().equals("hourOfWeek") && v.contains(" ")) {
      String[] parts = v.split(" ");
      return l.get("dow_" + parts[0]) + " " + parts[1] + ":00";
    }
    return ReportCharts.name(v, l);
  }

  private static String figure(String name, double v, Labels l) {
    if (name.endsWith("VsTeam")) {
      return String.format(l.locale(), "%.1f×", v);
    }
    boolean fraction = name.endsWith("Share") || name.endsWith("Rate")
        || name.endsWith("Change") || name.endsWith("Compliance")
        || name.endsWith("PerResolved");
    return fraction ? l.percent(v) : l.count(v);
  }

}
