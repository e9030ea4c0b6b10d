package dev.ticketkit.report.internal;

import static dev.ticketkit.report.internal.Queries.by;
import static dev.ticketkit.report.internal.Queries.eq;
import static dev.ticketkit.report.internal.Queries.in;

import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.report.AgentFigures;
import dev.ticketkit.report.DurationStats;
import dev.ticketkit.report.RatingComment;
import dev.ticketkit.report.ReportPeriod;
import dev.ticketkit.report.SatisfactionFigures;
import dev.ticketkit.report.source.CycleFact;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactReader;
import dev.ticketkit.report.source.FactTable;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.report.source.SampleQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Computes satisfaction and per-agent figures. Stateless and thread-safe. */
final class PeopleSection {

  private PeopleSection() {}

  static Function<FactReader, SatisfactionFigures> satisfaction(QueryBatch b, ReportPeriod p,
      Instant asOf, int comments) {
    Filter rated = in(FactField.RATED_AT, p.startInclusive(), p.endExclusive());
    Supplier<Map<String, Long>> ratings = Queries.countBy(b, FactTable.CYCLES,
        by(FactField.RATING), rated);
    Filter resolved = in(FactField.RESOLVED_AT, p.startInclusive(), p.endExclusive());
    LongSupplier resolvedCycles = Queries.count(b, FactTable.CYCLES, resolved);
    LongSupplier ratedCycles = Queries.count(b, FactTable.CYCLES, resolved,
        new Filter.Before(FactField.RATED_AT, asOf));
    Supplier<Map<String, Long>> reasons = Queries.countBy(b, FactTable.CYCLES,
        by(FactField.DISSATISFACTION_REASON), rated, eq(FactField.RATING, Satisfaction.DISSATISFIED),
        new Filter.Null(FactField.DISSATISFACTION_REASON, false));
    return r -> {
      Map<String, Long> byRating = ratings.get();
      long s = byRating.getOrDefault(Satisfaction.SATISFIED.name(), 0L);
      long n = byRating.getOrDefault(Satisfaction.NEUTRAL.name(), 0L);
      long d = byRating.getOrDefault(Satisfaction.DISSATISFIED.name(), 0L);
      long all = s + n + d;
      long resolvedN = resolvedCycles.getAsLong();
      long ratedN = ratedCycles.getAsLong();
      return new SatisfactionFigures(s, n, d, Queries.ratio(s, all), Queries.ratio(n, all),
          Queries.ratio(d, all), resolvedN, ratedN, Queries.ratio(ratedN, resolvedN),
          comments > 0 ? comments(r, rated, comments) : List.of(), true,
          Queries.shares(reasons.get()));
    };
  }

  private static List<RatingComment> comments(FactReader r, Filter rated, int limit) {
    Filter hasComment = new Filter.Null(FactField.RATING_COMMENT, false);
    List<CycleFact> picked = new ArrayList<>(r.sample(new SampleQuery(List.of(rated, hasComment,
        eq(FactField.RATING, Satisfaction.DISSATISFIED)), FactField.RATED_AT, limit)));
    if (picked.size() < limit) {
      picked.addAll(r.sample(new SampleQuery(List.of(rated, hasComment,
          new Filter.NotEqual(FactField.RATING, Satisfaction.DISSATISFIED.name())),
          FactField.RATED_AT, limit - picked.size())));
    }
    List<RatingComment> out = new ArrayList<>();
    for (CycleFact c : picked) {
      out.add(new RatingComment(c.ticketNumber(), c.rating(), c.ratingComment(), c.ratedAt()));
    }
    return out;
  }

  static Supplier<List<AgentFigures>> agents(QueryBatch b, ReportPeriod p, Instant asOf) {
    Filter resolved = in(FactField.RESOLVED_AT, p.startInclusive(), p.endExclusive());
    Supplier<Map<String, DurationStats>> resolution = Queries.statsBy(b, FactTable.CYCLES,
        FactField.RESOLUTION_TIME, by(FactField.AGENT), resolved);
    Supplier<Map<String, Long>> fcr = Queries.countBy2(b, FactTable.CYCLES, by(FactField.AGENT),
        by(FactField.FIRST_CONTACT_RESOLUTION), TimingSection.finished(p, asOf));
    Supplier<Map<String, Long>> ratings = Queries.countBy2(b, FactTable.CYCLES,
        by(FactField.AGENT), by(FactField.RATING),
        in(FactField.RATED_AT, p.startInclusive(), p.endExclusive()));
    Supplier<Map<String, Long>> breaches = Queries.countBy(b, FactTable.CLOCKS,
        by(FactField.CLOCK_AGENT), in(FactField.CLOCK_BREACHED_AT, p.startInclusive(),
            SlaSection.min(p.endExclusive(), asOf)));
    return () -> agents(resolution.get(), fcr.get(), ratings.get(), breaches.get());
  }

  private static List<AgentFigures> agents(Map<String, DurationStats> resolution,
      Map<String, Long> fcr, Map<String, Long> ratings, Map<String, Long> breaches) {
    TreeSet<String> names = new TreeSet<>(resolution.keySet());
    fcr.keySet().forEach(k -> names.add(k.substring(0, k.indexOf('\t'))));
    ratings.keySet().forEach(k -> names.add(k.substring(0, k.indexOf('\t'))));
    names.addAll(breaches.keySet());
    names.remove(Queries.NONE);
    List<AgentFigures> out = new ArrayList<>();
    for (String a : names) {
      DurationStats st = resolution.getOrDefault(a, DurationStats.NONE);
      long yes = fcr.getOrDefault(a + "\ttrue", 0L);
      long closed = yes + fcr.getOrDefault(a + "\tfalse", 0L);
      long sat = ratings.getOrDefault(a + "\t" + Satisfaction.SATISFIED, 0L);
      long dis = ratings.getOrDefault(a + "\t" + Satisfaction.DISSATISFIED, 0L);
      long all = sat + dis + ratings.getOrDefault(a + "\t" + Satisfaction.NEUTRAL, 0L);
      out.add(new AgentFigures(a, st.count(), st, closed, yes, Queries.ratio(yes, closed), all,
          sat, dis, Queries.ratio(sat, all), breaches.getOrDefault(a, 0L)));
    }
    out.sort(Comparator.comparingLong(AgentFigures::resolved).reversed()
        .thenComparing(AgentFigures::agent));
    return out;
  }
}
