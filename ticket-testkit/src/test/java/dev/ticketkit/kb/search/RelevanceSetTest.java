package dev.ticketkit.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.KnowledgeBase;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures lexical search on the issue-16 relevance set against plain Lucene BM25 with
 * SmartChineseAnalyzer and with CJKAnalyzer, prints the table ({@code [kb-relevance]}) and holds
 * the lexical targets. Hybrid search is measured in ticket-kb-semantic and in the benchmarks'
 * {@code RelevanceEvaluation}.
 */
class RelevanceSetTest {

  private static final TenantId TENANT = TenantId.of("eval");
  private static KnowledgeBase kb;
  private static Map<ArticleId, String> keys;
  private static RelevanceReport lexical;
  private static RelevanceReport smart;
  private static RelevanceReport cjk;
  private static RelevanceReport fresh;
  private static RelevanceReport check;
  private static RelevanceReport heldout;
  private static RelevanceReport sixth;

  @BeforeAll
  static void measure() throws Exception {
    kb = KnowledgeBase.builder(new MutableClock(Instant.parse("2026-11-30T09:00:00Z"))).build();
    keys = new HashMap<>();
    RelevanceSet.publish(kb, TENANT).forEach((k, id) -> keys.put(id, k));
    List<RelevanceSet.Query> queries = RelevanceSet.queries();
    lexical = RelevanceReport.measure("TicketKit lexical", queries, RelevanceSetTest::search);
    try (PlainLucene a = new PlainLucene(new SmartChineseAnalyzer());
        PlainLucene b = new PlainLucene(new CJKAnalyzer())) {
      smart = RelevanceReport.measure("Lucene BM25 + SmartChineseAnalyzer", queries, a::search);
      cjk = RelevanceReport.measure("Lucene BM25 + CJKAnalyzer", queries, b::search);
    }
    fresh = RelevanceReport.measure("TicketKit lexical (fresh set)", RelevanceSet.freshQueries(),
        RelevanceSetTest::search);
    check = RelevanceReport.measure("TicketKit lexical (check set)", RelevanceSet.checkQueries(),
        RelevanceSetTest::search);
    heldout = RelevanceReport.measure("TicketKit lexical (held-out set)",
        RelevanceSet.heldoutQueries(), RelevanceSetTest::search);
    sixth = RelevanceReport.measure("TicketKit lexical (sixth-pass set)",
        RelevanceSet.sixthQueries(), RelevanceSetTest::search);
  }

  static RelevanceReport.Ranked search(String text) {
    SearchResults results = kb.search(SearchRequest.of(TENANT, text).withSnippets(false));
    return new RelevanceReport.Ranked(results.ids().stream().map(keys::get).toList(),
        results.hasConfidentAnswer());
  }

  @AfterAll
  static void report() {
    System.out.println("[kb-relevance]\n"
        + RelevanceReport.table(List.of(lexical, smart, cjk, fresh, check, heldout, sixth)));
    System.out.println("[kb-relevance] lexical misses: " + lexical.misses());
  }

  @Test
  void setIsLargeEnough() {
    assertThat(RelevanceSet.articles()).hasSizeGreaterThanOrEqualTo(150);
    assertThat(RelevanceSet.queries()).hasSizeGreaterThanOrEqualTo(300);
    assertThat(RelevanceSet.checkQueries()).filteredOn(RelevanceSet.Query::noAnswer)
        .hasSizeGreaterThanOrEqualTo(40);
    assertThat(RelevanceSet.checkQueries()).filteredOn(q -> !q.noAnswer())
        .hasSizeGreaterThanOrEqualTo(40);
    assertThat(RelevanceSet.heldoutQueries()).filteredOn(RelevanceSet.Query::noAnswer)
        .hasSizeGreaterThanOrEqualTo(40);
    assertThat(RelevanceSet.heldoutQueries()).filteredOn(q -> !q.noAnswer())
        .hasSizeGreaterThanOrEqualTo(80);
    assertThat(RelevanceSet.sixthQueries()).filteredOn(RelevanceSet.Query::noAnswer)
        .hasSizeGreaterThanOrEqualTo(40);
    assertThat(RelevanceSet.sixthQueries()).filteredOn(q -> !q.noAnswer())
        .hasSizeGreaterThanOrEqualTo(60);
  }

  @Test
  void everyExpectedKeyOfEveryQuerySetIsAnArticle() {
    List<String> articles = RelevanceSet.articles().stream().map(RelevanceSet.Entry::key).toList();
    for (List<RelevanceSet.Query> set : List.of(RelevanceSet.queries(),
        RelevanceSet.freshQueries(), RelevanceSet.checkQueries(),
        RelevanceSet.heldoutQueries(), RelevanceSet.sixthQueries())) {
      for (RelevanceSet.Query q : set) {
        assertThat(articles).as(q.text()).containsAll(q.expected());
      }
    }
  }

  @Test
  void lexicalBeatsThePlainBaselines() {
    double best = Math.max(smart.recallAt3(), cjk.recallAt3());
    assertThat(lexical.recallAt3()).isGreaterThanOrEqualTo(best + 0.08);
  }
}
