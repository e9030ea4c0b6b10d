package dev.ticketkit.kb.semantic;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.search.SearchResults;
import dev.ticketkit.kb.search.SearchSettings;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.kb.RelevanceReport;
import dev.ticketkit.testkit.kb.RelevanceSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** EXPERIMENT (sixth pass): the English model as a fourth fusion list; tuning pool only. */
class EnglishRetrievalProbeTest {

  @Test
  @EnabledIfSystemProperty(named = "kb.probe", matches = "true")
  void pool() {
    TenantId tenant = TenantId.of("eval");
    KnowledgeBase kb = KnowledgeBase.builder(new MutableClock(Instant.parse("2026-11-30T09:00:00Z")))
        .index(ArticleSearchIndex.inMemory(SearchSettings.defaults()
            .withEmbedding(BgeSmallZhEmbedding.load())
            .withLatinEmbedding(BgeSmallEnEmbedding.load()))).build();
    Map<ArticleId, String> keys = new HashMap<>();
    RelevanceSet.publish(kb, tenant).forEach((k, id) -> keys.put(id, k));
    String label = Boolean.getBoolean("kb.experiment.latinRetrieval") ? "en retrieval" : "zh only";
    Function<String, RelevanceReport.Ranked> search = text -> {
      SearchResults results = kb.search(SearchRequest.of(tenant, text).withSnippets(false));
      return new RelevanceReport.Ranked(results.ids().stream().map(keys::get).toList(),
          results.hasConfidentAnswer());
    };
    System.out.println("[kb-probe]\n" + RelevanceReport.table(List.of(
        RelevanceReport.measure(label, RelevanceSet.queries(), search),
        RelevanceReport.measure(label + " (fresh)", RelevanceSet.freshQueries(), search),
        RelevanceReport.measure(label + " (check)", RelevanceSet.checkQueries(), search))));
  }
}
