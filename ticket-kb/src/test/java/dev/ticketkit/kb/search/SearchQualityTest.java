package dev.ticketkit.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.Viewer;
import dev.ticketkit.kb.testing.Corpus;
import dev.ticketkit.kb.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures search quality on the hand-written corpus: recall@3 (the expected article is among
 * the first three hits) and MRR over the first ten hits, for both Chinese analyses. The numbers
 * are printed to the test output and recorded in docs/benchmarks.md.
 */
class SearchQualityTest {

  private static final TenantId TENANT = TenantId.of("acme");
  private static final Map<ChineseAnalysis, Quality> RESULTS = new EnumMap<>(ChineseAnalysis.class);

  record Quality(int queries, int foundIn3, double mrr, List<String> misses) {
    double recallAt3() {
      return (double) foundIn3 / queries;
    }
  }

  @BeforeAll
  static void measure() {
    for (ChineseAnalysis analysis : ChineseAnalysis.values()) {
      RESULTS.put(analysis, evaluate(SearchSettings.defaults().withChinese(analysis)));
    }
  }

  @AfterAll
  static void report() {
    RESULTS.forEach((analysis, q) -> print(analysis + " (defaults)", q));
    for (ChineseAnalysis analysis : ChineseAnalysis.values()) {
      SearchSettings plain = SearchSettings.defaults().withChinese(analysis);
      print(analysis + " without synonyms", evaluate(plain.withSynonyms(Synonyms.NONE)));
      print(analysis + " without fuzzy", evaluate(plain.withFuzzy(false)));
    }
  }

  private static void print(String what, Quality q) {
    System.out.printf(Locale.ROOT,
        "[kb-search-quality] %s: queries=%d recall@3=%.3f MRR=%.3f misses=%s%n",
        what, q.queries(), q.recallAt3(), q.mrr(), q.misses());
  }

  static Quality evaluate(SearchSettings settings) {
    KnowledgeBase kb = KnowledgeBase.builder(new MutableClock(Instant.parse("2026-11-02T09:00:00Z")))
        .index(ArticleSearchIndex.inMemory(settings)).build();
    Map<String, Article> byKey = Corpus.publish(kb, TENANT);
    List<Corpus.Query> queries = Corpus.queries();
    int foundIn3 = 0;
    double reciprocal = 0;
    List<String> misses = new ArrayList<>();
    for (Corpus.Query query : queries) {
      List<ArticleId> ids = kb.search(SearchRequest.of(TENANT, query.query())
          .withViewer(Viewer.REQUESTER).withLocale(Locale.forLanguageTag(query.locale()))
          .withSnippets(false)).ids();
      int rank = ids.indexOf(byKey.get(query.expect()).id()) + 1;
      foundIn3 += rank >= 1 && rank <= 3 ? 1 : 0;
      reciprocal += rank >= 1 ? 1.0 / rank : 0;
      if (rank < 1 || rank > 3) {
        misses.add(query.query() + "->" + rank);
      }
    }
    kb.index().close();
    return new Quality(queries.size(), foundIn3, reciprocal / queries.size(), misses);
  }

  @Test
  void corpusAndQueryTableAreLargeEnough() {
    assertThat(Corpus.articles()).hasSizeGreaterThanOrEqualTo(60);
    assertThat(Corpus.articles()).anyMatch(e -> e.locale().startsWith("zh"))
        .anyMatch(e -> e.locale().startsWith("en"));
    assertThat(Corpus.queries()).hasSizeGreaterThanOrEqualTo(80);
  }

  @Test
  void defaultAnalysisReachesTheRecordedQuality() {
    Quality q = RESULTS.get(SearchSettings.defaults().chinese());
    assertThat(q.recallAt3()).isGreaterThanOrEqualTo(0.95);
    assertThat(q.mrr()).isGreaterThanOrEqualTo(0.93);
  }
}
