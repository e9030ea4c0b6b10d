package dev.ticketkit.benchmarks.kb;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.search.SearchResults;
import dev.ticketkit.kb.search.SearchSettings;
import dev.ticketkit.kb.semantic.BgeSmallZhEmbedding;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.kb.PlainLucene;
import dev.ticketkit.testkit.kb.RelevanceReport;
import dev.ticketkit.testkit.kb.RelevanceSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/**
 * Measures search quality on the issue-16 relevance set (ticket-kb's {@code kb/eval}, 171
 * articles, 325 queries) in one run for four searches: TicketKit lexical, TicketKit hybrid (with
 * {@link BgeSmallZhEmbedding}), and plain Lucene BM25 with SmartChineseAnalyzer and with
 * CJKAnalyzer. Prints Markdown tables: per query kind, then the no-answer flags on all queries,
 * on the calibration half and on the held-out half; then the same for the fresh query set
 * ({@code kb/eval/fresh-queries.txt}, 40 answerable and 40 no-answer queries used for nothing but
 * this check).
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.ticketkit.benchmarks.kb.RelevanceEvaluation
 * </pre>
 */
public final class RelevanceEvaluation {

  private static final TenantId TENANT = TenantId.of("eval");

  private RelevanceEvaluation() {}

  /**
   * Runs the evaluation and prints the tables.
   *
   * @param args none
   * @throws Exception if the baselines' indexes fail
   */
  public static void main(String[] args) throws Exception {
    List<RelevanceSet.Query> queries = RelevanceSet.queries();
    Search lexical = new Search(SearchSettings.defaults());
    Search hybrid = new Search(SearchSettings.defaults().withEmbedding(BgeSmallZhEmbedding.load()));
    List<RelevanceReport> reports = new ArrayList<>();
    reports.add(RelevanceReport.measure("TicketKit lexical", queries, lexical::ranked));
    reports.add(RelevanceReport.measure("TicketKit hybrid", queries, hybrid::ranked));
    try (PlainLucene smart = new PlainLucene(new SmartChineseAnalyzer());
        PlainLucene cjk = new PlainLucene(new CJKAnalyzer())) {
      reports.add(RelevanceReport.measure("Lucene BM25 + SmartChineseAnalyzer", queries,
          smart::search));
      reports.add(RelevanceReport.measure("Lucene BM25 + CJKAnalyzer", queries, cjk::search));
    }
    System.out.println(RelevanceReport.table(reports));
    for (String half : List.of("calibration", "held-out")) {
      Predicate<RelevanceSet.Query> in = half.equals("calibration")
          ? RelevanceSet.Query::calibration : q -> !q.calibration();
      List<RelevanceSet.Query> part = queries.stream().filter(in).toList();
      for (Search search : List.of(lexical, hybrid)) {
        RelevanceReport r = RelevanceReport.measure(search.name(), part, search::ranked);
        System.out.printf(Locale.ROOT, "%s half, %s: no-answer flagged %.3f, answerable wrongly"
            + " flagged %.3f, recall@3 %.3f%n", half, search.name(), r.noAnswerFlagged(),
            r.answerableFlagged(), r.recallAt3());
      }
    }
    for (RelevanceReport r : reports.subList(0, 2)) {
      System.out.println(r.name() + " misses: " + r.misses());
    }
    // The fresh query set (kb/eval/fresh-queries.txt): never used to fit or choose anything.
    List<RelevanceSet.Query> fresh = RelevanceSet.freshQueries();
    List<RelevanceReport> freshReports = new ArrayList<>();
    freshReports.add(RelevanceReport.measure("TicketKit lexical (fresh)", fresh, lexical::ranked));
    freshReports.add(RelevanceReport.measure("TicketKit hybrid (fresh)", fresh, hybrid::ranked));
    try (PlainLucene smart = new PlainLucene(new SmartChineseAnalyzer());
        PlainLucene cjk = new PlainLucene(new CJKAnalyzer())) {
      freshReports.add(RelevanceReport.measure("Lucene BM25 + SmartChineseAnalyzer (fresh)", fresh,
          smart::search));
      freshReports.add(RelevanceReport.measure("Lucene BM25 + CJKAnalyzer (fresh)", fresh,
          cjk::search));
    }
    System.out.println(RelevanceReport.table(freshReports));
    for (RelevanceReport r : freshReports.subList(0, 2)) {
      System.out.println(r.name() + " misses: " + r.misses());
    }
  }

  /** A TicketKit knowledge base holding the relevance set. */
  private static final class Search {
    private final KnowledgeBase kb;
    private final Map<ArticleId, String> keys = new HashMap<>();
    private final boolean hybrid;

    Search(SearchSettings settings) {
      this.hybrid = settings.embedding() != null;
      kb = KnowledgeBase.builder(new MutableClock(Instant.parse("2026-11-30T09:00:00Z")))
          .index(ArticleSearchIndex.inMemory(settings)).build();
      RelevanceSet.publish(kb, TENANT).forEach((k, id) -> keys.put(id, k));
    }

    String name() {
      return hybrid ? "TicketKit hybrid" : "TicketKit lexical";
    }

    RelevanceReport.Ranked ranked(String text) {
      SearchResults results = kb.search(SearchRequest.of(TENANT, text).withSnippets(false));
      return new RelevanceReport.Ranked(results.ids().stream().map(keys::get).toList(),
          results.hasConfidentAnswer());
    }
  }
}
