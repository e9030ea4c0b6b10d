package dev.ticketkit.kb.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.search.SearchResults;
import dev.ticketkit.kb.search.SearchSettings;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.kb.PlainLucene;
import dev.ticketkit.testkit.kb.RelevanceReport;
import dev.ticketkit.testkit.kb.RelevanceSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.junit.jupiter.api.Test;

/**
 * Hybrid search on the issue-16 relevance set, printed as {@code [kb-relevance-hybrid]}. The
 * assertions hold what the code reaches (recorded in docs/benchmarks.md), so a regression fails:
 * recall@3 at least 0.94 (0.951 measured, the target 0.95 by one query; HNSW search is
 * approximate, so runs may differ by a query), 8 points above the best plain Lucene baseline,
 * and under 5% of answerable queries flagged "no confident answer". Also prints the fresh query
 * set and the check set (never tuned on).
 */
class HybridRelevanceTest {

  @Test
  void hybridSearchOnTheRelevanceSet() throws Exception {
    TenantId tenant = TenantId.of("eval");
    KnowledgeBase kb = KnowledgeBase.builder(new MutableClock(Instant.parse("2026-11-30T09:00:00Z")))
        .index(ArticleSearchIndex.inMemory(SearchSettings.defaults()
            .withEmbedding(BgeSmallZhEmbedding.load()))).build();
    Map<ArticleId, String> keys = new HashMap<>();
    RelevanceSet.publish(kb, tenant).forEach((k, id) -> keys.put(id, k));
    List<RelevanceSet.Query> queries = RelevanceSet.queries();
    RelevanceReport hybrid = RelevanceReport.measure("TicketKit hybrid", queries, text -> {
      SearchResults results = kb.search(SearchRequest.of(tenant, text).withSnippets(false));
      return new RelevanceReport.Ranked(results.ids().stream().map(keys::get).toList(),
          results.hasConfidentAnswer());
    });
    double best;
    try (PlainLucene smart = new PlainLucene(new SmartChineseAnalyzer());
        PlainLucene cjk = new PlainLucene(new CJKAnalyzer())) {
      best = Math.max(RelevanceReport.measure("smart", queries, smart::search).recallAt3(),
          RelevanceReport.measure("cjk", queries, cjk::search).recallAt3());
    }
    RelevanceReport fresh = RelevanceReport.measure("TicketKit hybrid (fresh set)",
        RelevanceSet.freshQueries(), text -> {
          SearchResults results = kb.search(SearchRequest.of(tenant, text).withSnippets(false));
          return new RelevanceReport.Ranked(results.ids().stream().map(keys::get).toList(),
              results.hasConfidentAnswer());
        });
    RelevanceReport check = RelevanceReport.measure("TicketKit hybrid (check set)",
        RelevanceSet.checkQueries(), text -> {
          SearchResults results = kb.search(SearchRequest.of(tenant, text).withSnippets(false));
          return new RelevanceReport.Ranked(results.ids().stream().map(keys::get).toList(),
              results.hasConfidentAnswer());
        });
    RelevanceReport heldout = RelevanceReport.measure("TicketKit hybrid (held-out set)",
        RelevanceSet.heldoutQueries(), text -> {
          SearchResults results = kb.search(SearchRequest.of(tenant, text).withSnippets(false));
          return new RelevanceReport.Ranked(results.ids().stream().map(keys::get).toList(),
              results.hasConfidentAnswer());
        });
    System.out.println("[kb-relevance-hybrid]\n"
        + RelevanceReport.table(List.of(hybrid, fresh, check, heldout)));
    System.out.println("[kb-relevance-hybrid] misses: " + hybrid.misses() + "; fresh set: "
        + fresh.misses() + "; check set: " + check.misses() + "; held-out set: "
        + heldout.misses());
    assertThat(hybrid.recallAt3()).isGreaterThanOrEqualTo(0.94);
    assertThat(hybrid.recallAt3()).isGreaterThanOrEqualTo(best + 0.08);
    assertThat(hybrid.answerableFlagged()).isLessThan(0.05);
    assertThat(hybrid.noAnswerFlagged()).isGreaterThanOrEqualTo(0.5);
  }
}
