package dev.ticketkit.report.internal;

import static dev.ticketkit.report.internal.Queries.by;
import static dev.ticketkit.report.internal.Queries.eq;
import static dev.ticketkit.report.internal.Queries.in;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.report.Count;
import dev.ticketkit.report.ExampleTicket;
import dev.ticketkit.report.FrequentIssue;
import dev.ticketkit.report.FrequentIssues;
import dev.ticketkit.report.KnowledgeSource;
import dev.ticketkit.report.ReportPeriod;
import dev.ticketkit.report.source.CycleFact;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactReader;
import dev.ticketkit.report.source.FactTable;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.report.source.SampleQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Computes the frequent-issues section. Stateless and thread-safe. */
final class IssueSection {

  /** How many resolved tickets of a category are checked for a solution article. */
  static final int SOLUTION_SAMPLE = 1000;
  /** How many resolved tickets are mined for FAQ candidates. */
  static final int FAQ_SAMPLE = 2000;

  private IssueSection() {}

  /**
   * Adds the section's aggregate queries to a batch; the returned function, given the reader
   * after the batch ran and the period's categories, samples the examples and builds the section.
   */
  static BiFunction<FactReader, List<Count>, FrequentIssues> issues(QueryBatch b,
      TenantId tenant, ReportPeriod p, ReportSettings s) {
    Filter[] received = VolumeSection.received(p);
    Supplier<Map<String, Long>> tagCounts = Queries.countBy(b, FactTable.CYCLES, by(FactField.TAG),
        received);
    LongSupplier receivedCount = Queries.count(b, FactTable.CYCLES, received);
    return (r, categories) -> {
      List<FrequentIssue> cats = new ArrayList<>();
      for (Count c : top(categories, s.topIssues())) {
        Filter within = c.key().equals(Queries.NONE) ? new Filter.Null(FactField.CATEGORY, true)
            : new Filter.CategoryWithin(c.key());
        cats.add(new FrequentIssue(c.key(), c.count(), c.share(),
            examples(r, received, within, s), solutionShare(r, tenant, p, within, s.knowledge())));
      }
      Map<String, Long> byTag = new java.util.LinkedHashMap<>(tagCounts.get());
      byTag.keySet().removeAll(s.ignoredTags());
      long receivedTotal = receivedCount.getAsLong();
      List<FrequentIssue> tags = new ArrayList<>();
      for (Count c : top(Queries.shares(byTag), s.topIssues())) {
        double share = receivedTotal == 0 ? 0 : (double) c.count() / receivedTotal;
        tags.add(new FrequentIssue(c.key(), c.count(), share,
            examples(r, received, eq(FactField.TAG, c.key()), s), null));
      }
      return knowledge(r, tenant, p, s, cats, tags);
    };
  }

  private static FrequentIssues knowledge(FactReader r, TenantId tenant, ReportPeriod p,
      ReportSettings s, List<FrequentIssue> cats, List<FrequentIssue> tags) {
    KnowledgeSource kb = s.knowledge();
    if (kb == null) {
      return new FrequentIssues(cats, tags, false, List.of(), List.of());
    }
    List<CycleFact> resolved = r.sample(new SampleQuery(
        List.of(in(FactField.RESOLVED_AT, p.startInclusive(), p.endExclusive())),
        FactField.RESOLVED_AT, FAQ_SAMPLE));
    return new FrequentIssues(cats, tags, true, kb.faqCandidates(tenant, resolved, s.topIssues()),
        kb.solvingArticles(tenant, p.startInclusive(), p.endExclusive(), s.topIssues()));
  }

  private static List<Count> top(List<Count> counts, int n) {
    return counts.subList(0, Math.min(n, counts.size()));
  }

  private static List<ExampleTicket> examples(FactReader r, Filter[] received, Filter extra,
      ReportSettings s) {
    List<Filter> filters = new ArrayList<>(List.of(received));
    filters.add(extra);
    List<ExampleTicket> out = new ArrayList<>();
    for (CycleFact c : r.sample(new SampleQuery(filters, FactField.TICKET_CREATED_AT,
        s.examples()))) {
      out.add(new ExampleTicket(c.ticketId(), c.ticketNumber(), c.subject()));
    }
    return out;
  }

  private static @Nullable Double solutionShare(FactReader r, TenantId tenant, ReportPeriod p,
      Filter within, @Nullable KnowledgeSource kb) {
    if (kb == null) {
      return null;
    }
    List<TicketId> ids = new ArrayList<>();
    for (CycleFact c : r.sample(new SampleQuery(List.of(within,
        in(FactField.RESOLVED_AT, p.startInclusive(), p.endExclusive())), FactField.RESOLVED_AT,
        SOLUTION_SAMPLE))) {
      ids.add(c.ticketId());
    }
    List<TicketId> distinct = ids.stream().distinct().toList();
    return Queries.ratio(kb.solvedWithArticle(tenant, distinct).size(), distinct.size());
  }
}
