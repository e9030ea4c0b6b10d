package dev.ticketkit.report.internal;

import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.report.AgentFigures;
import dev.ticketkit.report.AgingBucket;
import dev.ticketkit.report.Count;
import dev.ticketkit.report.FrequentIssue;
import dev.ticketkit.report.HourOfWeekCount;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.SlaCompliance;
import dev.ticketkit.report.Volume;
import dev.ticketkit.sla.clock.SlaMetric;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The figures suggestion rules can name, per scope and scope value, read from a report (see
 * {@link dev.ticketkit.report.SuggestionRules} for the list). Immutable once built.
 */
final class FigureTables {

  /** scope -> scope value -> figure -> value (null when it cannot be computed). */
  final Map<String, Map<String, Map<String, @Nullable Double>>> tables = new LinkedHashMap<>();

  private FigureTables() {}

  /** Returns empty tables (for tests). */
  static FigureTables empty() {
    return new FigureTables();
  }

  static FigureTables of(Report r, Volume previous, Map<String, Long> categoryRatings) {
    FigureTables t = new FigureTables();
    t.overall(r, previous);
    t.categories(r, previous, categoryRatings);
    t.channels(r.volume(), previous);
    t.agents(r.agents());
    t.hours(r.sla().breachesByHourOfWeek(), r.sla().breaches());
    for (Count c : r.satisfaction().dissatisfiedByReason()) {
      Map<String, @Nullable Double> f = t.row("reason", c.key());
      f.put("dissatisfied", (double) c.count());
      f.put("dissatisfiedShare", c.share());
    }
    return t;
  }

  Map<String, @Nullable Double> row(String scope, String value) {
    return tables.computeIfAbsent(scope, k -> new LinkedHashMap<>())
        .computeIfAbsent(value, k -> new LinkedHashMap<>());
  }

  private void overall(Report r, Volume previous) {
    Map<String, @Nullable Double> f = row("overall", "");
    f.put("received", (double) r.volume().received());
    f.put("receivedChange", change(r.volume().received(), previous.received()));
    f.put("resolved", (double) r.volume().resolved());
    f.put("backlog", (double) r.backlog().total());
    long old = 0;
    for (AgingBucket b : r.backlog().aging()) {
      old += b.fromInclusive().compareTo(Duration.ofDays(7)) >= 0 ? b.count() : 0;
    }
    f.put("backlogOver7Days", (double) old);
    f.put("backlogOver7DaysShare", Queries.ratio(old, r.backlog().total()));
    f.put("reopenRate", r.rework().reopenRate());
    f.put("firstContactResolutionRate", r.firstContactResolution().rate());
    f.put("satisfiedShare", r.satisfaction().satisfiedShare());
    f.put("dissatisfiedShare", r.satisfaction().dissatisfiedShare());
    f.put("responseRate", r.satisfaction().responseRate());
    f.put("slaCompliance", r.sla().overallRate());
    f.put("breaches", (double) r.sla().breaches());
    f.put("followUpOpenTickets", (double) r.process().followUps().openTickets());
    f.put("followUpCompliance", r.process().followUps().complianceRate());
    f.put("followUpsMissed", (double) r.process().followUps().missed());
    f.put("handoffsStillOpen", (double) r.process().handoffs().all().stillOpen());
    f.put("ratingRequestsExpired", (double) r.process().ratingRequests().expired());
    f.put("ratingSettledResponseRate", r.process().ratingRequests().settledResponseRate());
    for (SlaCompliance c : r.sla().byMetric()) {
      String name = camel(c.metric());
      f.put(name + "Compliance", c.rate());
      f.put(name + "Clocks", (double) (c.met() + c.breached() + c.running()));
    }
  }

  private void categories(Report r, Volume previous, Map<String, Long> ratings) {
    Map<String, Long> before = counts(previous.byCategory());
    for (Count c : r.volume().byCategory()) {
      Map<String, @Nullable Double> f = row("category", c.key());
      f.put("received", (double) c.count());
      f.put("receivedShare", c.share());
      f.put("receivedChange", change(c.count(), before.getOrDefault(c.key(), 0L)));
    }
    for (FrequentIssue i : r.frequentIssues().categories()) {
      row("category", i.key()).put("solutionArticleShare", i.solutionArticleShare());
    }
    Map<String, long[]> byTop = new LinkedHashMap<>();
    ratings.forEach((k, n) -> {
      String[] parts = k.split("\t");
      String top = parts[0].contains("/") ? parts[0].substring(0, parts[0].indexOf('/'))
          : parts[0];
      long[] a = byTop.computeIfAbsent(top, x -> new long[2]);
      a[0] += n;
      a[1] += parts[1].equals(Satisfaction.DISSATISFIED.name()) ? n : 0;
    });
    byTop.forEach((top, a) -> {
      Map<String, @Nullable Double> f = row("category", top);
      f.put("ratings", (double) a[0]);
      f.put("dissatisfied", (double) a[1]);
      f.put("dissatisfiedShare", Queries.ratio(a[1], a[0]));
    });
  }

  private void channels(Volume v, Volume previous) {
    Map<String, Long> before = counts(previous.byChannel());
    for (Count c : v.byChannel()) {
      Map<String, @Nullable Double> f = row("channel", c.key());
      f.put("received", (double) c.count());
      f.put("receivedShare", c.share());
      f.put("receivedChange", change(c.count(), before.getOrDefault(c.key(), 0L)));
    }
  }

  private void agents(List<AgentFigures> agents) {
    long breaches = agents.stream().mapToLong(AgentFigures::breaches).sum();
    long resolved = agents.stream().mapToLong(AgentFigures::resolved).sum();
    Double team = Queries.ratio(breaches, resolved);
    for (AgentFigures a : agents) {
      Map<String, @Nullable Double> f = row("agent", a.agent());
      f.put("resolved", (double) a.resolved());
      f.put("breaches", (double) a.breaches());
      Double mine = Queries.ratio(a.breaches(), a.resolved());
      f.put("breachesPerResolved", mine);
      f.put("breachesPerResolvedVsTeam", mine == null || team == null || team == 0 ? null
          : mine / team);
      f.put("firstContactResolutionRate", a.firstContactRate());
      f.put("ratings", (double) a.ratings());
      f.put("dissatisfied", (double) a.dissatisfied());
      f.put("satisfiedShare", a.satisfiedShare());
    }
  }

  private void hours(List<HourOfWeekCount> hours, long total) {
    for (HourOfWeekCount h : hours) {
      if (h.count() > 0) {
        Map<String, @Nullable Double> f = row("hourOfWeek",
            h.day() + " " + (h.hour() < 10 ? "0" : "") + h.hour());
        f.put("breaches", (double) h.count());
        f.put("breachShare", Queries.ratio(h.count(), total));
      }
    }
  }

  private static Map<String, Long> counts(List<Count> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.forEach(c -> out.put(c.key(), c.count()));
    return out;
  }

  private static @Nullable Double change(long now, long before) {
    return before == 0 ? null : (double) now / before - 1;
  }

  private static String camel(SlaMetric m) {
    StringBuilder b = new StringBuilder();
    for (String part : m.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
      b.append(b.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return b.toString();
  }
}
