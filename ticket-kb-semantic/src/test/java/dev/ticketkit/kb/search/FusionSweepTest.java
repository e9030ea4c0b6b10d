package dev.ticketkit.kb.search;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.semantic.BgeSmallZhEmbedding;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.kb.RelevanceReport;
import dev.ticketkit.testkit.kb.RelevanceSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Sweeps the hybrid fusion's vector weight on the calibration half of the relevance set and
 * prints the held-out half beside it. Runs only when asked ({@code -Dkb.sweep=true}).
 */
class FusionSweepTest {

  @Test
  @EnabledIfSystemProperty(named = "kb.sweep", matches = "true")
  void sweep() {
    BgeSmallZhEmbedding model = BgeSmallZhEmbedding.load();
    List<RelevanceSet.Query> queries = RelevanceSet.queries();
    for (float weight : new float[] {0.3f, 0.5f, 0.7f, 1f}) {
      SearchSettings settings = SearchSettings.defaults().withEmbedding(model)
          .withVectorWeight(weight);
      KnowledgeBase kb = KnowledgeBase.builder(new MutableClock(Instant.parse(
          "2026-11-30T09:00:00Z"))).index(ArticleSearchIndex.inMemory(settings)).build();
      Map<ArticleId, String> keys = new HashMap<>();
      RelevanceSet.publish(kb, TenantId.of("t")).forEach((k, id) -> keys.put(id, k));
      for (boolean calibration : new boolean[] {true, false}) {
        RelevanceReport r = RelevanceReport.measure("w" + weight,
            queries.stream().filter(q -> q.calibration() == calibration).toList(), text -> {
              SearchResults results = kb.search(SearchRequest.of(TenantId.of("t"), text)
                  .withSnippets(false));
              return new RelevanceReport.Ranked(results.ids().stream().map(keys::get).toList(),
                  results.hasConfidentAnswer());
            });
        System.out.printf(Locale.ROOT, "[sweep] weight %.1f %s recall@3 %.3f MRR %.3f%n", weight,
            calibration ? "calibration" : "held-out", r.recallAt3(),
            r.measures().get("all answerable").mrr());
      }
    }
  }
}
